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
import java.io.IOException;
import java.io.InputStream;
import kr.vaccinepass.portal.shared.api.BodyLimit;
import kr.vaccinepass.portal.shared.api.JsonBodies;
import kr.vaccinepass.portal.shared.api.Problem;
import kr.vaccinepass.portal.visit.application.CallWebhookService;

/**
 * {@code POST /api/v1/calls}: the telephony provider reports a call to a facility's 080 number. The
 * raw body is what is signed, so it is read as bytes, at most the API's cap, and only once the
 * signature headers are well formed and the timestamp is fresh (docs/checkin.md, "The 안심콜
 * webhook").
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
      InputStream body) {
    try {
      // the headers and the timestamp's window first: a stranger's body is never read
      webhook.admit(timestamp, signature);
      byte[] bytes;
      try {
        bytes = BodyLimit.readAll(body);
      } catch (IOException e) {
        return Problem.of(400, "MALFORMED", "the body could not be read");
      }
      CallWebhookService.Recorded recorded = webhook.receive(bytes, timestamp, signature);
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
