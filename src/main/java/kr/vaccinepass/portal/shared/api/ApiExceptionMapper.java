package kr.vaccinepass.portal.shared.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import kr.vaccinepass.portal.shared.domain.AccessDeniedException;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.infrastructure.DatabaseFailures;

/**
 * Every failure of the API as a problem document ({@code application/problem+json}) with a stable
 * code: never a stack trace, a class name or a driver's message, whatever failed and whether the
 * request was answered synchronously or not. A database that cannot be reached or did not commit in
 * time is 503 SERVICE_UNAVAILABLE with {@code Retry-After}, so that devices send the same request
 * again; anything else unexpected is 500 INTERNAL and is logged here.
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

  /**
   * Seconds a caller should wait before it sends the same request to a portal without database: the
   * pool validates connections on checkout, so check-ins are committed again within about a second
   * of the database's return (docs/checkin.md, section 15).
   */
  public static final String UNAVAILABLE_RETRY_AFTER_SECONDS = "1";

  @Override
  public Response toResponse(Throwable failure) {
    return answer(failure);
  }

  /** The problem document for a failure; also used by resources that answer asynchronously. */
  public static Response answer(Throwable failure) {
    PayloadTooLarge tooLarge = find(failure, PayloadTooLarge.class);
    if (tooLarge != null) {
      return tooLarge.response();
    }
    if (failure instanceof NotFoundException e) {
      return Problem.of(404, "NOT_FOUND", e.messageKey());
    }
    if (failure instanceof AccessDeniedException) {
      return Problem.of(403, "FORBIDDEN", null);
    }
    if (failure instanceof BusinessException e) {
      return Problem.of(422, "INVALID", e.messageKey());
    }
    if (failure instanceof WebApplicationException e) {
      int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
      if (status >= 500) {
        LOG.log(Level.SEVERE, "API failure", failure);
        return unavailable(failure) ? serviceUnavailable() : internal();
      }
      String code =
          switch (status) {
            case 400 -> "MALFORMED";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status >= 400 && status < 500 ? "MALFORMED" : "HTTP_" + status;
          };
      return Problem.of(status >= 400 && status < 500 ? status : 400, code, null);
    }
    if (failure instanceof jakarta.ws.rs.ProcessingException
        || failure instanceof jakarta.json.bind.JsonbException
        || failure instanceof jakarta.json.JsonException) {
      if (unavailable(failure)) {
        return serviceUnavailable();
      }
      return Problem.of(400, "MALFORMED", "the body is not the JSON this endpoint takes");
    }
    if (unavailable(failure)) {
      LOG.log(Level.WARNING, "API failure: the database is unavailable", failure);
      return serviceUnavailable();
    }
    LOG.log(Level.SEVERE, "API failure", failure);
    return internal();
  }

  /**
   * 503 SERVICE_UNAVAILABLE with Retry-After: nothing was recorded; send the same request again.
   */
  public static Response serviceUnavailable() {
    return Response.fromResponse(
            Problem.of(
                503,
                "SERVICE_UNAVAILABLE",
                "the portal cannot record this now; send the same request again shortly"))
        .header("Retry-After", UNAVAILABLE_RETRY_AFTER_SECONDS)
        .build();
  }

  private static Response internal() {
    return Problem.of(500, "INTERNAL", "the request failed; it has been logged");
  }

  /**
   * Whether a failure means that the database cannot be used now (connection refused or lost, pool
   * exhausted, timeouts, a commit that did not finish in time), rather than a fault of the request
   * or of the code ({@link DatabaseFailures#worthRetrying}).
   */
  public static boolean unavailable(Throwable failure) {
    return DatabaseFailures.worthRetrying(failure);
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
