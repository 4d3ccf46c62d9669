package kr.vaccinepass.portal.grace.domain;

/**
 * Where a grace declaration stands. It is declared APPLYING, its covered cases are waived in
 * batches, then it is APPLIED; revoked, its waivers are undone in batches (REVOKING), then it is
 * REVOKED. Only an applying or applied declaration covers anything.
 */
public enum GraceStatus {
  APPLYING(true, false),
  APPLIED(true, true),
  REVOKING(false, false),
  REVOKED(false, true);

  private final boolean active;
  private final boolean settled;

  GraceStatus(boolean active, boolean settled) {
    this.active = active;
    this.settled = settled;
  }

  /** The declaration waives the cases it covers (new ones too). */
  public boolean active() {
    return active;
  }

  /** No batch work is pending. */
  public boolean settled() {
    return settled;
  }
}
