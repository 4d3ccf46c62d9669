package kr.vaccinepass.portal.visit.domain;

import java.time.Duration;
import java.time.Instant;
import kr.vaccinepass.portal.shared.domain.BusinessException;

/**
 * The time window a trace reads, [from, to). It lies in the past, within the 28 days the visits are
 * kept, and is at most 14 days long (the incubation period the investigations of 2021 traced back;
 * KDCA's contact guidance).
 */
public record TraceWindow(Instant from, Instant to) {
  /** The longest window one trace reads. */
  public static final Duration LONGEST = Duration.ofDays(14);

  /**
   * A check-in records the arrival only; two visitors of one facility count as there at the same
   * time when they arrived within this of each other (an assumed stay, the portal's own: the law
   * sets none).
   */
  public static final Duration STAY = Duration.ofHours(1);

  /** A window checked against the portal's now and the first instant whose visits are kept. */
  public static TraceWindow of(Instant from, Instant to, Instant now, Instant firstKept) {
    if (from == null) {
      throw BusinessException.onField("from", "trace.window.fromRequired");
    }
    if (to == null) {
      throw BusinessException.onField("to", "trace.window.toRequired");
    }
    if (!to.isAfter(from)) {
      throw BusinessException.onField("to", "trace.window.order");
    }
    if (from.isAfter(now)) {
      throw BusinessException.onField("from", "trace.window.future");
    }
    if (Duration.between(from, to).compareTo(LONGEST) > 0) {
      throw BusinessException.onField("to", "trace.window.tooLong", LONGEST.toDays());
    }
    if (!to.isAfter(firstKept)) {
      throw BusinessException.onField("from", "trace.window.expired");
    }
    return new TraceWindow(from, to);
  }

  /** Whether two arrivals at one facility overlap: within one {@link #STAY} of each other. */
  public static boolean overlap(Instant a, Instant b) {
    return Duration.between(a, b).abs().compareTo(STAY) <= 0;
  }

  public boolean contains(Instant at) {
    return !at.isBefore(from) && at.isBefore(to);
  }
}
