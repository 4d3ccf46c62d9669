package kr.vaccinepass.portal.grace.domain;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
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
 */
public record DatedPolicy(
    long revision,
    Instant revisedAt,
    GuidancePeriods guidance,
    PenaltySchedules penalties,
    LocalDate finesStart,
    LocalDate passSuspended)
    implements Serializable {
  public DatedPolicy {
    Objects.requireNonNull(revisedAt, "revisedAt");
    Objects.requireNonNull(guidance, "guidance");
    Objects.requireNonNull(penalties, "penalties");
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
            .sorted(Comparator.comparing(PolicyEvent::getStartsOn).thenComparing(e -> e.getId()))
            .toList();
    return new DatedPolicy(
        latest.getStoreRevision(),
        latest.getUpdatedAt(),
        new GuidancePeriods(
            byDay.stream().map(PolicyEvent::guidancePeriod).flatMap(Optional::stream).toList()),
        new PenaltySchedules(
            byDay.stream().map(PolicyEvent::penaltySchedule).flatMap(Optional::stream).toList()),
        firstDay(byDay, PolicyEventKind.FINES_START),
        firstDay(byDay, PolicyEventKind.PASS_SUSPENDED));
  }

  private static LocalDate firstDay(List<PolicyEvent> events, PolicyEventKind kind) {
    return events.stream()
        .filter(e -> e.getKind() == kind)
        .map(PolicyEvent::getStartsOn)
        .findFirst()
        .orElse(null);
  }
}
