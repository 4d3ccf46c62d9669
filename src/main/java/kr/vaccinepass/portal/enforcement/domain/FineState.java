package kr.vaccinepass.portal.enforcement.domain;

/**
 * Where an administrative fine stands in the procedure of 질서위반행위규제법 (domain-rules.md): prior notice
 * (Art. 16), voluntary payment at 20% off (Art. 18), imposition, objection within 60 days and
 * referral to the court within 14 (Arts. 20–21), payment; or cancelled, or waived by a grace
 * declaration.
 */
public enum FineState {
  DRAFT(false),
  PRIOR_NOTICE_SENT(false),
  VOLUNTARILY_PAID(true),
  IMPOSED(false),
  PAID(true),
  OBJECTED(false),
  REFERRED(true),
  CANCELLED(true),
  WAIVED(true);

  private final boolean closed;

  FineState(boolean closed) {
    this.closed = closed;
  }

  /** No further step of the procedure follows (a waiver may still be revoked). */
  public boolean closed() {
    return closed;
  }
}
