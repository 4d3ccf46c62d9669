package kr.vaccinepass.portal.visit;

import static kr.vaccinepass.portal.testsupport.TestActors.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.shared.domain.AccessDeniedException;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.testsupport.Deployments;
import kr.vaccinepass.portal.testsupport.TestData;
import kr.vaccinepass.portal.visit.application.DoorStateService;
import kr.vaccinepass.portal.visit.application.PairedDoor;
import kr.vaccinepass.portal.visit.application.VisitRecordService;
import kr.vaccinepass.portal.visit.domain.DeviceKey;
import kr.vaccinepass.portal.visit.domain.DoorMode;
import kr.vaccinepass.portal.visit.domain.DoorState;
import kr.vaccinepass.portal.visit.domain.RegionDoors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pairing a door from the owner's devices page and reading doors' state, in WildFly on PostgreSQL:
 * the key the page makes opens that facility's snapshot; another owner can neither pair nor read
 * the doors of a facility not theirs; the owner reads each key's door state as it last reported;
 * administrators (only they) count the doors per 시군구, the most troubled first.
 */
@ExtendWith(ArquillianExtension.class)
class DoorPairingIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(DoorPairingIT.class, VisitTestSupport.class);
  }

  @Inject AccountService accounts;
  @Inject FacilityService facilities;
  @Inject VisitRecordService records;
  @Inject DoorStateService doors;
  @Inject Clock clock;

  private Actor owner;
  private Facility facility;

  @BeforeEach
  void ownerWithFacility() {
    owner = VisitTestSupport.newOwner(accounts);
    facility = as(owner, () -> facilities.register(TestData.facilityInJongno()));
  }

  @Test
  void pairingMakesAKeyThatOpensTheFacilitysSnapshot() {
    DeviceKey.Issued paired =
        as(owner, () -> records.createDeviceKey(facility.getId(), "출입문 앱 2021-12-13"));

    HttpResponse<String> snapshot =
        VisitTestSupport.get(
            "/api/v1/door/snapshot", Map.of("Authorization", "Device " + paired.secret()));
    assertEquals(200, snapshot.statusCode(), snapshot.body());
    JsonObject envelope = Json.createReader(new StringReader(snapshot.body())).readObject();
    String payload =
        new String(
            Base64.getUrlDecoder().decode(envelope.getString("payload")), StandardCharsets.UTF_8);
    JsonObject door = Json.createReader(new StringReader(payload)).readObject();
    assertEquals(
        facility.getId().longValue(),
        door.getJsonObject("facility").getJsonNumber("id").longValue());
    assertTrue(
        as(owner, () -> records.doors(facility.getId())).stream()
            .anyMatch(d -> d.key().getId().equals(paired.key().getId()) && d.state() == null),
        "the new key is listed, its door not heard from yet");
  }

  @Test
  void anotherOwnerCanNeitherPairNorReadTheDoorsOfAFacilityNotTheirs() {
    Actor stranger = VisitTestSupport.newOwner(accounts);
    int keysBefore = as(owner, () -> records.deviceKeys(facility.getId())).size();

    assertThrows(
        NotFoundException.class,
        () -> as(stranger, () -> records.createDeviceKey(facility.getId(), "출입문 앱")));
    assertThrows(
        NotFoundException.class, () -> as(stranger, () -> records.doors(facility.getId())));
    assertEquals(
        keysBefore,
        as(owner, () -> records.deviceKeys(facility.getId())).size(),
        "the refused pairing made no key");
  }

  @Test
  void theOwnerReadsEachKeysDoorStateAsItLastReported() {
    DeviceKey.Issued front = as(owner, () -> records.createDeviceKey(facility.getId(), "정문"));
    DeviceKey.Issued back = as(owner, () -> records.createDeviceKey(facility.getId(), "후문"));
    Instant issued = clock.instant().minus(Duration.ofHours(3));
    HttpResponse<String> put =
        put(
            front.secret(),
            "{\"mode\":\"DEGRADED\",\"queued\":4,\"snapshotIssuedAt\":\"" + issued + "\"}");
    assertEquals(204, put.statusCode(), put.body());

    List<PairedDoor> read = as(owner, () -> records.doors(facility.getId()));

    PairedDoor reporting = byKey(read, front);
    assertEquals(DoorState.Presence.REPORTING, reporting.presence());
    assertEquals(DoorMode.DEGRADED, reporting.mode());
    assertEquals(4, reporting.state().report().queued());
    assertEquals(DoorState.SnapshotFreshness.FRESH, reporting.snapshot());
    assertTrue(
        reporting.snapshotAge().compareTo(Duration.ofHours(3)) >= 0
            && reporting.snapshotAge().compareTo(Duration.ofHours(4)) < 0,
        reporting.snapshotAge().toString());
    PairedDoor quiet = byKey(read, back);
    assertNull(quiet.state(), "the other key's door never reported");
    assertEquals(DoorState.Presence.IDLE, quiet.presence());
  }

  @Test
  void administratorsCountTheDoorsPerSigunguMostTroubledFirst() {
    DeviceKey.Issued key = as(owner, () -> records.createDeviceKey(facility.getId(), "정문"));
    assertEquals(204, put(key.secret(), "{\"mode\":\"OFFLINE\",\"queued\":9}").statusCode());
    Actor admin = VisitTestSupport.newAdmin(accounts);

    List<RegionDoors> regions = as(admin, () -> doors.perRegion());

    RegionDoors jongno =
        regions.stream()
            .filter(r -> TestData.JONGNO.equals(r.sigunguCode()))
            .findFirst()
            .orElseThrow();
    assertTrue(
        jongno.counted() >= 1 && jongno.degraded() >= 1 && jongno.queued() >= 9, "" + jongno);
    List<RegionDoors> sorted = new ArrayList<>(regions);
    sorted.sort(RegionDoors.MOST_TROUBLED_FIRST);
    assertEquals(sorted, regions, "the most troubled 시군구 first");
    assertThrows(AccessDeniedException.class, () -> as(owner, () -> doors.perRegion()));
  }

  private static PairedDoor byKey(List<PairedDoor> doors, DeviceKey.Issued issued) {
    return doors.stream()
        .filter(d -> d.key().getId().equals(issued.key().getId()))
        .findFirst()
        .orElseThrow();
  }

  private static HttpResponse<String> put(String secret, String body) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(VisitTestSupport.BASE + "/api/v1/door/state"))
              .header("Content-Type", "application/json")
              .header("Authorization", "Device " + secret)
              .PUT(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
