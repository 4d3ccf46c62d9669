package kr.vaccinepass.portal.enforcement.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import kr.vaccinepass.portal.shared.domain.Money;

/**
 * The arrears surcharge of an unpaid fine (질서위반행위규제법 Art. 24): 3% once the payment deadline has
 * passed, then 1.2% more for every full month after the deadline, for at most 60 months. Computed
 * from the dates, never stored by hand; percentages round down to the won.
 */
public final class Arrears {
  /** 3% (가산금), Art. 24(1). */
  static final long SURCHARGE_BP = 300;

  /** 1.2% a month (중가산금), Art. 24(2). */
  static final long MONTHLY_BP = 120;

  /** At most 60 months of the monthly surcharge, Art. 24(2). */
  static final int MAX_MONTHS = 60;

  private Arrears() {}

  /**
   * The surcharge due on that day for a fine unpaid since its deadline (zero up to the deadline).
   */
  public static Money on(Money fine, LocalDate paymentDeadline, LocalDate day) {
    if (!day.isAfter(paymentDeadline)) {
      return Money.ZERO;
    }
    long months = Math.min(MAX_MONTHS, ChronoUnit.MONTHS.between(paymentDeadline, day));
    return fine.timesBasisPoints(SURCHARGE_BP).plus(fine.timesBasisPoints(MONTHLY_BP * months));
  }

  /** The most arrears a fine can ever carry: 3% and 60 months of 1.2%, each rounded down. */
  public static Money ceiling(Money fine) {
    return fine.timesBasisPoints(SURCHARGE_BP).plus(fine.timesBasisPoints(MONTHLY_BP * MAX_MONTHS));
  }
}
