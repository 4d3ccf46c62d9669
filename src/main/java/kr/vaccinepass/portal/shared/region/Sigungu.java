package kr.vaccinepass.portal.shared.region;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Locale;

/**
 * A 시군구: the local government that imposes fines and whose inspectors act there. Read-only
 * reference data.
 */
@Entity
@Table(name = "sigungu")
public class Sigungu {
  @Id private String code;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "sido_code")
  private Sido sido;

  @Column(name = "name_ko")
  private String nameKo;

  @Column(name = "name_en")
  private String nameEn;

  protected Sigungu() {}

  public String getCode() {
    return code;
  }

  public Sido getSido() {
    return sido;
  }

  public String getNameKo() {
    return nameKo;
  }

  public String getNameEn() {
    return nameEn;
  }

  public String name(Locale locale) {
    return Regions.isKorean(locale) ? nameKo : nameEn;
  }

  /** "서울특별시 종로구" or "Jongno-gu, Seoul". */
  public String fullName(Locale locale) {
    if (nameKo.equals(sido.getNameKo())) {
      return sido.name(locale);
    }
    return Regions.isKorean(locale)
        ? sido.getNameKo() + " " + nameKo
        : nameEn + ", " + sido.getNameEn();
  }
}
