package kr.vaccinepass.portal.enforcement.domain;

import java.time.Instant;

/**
 * What the count rule needs to know of an earlier violation of a facility, so that {@link
 * PenaltyRules#standingCount} can count violations however they are stored.
 */
public interface CountedViolation {
  /** Who broke the rule; only operator violations count. */
  ViolationKind kind();

  /** When the violation happened (not when it was recorded or decided). */
  Instant occurredAt();

  /**
   * Whether the violation stands: false when it was waived (a grace period covered it) or cancelled
   * (withdrawn, or annulled on objection).
   */
  boolean stands();
}
