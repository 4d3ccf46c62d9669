package kr.vaccinepass.portal.enforcement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import kr.vaccinepass.portal.shared.domain.Money;

/**
 * The penalty schedules as a dated table, one place for "what fine applied on 2022-02-08 at 23:59
 * KST". A schedule applies from 00:00 KST of its date until the next one starts, chosen by the
 * Korean (Asia/Seoul) date of the violation, never the UTC date.
 *
 * <p>Before the first schedule, {@link #at(Instant)} still answers the first schedule: there was no
 * pass and so no violation before 2021-11-01, and a case dated earlier (a typing error in a
 * handwritten report, a test) gets the oldest penalty rather than an exception in the middle of an
 * inspection. Whether a guidance period covered the day is not this table's concern: the
 * enforcement calendar answers it (fines only from 2021-11-08, Newsway 2021-11-08).
 */
public final class PenaltySchedules {
  private static final ZoneId KST = ZoneId.of("Asia/Seoul");

  private static final Money VISITOR_FINE = Money.won(100_000);
  private static final Sanction DAYS_10 = Sanction.suspension(Period.ofDays(10));
  private static final Sanction DAYS_20 = Sanction.suspension(Period.ofDays(20));
  private static final Sanction MONTHS_3 = Sanction.suspension(Period.ofMonths(3));

  /** The penalties of Korea, 2021-11-01 to the end of the pass (domain-rules.md, "Penalties"). */
  public static final PenaltySchedules STANDARD =
      new PenaltySchedules(
          List.of(
              new PenaltySchedule(
                  "2021-11",
                  LocalDate.of(2021, 11, 1),
                  // visitor: 100,000 won each time (seed news; Newsway 2021-11-08)
                  VISITOR_FINE,
                  List.of(
                      // 1st: 1,500,000 won and 10 days' suspension (seed news; Newsway 2021-11-08)
                      new PenaltyRow(1, Money.won(1_500_000), DAYS_10),
                      // 2nd: 3,000,000 won and 20 days (Newsway 2021-11-08; KB Maeil 2021-11-15)
                      new PenaltyRow(2, Money.won(3_000_000), DAYS_20),
                      // 3rd: 3,000,000 won and 3 months (Newsway 2021-11-08; KB Maeil 2021-11-15)
                      new PenaltyRow(3, Money.won(3_000_000), MONTHS_3),
                      // 4th and beyond: 3,000,000 won and closure (Newsway; KB Maeil 2021-11-15)
                      new PenaltyRow(4, Money.won(3_000_000), Sanction.CLOSURE)),
                  "seed news (News1, Dong-A Ilbo 2021-12-14); Newsway 2021-11-08;"
                      + " KB Maeil 2021-11-15"),
              new PenaltySchedule(
                  "2022-02",
                  LocalDate.of(2022, 2, 9),
                  // visitor: unchanged, 100,000 won each time (KHA news; Ilyo)
                  VISITOR_FINE,
                  List.of(
                      // 1st: 500,000 won and a warning (KHA news; Ilyo); one outlet reported
                      // 1,000,000 won, we follow KHA news and Ilyo
                      new PenaltyRow(1, Money.won(500_000), Sanction.WARNING),
                      // 2nd: 1,000,000 won and 10 days' suspension (KHA news; Ilyo)
                      new PenaltyRow(2, Money.won(1_000_000), DAYS_10),
                      // 3rd: 2,000,000 won and 20 days (KHA news; Ilyo)
                      new PenaltyRow(3, Money.won(2_000_000), DAYS_20),
                      // 4th: 2,000,000 won and 3 months (KHA news; Ilyo)
                      new PenaltyRow(4, Money.won(2_000_000), MONTHS_3),
                      // 5th and beyond: 2,000,000 won and closure (KHA news; Ilyo)
                      new PenaltyRow(5, Money.won(2_000_000), Sanction.CLOSURE)),
                  "KHA news; Ilyo (February 2022)")));

  private final List<PenaltySchedule> schedules;

  /** A table of at least one schedule, in strictly increasing order of their effective dates. */
  public PenaltySchedules(List<PenaltySchedule> schedules) {
    this.schedules = List.copyOf(schedules);
    if (this.schedules.isEmpty()) {
      throw new IllegalArgumentException("a penalty table has at least one schedule");
    }
    for (int i = 1; i < this.schedules.size(); i++) {
      if (!this.schedules
          .get(i)
          .effectiveFrom()
          .isAfter(this.schedules.get(i - 1).effectiveFrom())) {
        throw new IllegalArgumentException("schedules are in strictly increasing date order");
      }
    }
  }

  /**
   * The schedule in force at the violation's instant, by its Korean date; before the first
   * schedule, the first schedule still (see the class comment).
   */
  public PenaltySchedule at(Instant violationAt) {
    LocalDate date = LocalDate.ofInstant(Objects.requireNonNull(violationAt, "violationAt"), KST);
    for (int i = schedules.size() - 1; i > 0; i--) {
      if (!schedules.get(i).effectiveFrom().isAfter(date)) {
        return schedules.get(i);
      }
    }
    return schedules.get(0);
  }

  /** The schedule of that name (as stored with each penalty), if this table has it. */
  public java.util.Optional<PenaltySchedule> named(String name) {
    return schedules.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The schedules, oldest first (unmodifiable). */
  public List<PenaltySchedule> all() {
    return schedules;
  }
}
