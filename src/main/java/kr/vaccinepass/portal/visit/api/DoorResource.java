package kr.vaccinepass.portal.visit.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;
import kr.vaccinepass.portal.facility.application.FacilityDirectory;
import kr.vaccinepass.portal.facility.application.FacilitySnapshot;
import kr.vaccinepass.portal.pass.application.DoorSnapshots;
import kr.vaccinepass.portal.shared.api.ApiExceptionMapper;
import kr.vaccinepass.portal.shared.api.BodyLimit;
import kr.vaccinepass.portal.shared.api.Problem;
import kr.vaccinepass.portal.visit.application.DeviceKeys;
import kr.vaccinepass.portal.visit.application.DoorStateService;
import kr.vaccinepass.portal.visit.application.DoorSyncService;
import kr.vaccinepass.portal.visit.domain.DoorReport;

/**
 * The door app's device API (docs/door.md): the portal's public key for pairing, the signed
 * trust-list snapshot a door verifies with offline, and the sync of the visits it verified on its
 * own. The snapshot and the sync are authenticated by the facility's device key, like check-ins.
 */
@ApplicationScoped
@Path("/v1")
public class DoorResource {
  /** A facility id: digits, short enough for a long. */
  private static final Pattern FACILITY_ID = Pattern.compile("[0-9]{1,18}");

  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(null);

  @Inject DeviceKeys deviceKeys;
  @Inject FacilityDirectory directory;
  @Inject DoorSnapshots snapshots;
  @Inject DoorSyncService sync;
  @Inject DoorStateService states;

  /** The portal's public signing key: public, as a public key is; a door pins it at pairing. */
  @GET
  @Path("/door/key")
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  public Response key() {
    try {
      return json(snapshots.publicKey().toString());
    } catch (RuntimeException e) {
      return ApiExceptionMapper.answer(e);
    }
  }

  /** The signed snapshot for a door of the key's facility. */
  @GET
  @Path("/door/snapshot")
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  public Response snapshot(
      @HeaderParam("Authorization") String authorization, @Context HttpServletRequest caller) {
    try {
      DeviceCaller.Resolved device = DeviceCaller.resolve(deviceKeys, authorization, caller);
      if (device.refused()) {
        return device.refusal();
      }
      FacilitySnapshot facility = directory.find(device.facilityId()).orElse(null);
      if (facility == null) {
        return Problem.of(404, "FACILITY_NOT_FOUND", null);
      }
      return json(
          snapshots
              .snapshot(
                  new DoorSnapshots.Facility(
                      facility.id(), facility.name(), facility.type(), facility.status()),
                  DoorSyncService.maxAge())
              .toString());
    } catch (RuntimeException e) {
      return ApiExceptionMapper.answer(e);
    }
  }

  /**
   * The door's heartbeat (every 30 s): its mode, its queue, its snapshot's age, its clock offset.
   * The key first, then the body (at most {@link BodyLimit#DOOR_STATE_MAX_BYTES}, capped before it
   * is read); kept as the key's state in one upsert.
   */
  @PUT
  @Path("/door/state")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(Problem.MEDIA_TYPE)
  public Response state(
      @HeaderParam("Authorization") String authorization,
      InputStream body,
      @Context HttpServletRequest caller) {
    try {
      DeviceCaller.Resolved device = DeviceCaller.resolve(deviceKeys, authorization, caller);
      if (device.refused()) {
        return device.refusal();
      }
      DoorReport report;
      try {
        report = DoorStateRequest.parse(BodyLimit.readAll(body));
      } catch (CheckinRequest.Malformed e) {
        return Problem.of(400, "MALFORMED", e.getMessage());
      } catch (IOException e) {
        return Problem.of(400, "MALFORMED", "the body could not be read");
      }
      states.report(device.keyId(), report);
      return Response.noContent().build();
    } catch (RuntimeException e) {
      return ApiExceptionMapper.answer(e);
    }
  }

  /** The door unpairs itself: its key is revoked, and refused from then on (401 everywhere). */
  @DELETE
  @Path("/door/pairing")
  @Produces(Problem.MEDIA_TYPE)
  public Response unpair(
      @HeaderParam("Authorization") String authorization, @Context HttpServletRequest caller) {
    try {
      DeviceCaller.Resolved device = DeviceCaller.resolve(deviceKeys, authorization, caller);
      if (device.refused()) {
        return device.refusal();
      }
      states.unpair(device.keyId());
      return Response.noContent().build();
    } catch (DeviceKeys.InvalidDeviceKey e) {
      return Problem.of(401, "DEVICE_KEY_INVALID", "unknown or revoked device key");
    } catch (RuntimeException e) {
      return ApiExceptionMapper.answer(e);
    }
  }

  /**
   * A batch of the door's records: the caller first (key, then the facility id), then the body (at
   * most {@link BodyLimit#DOOR_BATCH_MAX_BYTES}, capped before it is read), then the records.
   */
  @POST
  @Path("/facilities/{facilityId}/door-visits")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  public Response doorVisits(
      @PathParam("facilityId") String facilityId,
      @HeaderParam("Authorization") String authorization,
      InputStream body,
      @Context HttpServletRequest caller) {
    try {
      DeviceCaller.Resolved device = DeviceCaller.resolve(deviceKeys, authorization, caller);
      if (device.refused()) {
        return device.refusal();
      }
      if (facilityId == null
          || !FACILITY_ID.matcher(facilityId).matches()
          || Long.parseLong(facilityId) != device.facilityId()) {
        return Problem.of(404, "FACILITY_NOT_FOUND", null);
      }
      DoorBatchRequest request;
      try {
        request = DoorBatchRequest.parse(BodyLimit.readAll(body));
      } catch (CheckinRequest.Malformed e) {
        return Problem.of(400, "MALFORMED", e.getMessage());
      } catch (DoorBatchRequest.TooLarge e) {
        return Problem.of(422, "BATCH_TOO_LARGE", e.getMessage());
      } catch (IOException e) {
        return Problem.of(400, "MALFORMED", "the body could not be read");
      }
      List<DoorSyncService.Answer> answers;
      try {
        answers = sync.sync(device.facilityId(), Long.parseLong(facilityId), request.records());
      } catch (DoorSyncService.FacilityNotFound e) {
        return Problem.of(404, "FACILITY_NOT_FOUND", null);
      } catch (DoorSyncService.ClaimedMeanwhile e) {
        return Response.fromResponse(Problem.of(503, "SYNC_CONFLICT", e.getMessage()))
            .header("Retry-After", "1")
            .build();
      }
      return json(answers(device.facilityId(), answers));
    } catch (RuntimeException e) {
      return ApiExceptionMapper.answer(e);
    }
  }

  private static String answers(long facilityId, List<DoorSyncService.Answer> answers) {
    JsonArrayBuilder records = JSON.createArrayBuilder();
    for (DoorSyncService.Answer a : answers) {
      JsonObjectBuilder r =
          JSON.createObjectBuilder()
              .add("id", a.recordId())
              .add("status", a.status().name())
              .add("code", a.code())
              .add("flagged", a.flagged());
      if (a.reason() != null) {
        r.add("reason", a.reason());
      }
      if (a.visitId() != null) {
        r.add("visitId", a.visitId());
      }
      records.add(r);
    }
    return JSON.createObjectBuilder()
        .add("facilityId", facilityId)
        .add("records", records)
        .build()
        .toString();
  }

  private static Response json(String body) {
    return Response.ok(body, MediaType.APPLICATION_JSON)
        .header("Cache-Control", "no-store")
        .build();
  }
}
