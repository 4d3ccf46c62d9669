package kr.vaccinepass.portal.visit.application;

import kr.vaccinepass.portal.shared.infrastructure.DatabaseFailures;

/**
 * The visits cannot be read or written now: the database does not answer (stopped, restarting,
 * unreachable, no connection to be had). Nothing was recorded; the caller may try the same check-in
 * again shortly (the API answers 503 with Retry-After). Distinct from a failure of one row, which
 * no retry mends.
 */
public class VisitStoreUnavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public VisitStoreUnavailable(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Whether a failure says the database could not be reached, rather than that it refused what was
   * sent ({@link DatabaseFailures#unavailable}).
   */
  public static boolean isConnectionFailure(Throwable failure) {
    return failure instanceof VisitStoreUnavailable || DatabaseFailures.unavailable(failure);
  }
}
