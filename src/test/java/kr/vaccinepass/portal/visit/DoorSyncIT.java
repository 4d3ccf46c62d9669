package kr.vaccinepass.portal.visit;

import static kr.vaccinepass.portal.testsupport.TestActors.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.pass.application.DemoIssuers;
import kr.vaccinepass.portal.pass.application.TrustListService;
import kr.vaccinepass.portal.pass.domain.PassDecision;
import kr.vaccinepass.portal.pass.domain.PassFacts;
import kr.vaccinepass.portal.pass.domain.PassKeys;
import kr.vaccinepass.portal.pass.domain.PassReason;
import kr.vaccinepass.portal.pass.domain.PassToken;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.Role;
import kr.vaccinepass.portal.testsupport.Deployments;
import kr.vaccinepass.portal.testsupport.TestData;
import kr.vaccinepass.portal.visit.application.VisitRecordService;
import kr.vaccinepass.portal.visit.domain.CheckinCode;
import kr.vaccinepass.portal.visit.domain.Visit;
import kr.vaccinepass.portal.visit.domain.VisitFilter;
import kr.vaccinepass.portal.visit.domain.VisitRepository;
import kr.vaccinepass.portal.visit.web.VisitExport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sync of a door's queue over HTTP, in WildFly on PostgreSQL (docs/door.md, "Sync"):
 * idempotency, order, the device key, the limits, a replay across two doors, a key revoked after
 * the door admitted, and problem documents for a failed request.
 */
@ExtendWith(ArquillianExtension.class)
class DoorSyncIT {
  private static final Actor SOME_ADMIN = new Actor(0, "admin@test", Role.ADMIN, null);
  private static final PassFacts VACCINATED =
      new PassFacts(LocalDate.of(2021, 10, 1), null, null, null, null, 1980);

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(DoorSyncIT.class, VisitTestSupport.class);
  }

  @Inject AccountService accounts;
  @Inject FacilityService facilities;
  @Inject VisitRecordService records;
  @Inject VisitExport export;
  @Inject DemoIssuers issuers;
  @Inject TrustListService trust;
  @Inject VisitRepository visits;
  @Inject Clock clock;
  @PersistenceContext EntityManager em;
  @Resource UserTransaction tx;

  private Facility facility;
  private String key;
  private Actor owner;

  @BeforeEach
  void facilityWithDevice() {
    owner = owner();
    facility = as(owner, () -> facilities.register(TestData.facilityInJongno()));
    key = as(owner, () -> records.createDeviceKey(facility.getId(), "front door").secret());
  }

  @Test
  void theSameBatchTwiceStoresNothingTwiceAndAnswersTheSame() {
    Instant now = clock.instant();
    Instant at = now.minusSeconds(600);
    String admitted = coov(VACCINATED, at);
    String refused = coov(PassFacts.none(), at.plusSeconds(1));
    String body =
        batch(
            record("r-1", admitted, at, "PASS", "VACCINATED"),
            record("r-2", refused, at.plusSeconds(1), "NO_PASS", null));

    HttpResponse<String> first = sync(facility.getId(), key, body);
    HttpResponse<String> again = sync(facility.getId(), key, body);

    assertEquals(200, first.statusCode(), first.body());
    assertEquals(first.body(), again.body(), "the same batch answers the same");
    JsonArray answers = answers(first);
    assertEquals("STORED", answers.getJsonObject(0).getString("status"));
    assertEquals("PASS", answers.getJsonObject(0).getString("code"));
    assertEquals("VACCINATED", answers.getJsonObject(0).getString("reason"));
    assertEquals("REFUSED", answers.getJsonObject(1).getString("status"));
    assertEquals("NO_PASS", answers.getJsonObject(1).getString("code"));
    assertEquals(1, count("select count(*) from visit where facility_id = ?1"), "one visit");
    assertEquals(
        1,
        count(
            "select count(*) from visit where facility_id = ?1 and door_verified"
                + " and visited_at = '"
                + at
                + "'::timestamptz"),
        "at its real time, marked door-verified");
    assertEquals(1, refusals("NO_PASS", at), "the refusal counted once");
  }

  @Test
  void recordsAreDecidedOldestFirst() {
    Instant now = clock.instant();
    Instant earlier = now.minusSeconds(3600);
    String token = coov(VACCINATED, earlier);
    // the same token answered twice at this door (e.g. once online, once in the queue)
    String body =
        batch(
            record("later", token, earlier.plusSeconds(2), "PASS", "VACCINATED"),
            record("earlier", token, earlier, "PASS", "VACCINATED"));

    JsonArray answers = answers(sync(facility.getId(), key, body));

    assertEquals("later", answers.getJsonObject(0).getString("id"), "answered in the order sent");
    assertEquals("DUPLICATE", answers.getJsonObject(0).getString("status"));
    assertEquals("STORED", answers.getJsonObject(1).getString("status"));
    assertEquals(
        answers.getJsonObject(1).getJsonNumber("visitId").longValue(),
        answers.getJsonObject(0).getJsonNumber("visitId").longValue());
    assertEquals(
        1,
        count(
            "select count(*) from visit where facility_id = ?1 and visited_at = '"
                + earlier
                + "'::timestamptz"),
        "the visit has the earlier record's time");
  }

  @Test
  void theDeviceKeyIsRequiredAndOpensOnlyItsFacility() {
    String body =
        batch(
            record(
                "r-1", coov(VACCINATED, clock.instant()), clock.instant(), "PASS", "VACCINATED"));
    Actor otherOwner = owner();
    Facility other = as(otherOwner, () -> facilities.register(TestData.facilityInJongno()));

    VisitTestSupport.assertProblem(
        VisitTestSupport.post(path(facility.getId()), body, Map.of()), 401, "DEVICE_KEY_REQUIRED");
    VisitTestSupport.assertProblem(
        sync(facility.getId(), "vpd_" + "x".repeat(43), body), 401, "DEVICE_KEY_INVALID");
    VisitTestSupport.assertProblem(sync(other.getId(), key, body), 404, "FACILITY_NOT_FOUND");
    assertEquals(0, count("select count(*) from visit where facility_id = ?1"));
  }

  @Test
  void theLimitsOfABatch() {
    Instant now = clock.instant();
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 201; i++) {
      many.add(record("n-" + i, "a.b.c", now, "MALFORMED", null));
    }
    VisitTestSupport.assertProblem(
        sync(facility.getId(), key, batch(many.toArray(String[]::new))), 422, "BATCH_TOO_LARGE");
    VisitTestSupport.assertProblem(
        sync(facility.getId(), key, "{\"records\":[],\"pad\":\"" + "x".repeat(140_000) + "\"}"),
        413,
        "PAYLOAD_TOO_LARGE");

    // beyond the check-in's 4 KB, within the batch's cap; 72 h back at most, never ahead
    String old = coov(VACCINATED, now.minusSeconds(73 * 3600));
    String future = coov(VACCINATED, now.plusSeconds(60));
    List<String> fine = new ArrayList<>();
    fine.add(record("old", old, now.minusSeconds(73 * 3600), "PASS", "VACCINATED"));
    fine.add(record("future", future, now.plusSeconds(60), "PASS", "VACCINATED"));
    for (int i = 0; i < 10; i++) {
      Instant at = now.minusSeconds(100 + i);
      fine.add(record("ok-" + i, coov(VACCINATED, at), at, "PASS", "VACCINATED"));
    }
    String body = batch(fine.toArray(String[]::new));
    assertTrue(body.length() > 4096, "a body over the check-in cap");
    JsonArray answers = answers(sync(facility.getId(), key, body));

    assertEquals("RECORD_TOO_OLD", answers.getJsonObject(0).getString("code"));
    assertEquals("REFUSED", answers.getJsonObject(0).getString("status"));
    assertEquals("RECORD_IN_FUTURE", answers.getJsonObject(1).getString("code"));
    for (int i = 2; i < answers.size(); i++) {
      assertEquals("STORED", answers.getJsonObject(i).getString("status"));
    }
    assertEquals(10, count("select count(*) from visit where facility_id = ?1"));
    assertEquals(
        0,
        count(
            "select count(*) from door_record where facility_id = ?1 and record_id in ('old', 'future')"),
        "records outside the window are not kept");
  }

  @Test
  void aTokenAdmittedAtTwoDoorsIsAReplayForTheLaterOneCountedOnce() throws Exception {
    Actor otherOwner = owner();
    Facility second = as(otherOwner, () -> facilities.register(TestData.facilityInJongno()));
    String secondKey =
        as(otherOwner, () -> records.createDeviceKey(second.getId(), "door").secret());
    Instant at = clock.instant().minusSeconds(1800);
    String screenshot = coov(VACCINATED, at);

    JsonObject first =
        answers(
                sync(
                    facility.getId(),
                    key,
                    batch(record("a", screenshot, at, "PASS", "VACCINATED"))))
            .getJsonObject(0);
    String secondBatch = batch(record("b", screenshot, at.plusSeconds(3), "PASS", "VACCINATED"));
    HttpResponse<String> replay = sync(second.getId(), secondKey, secondBatch);
    HttpResponse<String> replayAgain = sync(second.getId(), secondKey, secondBatch);

    assertEquals("STORED", first.getString("status"));
    JsonObject later = answers(replay).getJsonObject(0);
    assertEquals("REPLAY", later.getString("status"));
    assertEquals("REPLAYED", later.getString("code"));
    assertEquals(replay.body(), replayAgain.body());
    assertEquals(
        1,
        countAt(
            second.getId(),
            "select count(*) from door_record where facility_id = ?1 and status = 'REPLAY'"));
    assertEquals(0, countAt(second.getId(), "select count(*) from visit where facility_id = ?1"));
    assertEquals(1, refusalsAt(second.getId(), "REPLAYED", at), "shown to the owner, counted once");
  }

  @Test
  void theLaterUseIsTheReplayEvenWhenItsDoorSyncedFirst() {
    Actor otherOwner = owner();
    Facility second = as(otherOwner, () -> facilities.register(TestData.facilityInJongno()));
    String secondKey =
        as(otherOwner, () -> records.createDeviceKey(second.getId(), "door").secret());
    Instant at = clock.instant().minusSeconds(2400);
    String screenshot = coov(VACCINATED, at);
    String laterBatch = batch(record("late", screenshot, at.plusSeconds(10), "PASS", "VACCINATED"));

    // within the token's 15 s: the second door (10 s later) reaches the server before the first
    JsonObject laterFirst = answers(sync(second.getId(), secondKey, laterBatch)).getJsonObject(0);
    JsonObject earlier =
        answers(
                sync(
                    facility.getId(),
                    key,
                    batch(record("early", screenshot, at, "PASS", "VACCINATED"))))
            .getJsonObject(0);
    JsonObject laterAgain = answers(sync(second.getId(), secondKey, laterBatch)).getJsonObject(0);

    assertEquals("STORED", laterFirst.getString("status"));
    assertEquals("STORED", earlier.getString("status"));
    assertEquals("REPLAY", laterAgain.getString("status"), "the later use is the replay");
    assertEquals(1, count("select count(*) from visit where facility_id = ?1"));
    assertEquals(0, countAt(second.getId(), "select count(*) from visit where facility_id = ?1"));
    assertEquals(1, refusalsAt(second.getId(), "REPLAYED", at.plusSeconds(10)), "counted once");
  }

  @Test
  void aKeyRevokedAfterTheDoorAdmittedIsFlaggedNotSilentlyAccepted() {
    Actor admin = admin();
    KeyPair pair = PassKeys.generate();
    String kid = "T-DOOR-" + UUID.randomUUID().toString().substring(0, 8);
    Instant now = clock.instant();
    as(
        admin,
        () ->
            trust.addKey(
                "TOSS",
                kid,
                PassKeys.pem((ECPublicKey) pair.getPublic()),
                now.minusSeconds(86_400),
                null));
    Instant at = now.minusSeconds(900);
    String token =
        PassToken.sign(
            (ECPrivateKey) pair.getPrivate(),
            kid,
            "TOSS",
            "holder-" + UUID.randomUUID(),
            VACCINATED,
            at,
            UUID.randomUUID().toString());
    as(admin, () -> trust.revoke(kid));

    JsonObject answer =
        answers(sync(facility.getId(), key, batch(record("rev", token, at, "PASS", "VACCINATED"))))
            .getJsonObject(0);

    assertEquals("DISAGREEMENT", answer.getString("status"), answer.toString());
    assertEquals("REVOKED_KEY", answer.getString("code"));
    assertTrue(answer.getBoolean("flagged"));
    assertNotNull(answer.get("visitId"), "the visitor entered: the visit is kept, flagged");
    assertEquals(
        1,
        count(
            "select count(*) from visit where facility_id = ?1 and door_verified"
                + " and door_disagreement = 'REVOKED_KEY'"));
    // the owner's records say so, the export as the page: checked at the door, the server disagreed
    List<Visit> rows = as(owner, () -> records.all(facility.getId(), VisitFilter.none()));
    String csv = new String(export.csv(rows), StandardCharsets.UTF_8);
    assertTrue(csv.contains("문에서 확인(나중에 전송) · 서버 재확인 결과 다름: 폐기된 발급 키"), csv);
  }

  @Test
  void aFailedRequestIsAProblemDocument() {
    VisitTestSupport.assertProblem(sync(facility.getId(), key, "not json"), 400, "MALFORMED");
    VisitTestSupport.assertProblem(
        sync(facility.getId(), key, "{\"records\":{}}"), 400, "MALFORMED");
    VisitTestSupport.assertProblem(
        sync(facility.getId(), key, batch(record("x", "a.b.c", clock.instant(), "PASS", null))),
        400,
        "MALFORMED");
    VisitTestSupport.assertProblem(
        sync(facility.getId(), key, "{\"records\":[{\"id\":\"x\"}]}"), 400, "MALFORMED");
  }

  // --- helpers

  private String coov(PassFacts facts, Instant at) {
    DemoIssuers.Signer coov = issuers.signer("COOV").orElseThrow();
    return PassToken.sign(
        coov.key(),
        coov.kid(),
        "COOV",
        "holder-" + UUID.randomUUID(),
        facts,
        at,
        UUID.randomUUID().toString());
  }

  private static String record(String id, String token, Instant at, String outcome, String reason) {
    var r =
        Json.createObjectBuilder()
            .add("id", id)
            .add("token", token)
            .add("at", at.toString())
            .add("outcome", outcome);
    if (reason != null) {
      r.add("reason", reason);
    }
    return r.build().toString();
  }

  private static String batch(String... records) {
    return "{\"records\":[" + String.join(",", records) + "]}";
  }

  /**
   * The statement that stores a door visit claims its nonce first: when the claim is taken (a
   * check-in committed meanwhile), it stores nothing and says so, which the sync answers with 503
   * SYNC_CONFLICT.
   */
  @Test
  void aDoorVisitWhoseNonceIsClaimedAlreadyStoresNothing() throws Exception {
    String nonce = "claimed-" + UUID.randomUUID();
    Instant at = clock.instant().minusSeconds(30);
    String other = "unclaimed-" + UUID.randomUUID();
    Long first;
    List<Long> second;
    tx.begin();
    try {
      first = visits.addDoorVisits(List.of(doorVisit(nonce, at, null))).get(0);
      second =
          visits.addDoorVisits(
              List.of(
                  doorVisit(other, at, null),
                  doorVisit(nonce, at.plusSeconds(5), CheckinCode.EXPIRED)));
    } finally {
      tx.commit();
    }
    assertNotNull(first);
    assertNotNull(second.get(0), "the other visit of the statement is stored");
    assertEquals(null, second.get(1), "the claimed one is not");
    assertEquals(
        1L,
        ((Number)
                em.createNativeQuery(
                        "select count(*) from visit where token_nonce = ?1 and door_verified")
                    .setParameter(1, nonce)
                    .getSingleResult())
            .longValue());
    assertEquals(
        first,
        ((Number)
                em.createNativeQuery("select visit_id from visit_claim where claim = ?1")
                    .setParameter(1, "nonce:" + nonce)
                    .getSingleResult())
            .longValue());
  }

  private Visit doorVisit(String nonce, Instant at, CheckinCode disagreement) {
    return Visit.verifiedAtDoor(
        facility.getId(),
        at,
        PassDecision.of(PassReason.VACCINATED),
        "COOV",
        "holder-" + nonce,
        nonce,
        "a".repeat(64),
        disagreement,
        clock.instant());
  }

  private static String path(long facilityId) {
    return "/api/v1/facilities/" + facilityId + "/door-visits";
  }

  private static HttpResponse<String> sync(long facilityId, String deviceKey, String body) {
    return VisitTestSupport.post(
        path(facilityId), body, Map.of("Authorization", "Device " + deviceKey));
  }

  private static JsonArray answers(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return Json.createReader(new StringReader(response.body()))
        .readObject()
        .getJsonArray("records");
  }

  private long count(String sql) {
    return countAt(facility.getId(), sql);
  }

  private long countAt(long facilityId, String sql) {
    return ((Number) em.createNativeQuery(sql).setParameter(1, facilityId).getSingleResult())
        .longValue();
  }

  private long refusals(String code, Instant at) {
    return refusalsAt(facility.getId(), code, at);
  }

  private long refusalsAt(long facilityId, String code, Instant at) {
    try {
      tx.begin();
      try {
        return visits.denials(at.atZone(Kst.ZONE).toLocalDate(), facilityId, code);
      } finally {
        tx.commit();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Actor admin() {
    return VisitTestSupport.newAdmin(accounts);
  }

  private Actor owner() {
    return VisitTestSupport.newOwner(accounts);
  }
}
