package kr.vaccinepass.portal.grace.domain;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The dated policy the rules follow, as the enforcement calendar stands at one revision: the
 * guidance periods, the penalty schedules, the first day of fines and the end of the pass. Built
 * from the calendar's events, which are its only source; the rules, the public status page, the
 * banner and the inspector's preview all ask it.
 *
 * @param revision the store's revision: the highest revision number of its events
 * @param revisedAt when that revision was made
 * @param passPolicies the pass rules by day: each rule change that carries them, and the pass's
 *     end, which suspends the rules in force then
 */
public record DatedPolicy(
    long revision,
    Instant revisedAt,
    GuidancePeriods guidance,
    PenaltySchedules penalties,
    PassPolicyTable passPolicies,
    LocalDate finesStart,
    LocalDate passSuspended)
    implements Serializable {
  public DatedPolicy {
    Objects.requireNonNull(revisedAt, "revisedAt");
    Objects.requireNonNull(guidance, "guidance");
    Objects.requireNonNull(penalties, "penalties");
    Objects.requireNonNull(passPolicies, "passPolicies");
  }

  /** The policy the events make (at least one penalty change among them). */
  public static DatedPolicy of(Collection<PolicyEvent> events) {
    PolicyEvent latest =
        events.stream()
            .max(
                Comparator.comparingLong(PolicyEvent::getStoreRevision)
                    .thenComparing(PolicyEvent::getUpdatedAt))
            .orElseThrow(() -> new IllegalArgumentException("the calendar has no events"));
    List<PolicyEvent> byDay =
        events.stream()
            .sorted(
                Comparator.comparing(PolicyEvent::getStartsOn)
                    .thenComparing(
                        PolicyEvent::getId, Comparator.nullsLast(Comparator.naturalOrder())))
            .toList();
    return new DatedPolicy(
        latest.getStoreRevision(),
        latest.getUpdatedAt(),
        new GuidancePeriods(
            byDay.stream().map(PolicyEvent::guidancePeriod).flatMap(Optional::stream).toList()),
        new PenaltySchedules(
            byDay.stream().map(PolicyEvent::penaltySchedule).flatMap(Optional::stream).toList()),
        passPolicies(byDay),
        firstDay(byDay, PolicyEventKind.FINES_START),
        firstDay(byDay, PolicyEventKind.PASS_SUSPENDED));
  }

  /**
   * The pass rules by day: a rule change that carries them starts a row; the pass's end suspends
   * the rules in force. Two on one day make one row, the suspension winning.
   */
  private static PassPolicyTable passPolicies(List<PolicyEvent> byDay) {
    List<PassPolicy> rows = new ArrayList<>();
    for (PolicyEvent e : byDay) {
      PassPolicy last =
          rows.isEmpty() ? PassPolicyTable.BEFORE_THE_PASS : rows.get(rows.size() - 1);
      PassPolicy row;
      if (e.getKind() == PolicyEventKind.PASS_SUSPENDED) {
        row = PassTerms.of(last).from(e.getStartsOn(), e.getSource(), true);
      } else {
        Optional<PassTerms> terms = e.passTerms();
        if (terms.isEmpty()) {
          continue;
        }
        row = terms.get().from(e.getStartsOn(), e.getSource(), last.suspended() && !rows.isEmpty());
      }
      if (!rows.isEmpty() && last.effectiveFrom().equals(row.effectiveFrom())) {
        rows.set(rows.size() - 1, last.suspended() ? last : row);
      } else {
        rows.add(row);
      }
    }
    return new PassPolicyTable(rows);
  }

  private static LocalDate firstDay(List<PolicyEvent> events, PolicyEventKind kind) {
    return events.stream()
        .filter(e -> e.getKind() == kind)
        .map(PolicyEvent::getStartsOn)
        .findFirst()
        .orElse(null);
  }
}
