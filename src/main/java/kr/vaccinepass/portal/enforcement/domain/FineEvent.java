package kr.vaccinepass.portal.enforcement.domain;

/**
 * What a step of a fine case records when its state does not change because of a grace declaration:
 * a waived case held by one more declaration, or released by a revoked one while another still
 * holds it. A step without an event that keeps its state is a submitted opinion.
 */
public enum FineEvent {
  /** One more active declaration covers the waived case (overlapping declarations). */
  GRACE_HOLD,
  /** A revoked declaration lets go of the case; another declaration still holds it waived. */
  GRACE_RELEASE
}
