package kr.vaccinepass.portal.shared.api;

import jakarta.ws.rs.core.Response;

/** A request body beyond {@link BodyLimit}'s cap: 413 PAYLOAD_TOO_LARGE. */
public final class PayloadTooLarge extends RuntimeException {
  private final int limit;

  public PayloadTooLarge(int limit) {
    super("request body over " + limit + " bytes", null, false, false);
    this.limit = limit;
  }

  public Response response() {
    return Problem.of(
        413, "PAYLOAD_TOO_LARGE", "the body is limited to " + limit + " bytes", java.util.Map.of());
  }
}
