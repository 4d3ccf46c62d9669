package kr.vaccinepass.portal.shared.infrastructure;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import kr.vaccinepass.portal.shared.domain.Money;

/** Money as a bigint column of whole won. */
@Converter(autoApply = true)
public class MoneyConverter implements AttributeConverter<Money, Long> {
  @Override
  public Long convertToDatabaseColumn(Money money) {
    return money == null ? null : money.won();
  }

  @Override
  public Money convertToEntityAttribute(Long won) {
    return won == null ? null : Money.won(won);
  }
}
