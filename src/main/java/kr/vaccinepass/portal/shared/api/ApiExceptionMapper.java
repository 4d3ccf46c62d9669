package kr.vaccinepass.portal.shared.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import kr.vaccinepass.portal.shared.domain.AccessDeniedException;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.NotFoundException;

/** Every failure of the API as a problem document: a code, never a stack trace. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable failure) {
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
      int status = e.getResponse().getStatus();
      String code =
          switch (status) {
            case 400 -> "MALFORMED";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> "HTTP_" + status;
          };
      return Problem.of(status, code, null);
    }
    if (failure instanceof jakarta.ws.rs.ProcessingException
        || failure instanceof jakarta.json.bind.JsonbException
        || failure instanceof jakarta.json.JsonException) {
      return Problem.of(400, "MALFORMED", "the body is not the JSON this endpoint takes");
    }
    LOG.log(Level.SEVERE, "API failure", failure);
    return Problem.of(500, "INTERNAL", "the request failed; it has been logged");
  }
}
