package kr.vaccinepass.portal.grace.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a grace declaration waives: every case of its window (the waiver of 2021-12-13, seed news),
 * or only the cases whose pass could not be verified because the system was down (the waiver of
 * 2021-12-14, seed news; Nocut 2021-12-14).
 */
public enum GraceKind {
  /** Every cause: all penalties of the window are waived. */
  FULL(EnumSet.allOf(ViolationCause.class)),
  /** Only where the failure of the verification system prevented the check. */
  VERIFICATION_FAILURE(EnumSet.of(ViolationCause.VERIFICATION_SYSTEM_DOWN));

  private final Set<ViolationCause> causes;

  GraceKind(Set<ViolationCause> causes) {
    this.causes = Set.copyOf(causes);
  }

  /** Whether a case of that cause is waived by a declaration of this kind. */
  public boolean covers(ViolationCause cause) {
    return causes.contains(cause);
  }

  /** The causes a declaration of this kind waives. */
  public Set<ViolationCause> causes() {
    return causes;
  }
}
