package kr.vaccinepass.portal.enforcement.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import kr.vaccinepass.portal.grace.domain.DatedPolicy;
import kr.vaccinepass.portal.grace.domain.PenaltyRow;
import kr.vaccinepass.portal.grace.domain.PenaltySchedule;
import kr.vaccinepass.portal.grace.domain.PenaltySchedules;
import kr.vaccinepass.portal.grace.domain.Sanction;
import kr.vaccinepass.portal.shared.domain.Money;

/**
 * Decides the penalty the law sets for a violation: the fine and the sanction proposed beside it,
 * by the schedule in force at the violation's Korean date (domain-rules.md, "Penalties"). An
 * operator's penalty grows with the number of earlier violations of the same facility that stand; a
 * visitor's does not.
 */
public final class PenaltyRules {
  private final PenaltySchedules schedules;
  private final long policyRevision;

  /**
   * Rules by these schedules, of that revision of the calendar (kept with each penalty decided).
   */
  public PenaltyRules(PenaltySchedules schedules, long policyRevision) {
    this.schedules = Objects.requireNonNull(schedules, "schedules");
    this.policyRevision = policyRevision;
  }

  /** Rules by the penalty schedules of the calendar as it stands in that policy. */
  public static PenaltyRules of(DatedPolicy policy) {
    return new PenaltyRules(policy.penalties(), policy.revision());
  }

  /**
   * The penalty of one violation.
   *
   * @param kind who broke the rule
   * @param at when the violation happened; its Korean date chooses the schedule
   * @param priorStandingOperatorViolations how many earlier operator violations of the facility
   *     stand (not waived, not cancelled), see {@link #standingCount}; the operator's penalty is
   *     the row of this count + 1; ignored for a visitor, but never negative
   * @param guidancePeriod whether a guidance period (계도기간) covers the instant: then a warning
   *     without fine (warningOnly, fine ZERO, sanction WARNING for an operator, NONE for a visitor)
   */
  public Penalty decide(
      ViolationKind kind, Instant at, int priorStandingOperatorViolations, boolean guidancePeriod) {
    Objects.requireNonNull(kind, "kind");
    if (priorStandingOperatorViolations < 0) {
      throw new IllegalArgumentException(
          "a count of prior violations is not negative: " + priorStandingOperatorViolations);
    }
    PenaltySchedule schedule = schedules.at(at);
    if (guidancePeriod) {
      // 계도기간: violations are warned, not fined (domain-rules.md, "Terms" and "Calendar")
      Sanction warning = kind == ViolationKind.OPERATOR ? Sanction.WARNING : Sanction.NONE;
      return new Penalty(
          Money.ZERO, warning, true, schedule.name(), schedule.source(), policyRevision);
    }
    return switch (kind) {
      // a visitor is fined for each violation, whatever the count (seed news)
      case VISITOR ->
          new Penalty(
              schedule.visitorFine(),
              Sanction.NONE,
              false,
              schedule.name(),
              schedule.source(),
              policyRevision);
      case OPERATOR -> {
        PenaltyRow row = schedule.operatorRow(priorStandingOperatorViolations + 1);
        yield new Penalty(
            row.fine(), row.sanction(), false, schedule.name(), schedule.source(), policyRevision);
      }
    };
  }

  /**
   * The count rule: how many of these earlier violations of the facility stand. Only operator
   * violations count, only those that occurred strictly before {@code before} (one at the same
   * instant is not earlier), and only those that stand (not waived, not cancelled). Violations
   * under either schedule count alike: the eased schedule of 2022-02-09 did not reset the count.
   */
  public static int standingCount(Collection<? extends CountedViolation> earlier, Instant before) {
    Objects.requireNonNull(earlier, "earlier");
    Objects.requireNonNull(before, "before");
    int count = 0;
    for (CountedViolation v : earlier) {
      if (v.kind() == ViolationKind.OPERATOR && v.occurredAt().isBefore(before) && v.stands()) {
        count++;
      }
    }
    return count;
  }
}
