package kr.vaccinepass.portal.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.domain.Facility;
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
 * The door's snapshot and the portal's key over HTTP, in WildFly on PostgreSQL: the device key
 * opens its facility's snapshot, the signature verifies with the key served at pairing (as
 * WebCrypto would verify it), and the key is kept once, its private half encrypted.
 */
@ExtendWith(ArquillianExtension.class)
class DoorSnapshotIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(DoorSnapshotIT.class, VisitTestSupport.class);
  }

  @Inject AccountService accounts;
  @Inject FacilityService facilities;
  @Inject VisitRecordService records;
  @Inject Clock clock;
  @PersistenceContext EntityManager em;

  private Facility facility;
  private String key;

  @BeforeEach
  void facilityWithDevice() {
    VisitTestSupport.Door door = VisitTestSupport.newDoor(accounts, facilities, records);
    facility = door.facility();
    key = door.key();
  }

  @Test
  void theSnapshotIsSignedByTheKeyServedAtPairing() throws Exception {
    HttpResponse<String> keyAnswer = get("/api/v1/door/key", null);
    HttpResponse<String> answer = get("/api/v1/door/snapshot", "Device " + key);

    assertEquals(200, keyAnswer.statusCode(), keyAnswer.body());
    assertEquals(200, answer.statusCode(), answer.body());
    JsonObject portalKey = json(keyAnswer.body());
    JsonObject envelope = json(answer.body());
    assertEquals(portalKey.getString("kid"), envelope.getString("kid"));
    assertEquals("P-256", portalKey.getJsonObject("jwk").getString("crv"));
    assertFalse(portalKey.getJsonObject("jwk").containsKey("d"));
    byte[] payload = Base64.getUrlDecoder().decode(envelope.getString("payload"));
    byte[] signature = Base64.getUrlDecoder().decode(envelope.getString("signature"));
    Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
    verifier.initVerify(
        KeyFactory.getInstance("EC")
            .generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(portalKey.getString("spki")))));
    verifier.update(payload);
    assertTrue(verifier.verify(signature), "the signature verifies as WebCrypto's would");

    JsonObject snapshot = json(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(
        facility.getId(), snapshot.getJsonObject("facility").getJsonNumber("id").longValue());
    Instant issued = Instant.parse(snapshot.getString("issuedAt"));
    assertTrue(
        Duration.between(issued, clock.instant()).abs().toSeconds() < 60,
        "the server's clock (a demo clock in the tests)");
    assertEquals(
        issued.plus(Duration.ofHours(48)), Instant.parse(snapshot.getString("validUntil")));
    assertTrue(
        snapshot.getJsonArray("issuers").stream()
            .anyMatch(i -> i.asJsonObject().getString("code").equals("COOV")),
        "the issuers of the trust list");
    assertFalse(snapshot.getJsonObject("policy").getJsonArray("rows").isEmpty());
  }

  @Test
  void theKeyIsTheSameEveryTimeAndStoredEncrypted() {
    String first = json(get("/api/v1/door/key", null).body()).getString("kid");
    String again = json(get("/api/v1/door/key", null).body()).getString("kid");

    assertEquals(first, again);
    Object[] row =
        (Object[])
            em.createNativeQuery("select kid, private_key from portal_signing_key")
                .getSingleResult();
    assertEquals(first, row[0]);
    assertTrue(
        ((String) row[1]).startsWith("test1."),
        "the private half is a ciphertext under the data key (portal.data.keys)");
  }

  @Test
  void theSnapshotNeedsTheDeviceKey() {
    VisitTestSupport.assertProblem(get("/api/v1/door/snapshot", null), 401, "DEVICE_KEY_REQUIRED");
    VisitTestSupport.assertProblem(
        get("/api/v1/door/snapshot", "Device vpd_" + "y".repeat(43)), 401, "DEVICE_KEY_INVALID");
    VisitTestSupport.assertProblem(
        get("/api/v1/door/snapshot", "Bearer " + key), 401, "DEVICE_KEY_REQUIRED");
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  private static HttpResponse<String> get(String path, String authorization) {
    return VisitTestSupport.get(
        path, authorization == null ? Map.of() : Map.of("Authorization", authorization));
  }
}
