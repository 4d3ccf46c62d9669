package kr.vaccinepass.portal.visit.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import kr.vaccinepass.portal.shared.api.ApiExceptionMapper;
import kr.vaccinepass.portal.visit.application.VisitStoreUnavailable;

/**
 * The database cannot be reached: {@code 503 SERVICE_UNAVAILABLE} with {@code Retry-After}, nothing
 * recorded; the device sends the same token again (it is valid for 15 s). The writer logs the
 * outage itself (once, at SEVERE), so this answer logs nothing per request. More specific than the
 * API's mapper of every Throwable, so JAX-RS picks this one.
 */
@Provider
public class VisitStoreUnavailableMapper implements ExceptionMapper<VisitStoreUnavailable> {
  @Override
  public Response toResponse(VisitStoreUnavailable failure) {
    return ApiExceptionMapper.serviceUnavailable();
  }
}
