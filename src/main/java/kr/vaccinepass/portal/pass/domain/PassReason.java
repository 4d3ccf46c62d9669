package kr.vaccinepass.portal.pass.domain;

/** Why the answer at the door is what it is; each reason belongs to exactly one outcome. */
public enum PassReason {
  /** The primary series is in effect (14 days after the final dose, not expired). */
  VACCINATED(PassOutcome.PASS),
  /** A booster dose was given on or before the day of the check. */
  BOOSTED(PassOutcome.PASS),
  /** A negative PCR result, until 24:00 of the day on which 48 hours after its notice fall. */
  PCR_NEGATIVE(PassOutcome.PASS),
  /** Born in or after the year from which under-18s are exempt. */
  UNDER_18(PassOutcome.EXEMPT),
  /** A valid medical exemption certificate (의학적 사유 접종예외). */
  MEDICAL_EXEMPTION(PassOutcome.EXEMPT),
  /** A valid isolation-release certificate (완치자). */
  RECOVERED(PassOutcome.EXEMPT),
  /** An unvaccinated person dining alone at a restaurant or café. */
  SOLO_DINER(PassOutcome.EXEMPT),
  /** The one unvaccinated person of a group at a restaurant or café, before 2021-12-18. */
  GROUP_ALLOWANCE(PassOutcome.EXEMPT),
  /** The pass did not apply: suspended, not yet started, or not for this facility type then. */
  NOT_COVERED(PassOutcome.EXEMPT),
  /** A final dose less than 14 days old. */
  NOT_YET_EFFECTIVE(PassOutcome.NO_PASS),
  /** A primary series past its validity, without a booster. */
  VACCINATION_EXPIRED(PassOutcome.NO_PASS),
  /** A PCR result past its validity. */
  PCR_EXPIRED(PassOutcome.NO_PASS),
  /** An exemption certificate past its last day. */
  EXEMPTION_EXPIRED(PassOutcome.NO_PASS),
  /** Nothing that could count as a pass or an exemption. */
  NO_PROOF(PassOutcome.NO_PASS);

  private final PassOutcome outcome;

  PassReason(PassOutcome outcome) {
    this.outcome = outcome;
  }

  /** The outcome this reason leads to. */
  public PassOutcome outcome() {
    return outcome;
  }
}
