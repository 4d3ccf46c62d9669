package kr.vaccinepass.portal.visit.domain;

/** How a visit was recorded (domain-rules.md, "How a visit is recorded"). */
public enum VisitMethod {
  /** A pass QR scanned at the door: proves the pass. */
  QR,
  /** 안심콜: the visitor called the facility's 080 number; proves nothing about the pass. */
  CALL,
  /** 수기 명부: a handwritten entry; proves nothing about the pass. */
  HANDWRITTEN,
  /**
   * Checked at the door another way while a verification-system incident was open: no personal
   * data, only how the operator checked (불가항력, Etoday December 2021).
   */
  DOOR_CHECK
}
