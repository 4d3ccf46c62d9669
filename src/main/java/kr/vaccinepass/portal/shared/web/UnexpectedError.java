package kr.vaccinepass.portal.shared.web;

import jakarta.faces.FacesException;

/**
 * What the browser is told of an unexpected error: that there was one (see {@link
 * QuietExceptionHandlerFactory}). Its name and text are all that reaches a partial response.
 */
public final class UnexpectedError extends FacesException {
  private static final long serialVersionUID = 1L;

  public UnexpectedError() {
    super("unexpected error");
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this; // the original, logged, has the trace
  }
}
