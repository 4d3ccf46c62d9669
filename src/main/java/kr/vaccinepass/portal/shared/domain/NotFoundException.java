package kr.vaccinepass.portal.shared.domain;

/**
 * The object does not exist, or the caller may not see it: both answer the same, so that an id that
 * belongs to somebody else reveals nothing.
 */
public class NotFoundException extends BusinessException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String messageKey) {
    super(messageKey, null);
  }
}
