package kr.vaccinepass.portal.pass.domain;

import java.util.Objects;

/** The answer at the door with its reason; the outcome always matches the reason's. */
public record PassDecision(PassOutcome outcome, PassReason reason) {
  public PassDecision {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    if (reason.outcome() != outcome) {
      throw new IllegalArgumentException(reason + " is a reason for " + reason.outcome());
    }
  }

  /** The decision for a reason, with the reason's outcome. */
  public static PassDecision of(PassReason reason) {
    return new PassDecision(reason.outcome(), reason);
  }

  /** Whether the visitor may enter: a valid pass or an exemption. */
  public boolean admitted() {
    return outcome != PassOutcome.NO_PASS;
  }
}
