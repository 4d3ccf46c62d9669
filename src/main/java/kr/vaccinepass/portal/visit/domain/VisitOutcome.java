package kr.vaccinepass.portal.visit.domain;

/** What a visit record says about the visitor's pass. */
public enum VisitOutcome {
  /** A verified pass (vaccinated, boosted or negative PCR). */
  PASS,
  /** Verified as not needing a pass (under 18, exempt, solo diner, type not covered). */
  EXEMPT,
  /** Not verified by the portal: 안심콜, a handwritten entry, or a door check during an incident. */
  UNVERIFIED
}
