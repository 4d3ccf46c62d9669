package kr.vaccinepass.portal.visit;

import static kr.vaccinepass.portal.testsupport.TestActors.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.Role;
import kr.vaccinepass.portal.testsupport.TestData;
import kr.vaccinepass.portal.visit.application.VisitRecordService;

/** HTTP calls to the portal's own API from inside the container (the door device's view). */
final class VisitTestSupport {
  static final String BASE = "http://localhost:8180";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private VisitTestSupport() {}

  /** The answer is a problem document of that status and code. */
  static void assertProblem(HttpResponse<String> response, int status, String code) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"),
        response.headers().toString());
    assertTrue(response.body().contains("\"code\":\"" + code + "\""), response.body());
  }

  /** A GET with those headers, its whole answer. */
  static HttpResponse<String> get(String path, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).GET();
    headers.forEach(request::header);
    return send(request);
  }

  static HttpResponse<String> post(String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(BASE + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(request);
  }

  static String get(String path) {
    return get(path, Map.of()).body();
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A real administrator made through the service (the trust list records who changed it). */
  static Actor newAdmin(AccountService accounts) {
    var form = TestData.inspector(TestData.JONGNO);
    form.setRole(Role.ADMIN);
    form.setJurisdictionCode(null);
    long id = as(SOME_ADMIN, () -> accounts.createStaff(form));
    return new Actor(id, form.getEmail(), Role.ADMIN, null);
  }

  /** A new owner who signed up. */
  static Actor newOwner(AccountService accounts) {
    var form = TestData.owner();
    long id = accounts.signUpOwner(form);
    return new Actor(id, form.getEmail(), Role.OWNER, null);
  }

  /** A facility in 종로구 of a new owner, and the key of its door device. */
  record Door(Facility facility, String key) {}

  static Door newDoor(
      AccountService accounts, FacilityService facilities, VisitRecordService records) {
    Actor owner = newOwner(accounts);
    Facility facility = as(owner, () -> facilities.register(TestData.facilityInJongno()));
    String key = as(owner, () -> records.createDeviceKey(facility.getId(), "front door").secret());
    return new Door(facility, key);
  }

  private static final Actor SOME_ADMIN = new Actor(0, "admin@test", Role.ADMIN, null);

  /** A handwritten visit at that instant, inserted straight into the table; its id. */
  static long insertHandwrittenVisit(
      jakarta.persistence.EntityManager em,
      jakarta.transaction.UserTransaction tx,
      long facilityId,
      java.time.Instant at)
      throws Exception {
    tx.begin();
    long id =
        ((Number)
                em.createNativeQuery(
                        "insert into visit (facility_id, visited_at, method, outcome, created_at)"
                            + " values (?1, ?2, 'HANDWRITTEN', 'UNVERIFIED', ?2) returning id")
                    .setParameter(1, facilityId)
                    .setParameter(2, at)
                    .getSingleResult())
            .longValue();
    tx.commit();
    return id;
  }

  static String checkinBody(String token) {
    return "{\"token\":\"" + token + "\"}";
  }
}
