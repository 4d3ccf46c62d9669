package kr.vaccinepass.portal.visit.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import kr.vaccinepass.portal.shared.api.ApiExceptionMapper;
import kr.vaccinepass.portal.shared.api.BodyLimit;
import kr.vaccinepass.portal.shared.api.JsonBodies;
import kr.vaccinepass.portal.shared.api.Problem;
import kr.vaccinepass.portal.visit.application.CheckinService;
import kr.vaccinepass.portal.visit.application.DeviceKeys;
import kr.vaccinepass.portal.visit.application.VisitQueue;
import kr.vaccinepass.portal.visit.application.VisitStoreUnavailable;
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
  @Inject DeviceKeys deviceKeys;

  /** A facility id: digits, short enough for a long. */
  private static final Pattern FACILITY_ID = Pattern.compile("[0-9]{1,18}");

  /** Seconds a device should wait before it tries an overloaded portal again. */
  static final String RETRY_AFTER_SECONDS = "1";

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  public void checkIn(
      @PathParam("facilityId") String facilityId,
      @HeaderParam("Authorization") String authorization,
      InputStream body,
      @Context HttpServletRequest caller,
      @Suspended AsyncResponse response) {
    try {
      decide(facilityId, authorization, caller, body, response);
    } catch (RuntimeException failure) {
      // whatever failed, the answer is a problem document (never the exception as an entity)
      response.resume(ApiExceptionMapper.answer(failure));
    }
  }

  /**
   * The caller first, then its body: the device key is checked (from memory, or one lookup, or the
   * memory of unknown keys) before the body is read and parsed, and before a place in the bulkhead
   * is taken; the body is read only up to the API's cap ({@link BodyLimit}).
   */
  private void decide(
      String facilityId,
      String authorization,
      HttpServletRequest caller,
      InputStream body,
      AsyncResponse response) {
    if (DeviceCaller.secret(authorization) == null) {
      response.resume(Problem.of(401, "DEVICE_KEY_REQUIRED", "Authorization: Device <key>"));
      return;
    }
    if (facilityId == null || !FACILITY_ID.matcher(facilityId).matches()) {
      response.resume(Problem.of(404, "FACILITY_NOT_FOUND", null));
      return;
    }
    long id = Long.parseLong(facilityId);
    DeviceCaller.Resolved device = DeviceCaller.resolve(deviceKeys, authorization, caller);
    if (device.refused()) {
      response.resume(device.refusal());
      return;
    }
    long keyFacility = device.facilityId();
    CheckinRequest request;
    try {
      request = CheckinRequest.parse(BodyLimit.readAll(body));
    } catch (CheckinRequest.Malformed e) {
      response.resume(Problem.of(400, "MALFORMED", e.getMessage()));
      return;
    } catch (IOException e) {
      response.resume(Problem.of(400, "MALFORMED", "the body could not be read"));
      return;
    }
    // the bulkhead holds the token's checks (CPU); the wait for the commit holds no thread
    if (!gate.enter()) {
      response.resume(overloaded());
      return;
    }
    CompletableFuture<CheckinAnswer> answer;
    try {
      answer = checkins.checkInAsDevice(keyFacility, id, request.token(), request.party());
    } catch (VisitQueue.Overloaded e) {
      response.resume(overloaded());
      return;
    } finally {
      gate.leave();
    }
    answer.whenComplete(
        (given, failure) -> {
          try {
            response.resume(failure == null ? toAnswer(given) : failed(failure));
          } catch (RuntimeException e) {
            response.resume(ApiExceptionMapper.answer(e));
          }
        });
  }

  /**
   * The answer to a check-in whose future failed: always a {@link Response} (a problem document),
   * never the exception itself, which {@code resume(Object)} would have written as the entity.
   */
  static Response failed(Throwable failure) {
    RuntimeException cause = CheckinService.unwrapped(failure);
    if (cause instanceof VisitQueue.Overloaded) {
      return overloaded();
    }
    // the writer or the key lookup found the database down: the device sends the same token again
    return cause instanceof VisitStoreUnavailable
        ? ApiExceptionMapper.serviceUnavailable()
        : ApiExceptionMapper.answer(cause);
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
}
