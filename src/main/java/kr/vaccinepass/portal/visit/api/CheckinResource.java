package kr.vaccinepass.portal.visit.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import kr.vaccinepass.portal.pass.domain.DiningParty;
import kr.vaccinepass.portal.shared.api.JsonBodies;
import kr.vaccinepass.portal.shared.api.Problem;
import kr.vaccinepass.portal.visit.application.CheckinService;
import kr.vaccinepass.portal.visit.application.DeviceKeys;
import kr.vaccinepass.portal.visit.application.VisitBatcher;
import kr.vaccinepass.portal.visit.domain.CheckinAnswer;

/**
 * {@code POST /api/v1/facilities/{id}/checkins}: a door device checks a visitor in. Authenticated
 * by the facility's device key ({@code Authorization: Device vpd_...}). Admitted: 201 with the
 * visit; refused: a problem document whose {@code code} says why (docs/checkin.md). Idempotent: the
 * same token again gets the same answer with {@code Idempotent-Replayed: true}. One instance serves
 * every request: a request-scoped resource cost a CDI creation and RESTEasy's validator set-up on
 * each check-in.
 */
@ApplicationScoped
@Path("/v1/facilities/{facilityId}/checkins")
public class CheckinResource {
  @Inject CheckinService checkins;
  @Inject CheckinGate gate;

  /** Seconds a device should wait before it tries an overloaded portal again. */
  static final String RETRY_AFTER_SECONDS = "1";

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  public void checkIn(
      @PathParam("facilityId") String facilityId,
      @HeaderParam("Authorization") String authorization,
      CheckinRequest request,
      @Suspended AsyncResponse response) {
    String secret = deviceSecret(authorization);
    if (secret == null) {
      response.resume(Problem.of(401, "DEVICE_KEY_REQUIRED", "Authorization: Device <key>"));
      return;
    }
    long id;
    try {
      id = Long.parseLong(facilityId);
    } catch (NumberFormatException e) {
      response.resume(Problem.of(404, "FACILITY_NOT_FOUND", null));
      return;
    }
    if (request == null || request.token() == null) {
      response.resume(Problem.of(400, "MALFORMED", "a token is required"));
      return;
    }
    DiningParty party;
    try {
      party = request.party() == null ? DiningParty.NONE : DiningParty.valueOf(request.party());
    } catch (IllegalArgumentException e) {
      response.resume(
          Problem.of(400, "MALFORMED", "party is NONE, ALONE or GROUP_ONE_UNVACCINATED"));
      return;
    }
    // the bulkhead holds the token's checks (CPU); the wait for the commit holds no thread
    if (!gate.enter()) {
      response.resume(overloaded());
      return;
    }
    CompletableFuture<CheckinAnswer> answer;
    try {
      answer = checkins.checkInWithDeviceAsync(secret, id, request.token(), party);
    } catch (DeviceKeys.InvalidDeviceKey e) {
      response.resume(Problem.of(401, "DEVICE_KEY_INVALID", "unknown or revoked device key"));
      return;
    } catch (VisitBatcher.Overloaded e) {
      response.resume(overloaded());
      return;
    } finally {
      gate.leave();
    }
    answer.whenComplete(
        (given, failure) -> {
          if (failure == null) {
            response.resume(toAnswer(given));
            return;
          }
          RuntimeException cause = CheckinService.unwrapped(failure);
          // an exception mapper turns anything else into a problem document, as for any request
          if (cause instanceof VisitBatcher.Overloaded) {
            response.resume(overloaded());
          } else {
            // resume(Throwable), not resume(Object): the exception mappers answer, not a 200
            response.resume(cause);
          }
        });
  }

  private static Response toAnswer(CheckinAnswer answer) {
    Response response = toResponse(answer);
    return answer.replayed()
        ? Response.fromResponse(response).header("Idempotent-Replayed", "true").build()
        : response;
  }

  /** 503 at once, nothing recorded: the device tries the same token again after Retry-After. */
  static Response overloaded() {
    return Response.fromResponse(
            Problem.of(503, "OVERLOADED", "too many check-ins at once; try again shortly"))
        .header("Retry-After", RETRY_AFTER_SECONDS)
        .build();
  }

  static Response toResponse(CheckinAnswer answer) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (answer.reason() != null) {
      fields.put("reason", answer.reason().name());
    }
    fields.put("checkedAt", answer.checkedAt().toString());
    if (!answer.admitted()) {
      return Problem.of(answer.code().httpStatus(), answer.code().name(), null, fields);
    }
    JsonObjectBuilder json =
        JsonBodies.object()
            .add("code", answer.code().name())
            .add("admitted", true)
            .add("visitId", answer.visitId());
    fields.forEach(json::add);
    return Response.status(answer.code().httpStatus())
        .type(MediaType.APPLICATION_JSON)
        .entity(json.build().toString())
        .build();
  }

  private static String deviceSecret(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Device ", 0, 7)) {
      return null;
    }
    return authorization.substring(7).trim();
  }
}
