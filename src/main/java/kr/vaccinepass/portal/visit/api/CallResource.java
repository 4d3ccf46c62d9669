package kr.vaccinepass.portal.visit.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kr.vaccinepass.portal.shared.api.JsonBodies;
import kr.vaccinepass.portal.shared.api.Problem;
import kr.vaccinepass.portal.visit.application.CallWebhookService;

/**
 * {@code POST /api/v1/calls}: the telephony provider reports a call to a facility's 080 number. The
 * raw body is what is signed, so it is read as bytes (docs/checkin.md, "The 안심콜 webhook").
 */
@ApplicationScoped
@Path("/v1/calls")
public class CallResource {
  @Inject CallWebhookService webhook;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  public Response call(
      @HeaderParam("X-VP-Timestamp") String timestamp,
      @HeaderParam("X-VP-Signature") String signature,
      byte[] body) {
    try {
      CallWebhookService.Recorded recorded =
          webhook.receive(body == null ? new byte[0] : body, timestamp, signature);
      return Response.status(recorded.repeated() ? 200 : 201)
          .type(MediaType.APPLICATION_JSON)
          .entity(
              JsonBodies.object()
                  .add("visitId", recorded.visitId())
                  .add("outcome", "UNVERIFIED")
                  .add("repeated", recorded.repeated())
                  .build()
                  .toString())
          .build();
    } catch (CallWebhookService.Refused refused) {
      return Problem.of(refused.status(), refused.code(), null);
    }
  }
}
