package kr.vaccinepass.portal.grace.domain;

/** The kinds of administrative sanction (행정처분) beside a fine (domain-rules.md, "Penalties"). */
public enum SanctionKind {
  /** No sanction: visitors, and any case without one. */
  NONE,
  /** A warning (경고): the eased first violation of an operator, or a guidance-period warning. */
  WARNING,
  /** Operation suspension (운영 중단) for a set length. */
  SUSPENSION,
  /** A closure order (폐쇄 명령). */
  CLOSURE;

  /**
   * Whether the inspector decides this sanction (its start, or not to impose it): a suspension or a
   * closure.
   */
  public boolean needsDecision() {
    return this == SUSPENSION || this == CLOSURE;
  }
}
