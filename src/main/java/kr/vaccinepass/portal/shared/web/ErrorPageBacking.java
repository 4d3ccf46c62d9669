package kr.vaccinepass.portal.shared.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import kr.vaccinepass.portal.shared.infrastructure.DatabaseFailures;
import org.primefaces.application.exceptionhandler.ExceptionInfo;

/**
 * The error pages' status. They render with no service and no database (their template is {@code
 * WEB-INF/templates/error.xhtml}), so that a failure of the database cannot fail the error page
 * too; PrimeFaces' exception handler reaches them by a redirect, which would otherwise answer 200.
 * A failure because the database is unavailable answers 503 with Retry-After.
 */
@Named
@RequestScoped
public class ErrorPageBacking {
  /**
   * Sets the status of the error page being rendered (unless the answer has left already); 0 leaves
   * it as it is.
   */
  public void answer(int status) {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    if (external.isResponseCommitted() || status <= 0) {
      return;
    }
    int code = status;
    if (status == 500 && DatabaseFailures.unavailable(failure(external))) {
      code = 503;
      external.setResponseHeader("Retry-After", "5");
    }
    external.setResponseStatus(code);
    external.setResponseHeader("Cache-Control", "no-store");
  }

  /** The failure shown: from the container's error dispatch, or from PrimeFaces' redirect. */
  private static Throwable failure(ExternalContext external) {
    Object dispatched = external.getRequestMap().get("jakarta.servlet.error.exception");
    if (dispatched instanceof Throwable t) {
      return t;
    }
    Object session = external.getSession(false);
    if (session == null) {
      return null;
    }
    // taken once, so that a later error page does not answer for an old failure
    Object info = external.getSessionMap().remove(ExceptionInfo.ATTRIBUTE_NAME);
    return info instanceof ExceptionInfo i ? i.getException() : null;
  }
}
