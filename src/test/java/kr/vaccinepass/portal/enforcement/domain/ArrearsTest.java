package kr.vaccinepass.portal.enforcement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import kr.vaccinepass.portal.shared.domain.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 질서위반행위규제법 Art. 24: 3% once overdue, then 1.2% for every full month, at most 60 months. */
class ArrearsTest {
  private static final LocalDate DEADLINE = LocalDate.of(2022, 3, 4);

  @ParameterizedTest(name = "{0} KRW on {1} → {2}")
  @CsvSource({
    // on the deadline: nothing yet
    "1500000, 2022-03-04, 0",
    // the day before: nothing
    "1500000, 2022-03-03, 0",
    // the day after: 3%
    "1500000, 2022-03-05, 45000",
    // a day short of a full month: still 3%
    "1500000, 2022-04-03, 45000",
    // one full month: 3% + 1.2%
    "1500000, 2022-04-04, 63000",
    // two full months: 3% + 2.4%
    "1500000, 2022-05-04, 81000",
    // 59 months
    "1500000, 2027-02-04, 1107000",
    // 60 months: the cap, 3% + 72%
    "1500000, 2027-03-04, 1125000",
    // 61 months: still the cap
    "1500000, 2027-04-04, 1125000",
    // ten years: the cap
    "1500000, 2032-03-04, 1125000",
    // a visitor's fine, one month: 3,000 + 1,200
    "100000, 2022-04-04, 4200",
    // rounding down to the won: 3% of 33,333 is 999.99
    "33333, 2022-03-05, 999",
    // 3,000,000, 3 months: 90,000 + 108,000
    "3000000, 2022-06-04, 198000"
  })
  void arrearsByTheMonth(long fine, LocalDate day, long surcharge) {
    assertEquals(Money.won(surcharge), Arrears.on(Money.won(fine), DEADLINE, day));
  }

  @ParameterizedTest(name = "the most arrears of {0} KRW → {1}")
  @CsvSource({
    "1500000, 1125000", // 3% + 60 × 1.2% = 75%
    "100000, 75000",
    "33333, 24998" // each part rounded down, as Arrears.on rounds them
  })
  void theCeilingIsTheArrearsOfSixtyMonths(long fine, long ceiling) {
    assertEquals(Money.won(ceiling), Arrears.ceiling(Money.won(fine)));
    assertEquals(
        Arrears.on(Money.won(fine), DEADLINE, DEADLINE.plusYears(30)),
        Arrears.ceiling(Money.won(fine)),
        "never more than the arrears of any day");
  }
}
