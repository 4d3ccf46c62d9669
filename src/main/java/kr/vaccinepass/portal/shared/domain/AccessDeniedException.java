package kr.vaccinepass.portal.shared.domain;

/** The caller has no role for the operation at all (object-level refusals are not-found). */
public class AccessDeniedException extends BusinessException {
  private static final long serialVersionUID = 1L;

  public AccessDeniedException() {
    super("error.accessDenied", null);
  }
}
