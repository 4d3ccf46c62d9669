package kr.vaccinepass.portal.enforcement.domain;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.vaccinepass.portal.shared.domain.Money;

/**
 * A facility's history for its inspector, as a read model: every inspection, every violation and
 * every step of its fine case, one entry each, with its instant. What the page shows of an entry
 * (its words) is the page's; what happened, when, and which case it opens is decided here.
 */
public record FacilityHistory(List<Entry> entries) implements Serializable {
  private static final String VIOLATION = "violation-";
  private static final String FINE = "fine-";

  /** The lane of an entry on the timeline. */
  public enum Lane {
    INSPECTIONS,
    VIOLATIONS,
    FINES
  }

  /** What an entry records. */
  public enum Step {
    /** An inspection (with the inspector's notes, if any). */
    INSPECTION,
    /** A violation logged, with its fine or its warning. */
    VIOLATION,
    /** The fine case opened. */
    FINE_OPENED,
    /** A grace declaration held or released the case ({@link Entry#event()}). */
    FINE_EVENT,
    /** The owner gave an opinion. */
    OPINION,
    /** The case moved to a state ({@link Entry#state()}). */
    FINE_STATE
  }

  /**
   * One entry.
   *
   * @param id stable within the history; a violation's and a fine step's name their case
   * @param userText what a person typed (an inspection's notes, a declaration's reason), else null
   */
  public record Entry(
      String id,
      Lane lane,
      Step step,
      Instant at,
      ViolationKind kind,
      Money fine,
      boolean warningOnly,
      FineEvent event,
      FineState state,
      String userText)
      implements Serializable {}

  /** The time the timeline first shows: every entry, with a margin of two days or a quarter. */
  public record Window(Instant from, Instant to) {}

  public FacilityHistory {
    entries = List.copyOf(entries);
  }

  /** The history of these inspections and violations (with their fine cases' steps). */
  public static FacilityHistory of(List<Inspection> inspections, List<Violation> violations) {
    List<Entry> entries = new ArrayList<>();
    for (Inspection i : inspections) {
      entries.add(
          new Entry(
              "inspection-" + i.getId(),
              Lane.INSPECTIONS,
              Step.INSPECTION,
              i.getInspectedAt(),
              null,
              null,
              false,
              null,
              null,
              i.getNotes()));
    }
    for (Violation v : violations) {
      entries.add(
          new Entry(
              VIOLATION + v.getId(),
              Lane.VIOLATIONS,
              Step.VIOLATION,
              v.getOccurredAt(),
              v.getKind(),
              v.getFine(),
              v.isWarningOnly(),
              null,
              null,
              null));
      if (v.getFineCase() == null) {
        continue;
      }
      List<FineTransition> steps = v.getFineCase().getHistory();
      for (int n = 0; n < steps.size(); n++) {
        FineTransition t = steps.get(n);
        Step step =
            t.from() == null
                ? Step.FINE_OPENED
                : t.event() != null
                    ? Step.FINE_EVENT
                    : t.opinion() ? Step.OPINION : Step.FINE_STATE;
        entries.add(
            new Entry(
                FINE + v.getId() + "-" + n,
                Lane.FINES,
                step,
                t.at(),
                v.getKind(),
                null,
                false,
                t.event(),
                t.to(),
                // the administrator's own words follow a grace step's name
                step == Step.FINE_EVENT ? t.reason() : null));
      }
    }
    return new FacilityHistory(entries);
  }

  /** The violation whose case an entry opens: a violation's or one of its fine's steps. */
  public static Optional<Long> caseOf(String entryId) {
    try {
      if (entryId.startsWith(VIOLATION)) {
        return Optional.of(Long.parseLong(entryId.substring(VIOLATION.length())));
      }
      if (entryId.startsWith(FINE)) {
        return Optional.of(
            Long.parseLong(entryId.substring(FINE.length(), entryId.lastIndexOf('-'))));
      }
    } catch (RuntimeException e) {
      // not one of ours
    }
    return Optional.empty();
  }

  /** What the timeline first shows, around now and every entry. */
  public Window window(Instant now) {
    Instant first = now;
    Instant last = now;
    for (Entry e : entries) {
      first = e.at().isBefore(first) ? e.at() : first;
      last = e.at().isAfter(last) ? e.at() : last;
    }
    // the labels are centred on their time: room for half a label on either side
    Duration margin = Duration.between(first, last).dividedBy(4);
    if (margin.compareTo(Duration.ofDays(2)) < 0) {
      margin = Duration.ofDays(2);
    }
    return new Window(first.minus(margin), last.plus(margin));
  }
}
