package kr.vaccinepass.portal.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.testsupport.Deployments;
import kr.vaccinepass.portal.visit.application.VisitRecordService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The door's heartbeat and unpairing over HTTP, in WildFly on PostgreSQL: a report is stored once
 * per key (the second replaces the first), a bad one is a problem document and stores nothing, and
 * a door that unpairs itself has revoked its key.
 */
@ExtendWith(ArquillianExtension.class)
class DoorStateIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(DoorStateIT.class, VisitTestSupport.class);
  }

  @Inject AccountService accounts;
  @Inject FacilityService facilities;
  @Inject VisitRecordService records;
  @PersistenceContext EntityManager em;

  private String key;

  @BeforeEach
  void facilityWithDevice() {
    VisitTestSupport.Door door = VisitTestSupport.newDoor(accounts, facilities, records);
    key = door.key();
  }

  @Test
  void aReportIsStoredOncePerKeyAndReplacedByTheNext() {
    HttpResponse<String> first =
        put(
            "{\"mode\":\"OFFLINE\",\"queued\":12,\"oldestQueuedAt\":\"2021-12-13T02:45:00Z\","
                + "\"snapshotIssuedAt\":\"2021-12-13T00:00:00Z\",\"clockOffsetMs\":-250}",
            "Device " + key);
    HttpResponse<String> second =
        put("{\"mode\":\"DEGRADED\",\"queued\":3,\"snapshotIssuedAt\":null}", "Device " + key);

    assertEquals(204, first.statusCode(), first.body());
    assertEquals(204, second.statusCode(), second.body());
    List<?> rows = stateRows();
    assertEquals(1, rows.size(), "one row per door");
    Object[] row = (Object[]) rows.get(0);
    assertEquals("DEGRADED", row[0]);
    assertEquals(3, ((Number) row[1]).intValue());
    assertNotNull(row[2], "the server's clock when it arrived");
  }

  @Test
  void aBadReportIsAProblemAndStoresNothing() {
    VisitTestSupport.assertProblem(put("{\"mode\":\"ONLINE\"}", null), 401, "DEVICE_KEY_REQUIRED");
    VisitTestSupport.assertProblem(
        put("{\"mode\":\"ONLINE\",\"queued\":0}", "Device nope"), 401, "DEVICE_KEY_INVALID");
    VisitTestSupport.assertProblem(
        put("{\"mode\":\"ASLEEP\",\"queued\":0}", "Device " + key), 400, "MALFORMED");
    VisitTestSupport.assertProblem(
        put("{\"mode\":\"ONLINE\",\"queued\":-1}", "Device " + key), 400, "MALFORMED");
    VisitTestSupport.assertProblem(
        put(
            "{\"mode\":\"ONLINE\",\"queued\":0,\"pad\":\"" + "x".repeat(4096) + "\"}",
            "Device " + key),
        413,
        "PAYLOAD_TOO_LARGE");

    assertEquals(0, stateRows().size());
  }

  @Test
  void aDoorThatUnpairsItselfHasRevokedItsKey() {
    HttpResponse<String> unpaired = send("DELETE", null, "Device " + key);

    assertEquals(204, unpaired.statusCode(), unpaired.body());
    VisitTestSupport.assertProblem(
        VisitTestSupport.get("/api/v1/door/snapshot", Map.of("Authorization", "Device " + key)),
        401,
        "DEVICE_KEY_INVALID");
    VisitTestSupport.assertProblem(
        put("{\"mode\":\"ONLINE\",\"queued\":0}", "Device " + key), 401, "DEVICE_KEY_INVALID");
  }

  /** This test's door: the newest key (each test pairs one). */
  private List<?> stateRows() {
    return em.createNativeQuery(
            "select s.mode, s.queued, s.last_seen_at from door_state s"
                + " where s.device_key_id = (select max(id) from device_key)")
        .getResultList();
  }

  private static HttpResponse<String> put(String body, String authorization) {
    return send("PUT", body, authorization);
  }

  private static HttpResponse<String> send(String method, String body, String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(
                    VisitTestSupport.BASE
                        + (body == null ? "/api/v1/door/pairing" : "/api/v1/door/state")))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
