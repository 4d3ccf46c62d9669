package kr.vaccinepass.portal.shared.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An amount reads the way the user's language writes it; the one place amounts are formatted. */
class MoneyTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "100000  | ko | 100,000원",
        "100000  | en | KRW 100,000",
        "0       | ko | 0원",
        "1500000 | en | KRW 1,500,000",
        "80000   | ko-KR | 80,000원",
        "80000   | en-US | KRW 80,000"
      })
  void anAmountInEachLanguage(long won, String language, String shown) {
    assertEquals(shown, Money.won(won).format(Locale.forLanguageTag(language)));
  }
}
