package kr.vaccinepass.portal.pass.domain;

/** The answer at the door: a valid pass, an exemption from the pass, or no pass. */
public enum PassOutcome {
  PASS,
  EXEMPT,
  NO_PASS
}
