package kr.vaccinepass.portal.enforcement.domain;

/**
 * A step an agency takes on a fine case (질서위반행위규제법, domain-rules.md); which ones a case allows now
 * is {@link FineCase#possibleSteps()}. Waivers belong to the grace declarations, not here.
 */
public enum FineStep {
  /** The prior notice with the opinion deadline (Art. 16). */
  PRIOR_NOTICE,
  /** A payment: the reduced one within the opinion period (Art. 18), else the imposed one. */
  PAYMENT,
  /** The imposition once the opinion period is over. */
  IMPOSITION,
  /** A written objection within 60 days (Art. 20). */
  OBJECTION,
  /** The referral of an objected case to the court (Art. 21). */
  REFERRAL,
  /** Cancellation by the agency, with the reason. */
  CANCELLATION
}
