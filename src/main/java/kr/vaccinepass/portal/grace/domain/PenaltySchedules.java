package kr.vaccinepass.portal.grace.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import kr.vaccinepass.portal.shared.domain.Kst;

/**
 * The penalty schedules as a dated table, one place for "what fine applied on 2022-02-08 at 23:59
 * KST": the PENALTY_CHANGE events of the enforcement calendar ({@link
 * PolicyEvent#penaltySchedule()}), seeded from domain-rules.md (V22). A schedule applies from 00:00
 * KST of its date until the next one starts, chosen by the Korean (Asia/Seoul) date of the
 * violation, never the UTC date.
 *
 * <p>Before the first schedule, {@link #at(Instant)} still answers the first schedule: there was no
 * pass and so no violation before 2021-11-01, and a case dated earlier (a typing error in a
 * handwritten report, a test) gets the oldest penalty rather than an exception in the middle of an
 * inspection. Whether a guidance period covered the day is not this table's concern: the
 * enforcement calendar answers it (fines only from 2021-11-08, Newsway 2021-11-08).
 */
public final class PenaltySchedules {

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
    LocalDate date =
        LocalDate.ofInstant(Objects.requireNonNull(violationAt, "violationAt"), Kst.ZONE);
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
