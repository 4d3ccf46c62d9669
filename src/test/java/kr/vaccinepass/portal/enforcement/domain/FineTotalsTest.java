package kr.vaccinepass.portal.enforcement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import kr.vaccinepass.portal.shared.domain.Money;
import org.junit.jupiter.api.Test;

/** The sums of an inspector's list: the fines set, and what is due on a day, case by case. */
class FineTotalsTest {
  private static final Money FINE = Money.won(1_500_000);
  private static final LocalDate DAY = LocalDate.of(2022, 2, 20);

  @Test
  void finesOfEveryRowAndWhatTheOpenCasesOweThatDay() {
    FineTotals totals =
        FineTotals.of(
            List.of(
                // two cases before or in the opinion period: the fine
                new FineTotals.Group(FINE, FineState.DRAFT, FINE, null, 1),
                new FineTotals.Group(FINE, FineState.PRIOR_NOTICE_SENT, FINE, null, 1),
                // imposed 2021-12-01, due 2022-01-30: 3% arrears on 2022-02-20 (Art. 24)
                new FineTotals.Group(FINE, FineState.IMPOSED, FINE, LocalDate.of(2021, 12, 1), 2),
                // cancelled and paid cases owe nothing, but their fines were set
                new FineTotals.Group(
                    Money.won(100_000), FineState.CANCELLED, Money.won(100_000), null, 1),
                new FineTotals.Group(FINE, FineState.PAID, FINE, LocalDate.of(2021, 12, 1), 1),
                // guidance-period warnings: no fine, no case
                new FineTotals.Group(Money.ZERO, null, null, null, 3)),
            DAY);

    assertEquals(9, totals.count());
    assertEquals(Money.won(5 * 1_500_000 + 100_000), totals.fines());
    assertEquals(Money.won(2 * 1_500_000 + 2 * 1_545_000), totals.due());
  }

  @Test
  void nothingSumsToNothing() {
    assertEquals(FineTotals.NONE, FineTotals.of(List.of(), DAY));
  }
}
