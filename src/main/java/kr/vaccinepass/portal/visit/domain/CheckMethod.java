package kr.vaccinepass.portal.visit.domain;

/** How the operator checked the pass of an UNVERIFIED visit. */
public enum CheckMethod {
  PAPER_CERTIFICATE,
  /** the 국민비서 SMS certificate */
  SMS_CERTIFICATE,
  PCR_PAPER,
  EXEMPTION_CERTIFICATE,
  /**
   * Asking the visitor: met the duty only during an IT failure (불가항력, Etoday December 2021), so
   * accepted only while a system incident is declared.
   */
  VERBAL
}
