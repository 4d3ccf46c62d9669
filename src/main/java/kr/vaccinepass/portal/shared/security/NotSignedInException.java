package kr.vaccinepass.portal.shared.security;

import kr.vaccinepass.portal.shared.domain.AccessDeniedException;

/** A service that needs an actor was called with nobody signed in. */
public class NotSignedInException extends AccessDeniedException {
  private static final long serialVersionUID = 1L;
}
