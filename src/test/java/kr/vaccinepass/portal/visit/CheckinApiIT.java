package kr.vaccinepass.portal.visit;

import static kr.vaccinepass.portal.testsupport.TestActors.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import kr.vaccinepass.portal.facility.application.FacilityChanged;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.pass.application.DemoIssuers;
import kr.vaccinepass.portal.pass.application.DemoWallet;
import kr.vaccinepass.portal.pass.application.TrustListService;
import kr.vaccinepass.portal.pass.domain.DiningParty;
import kr.vaccinepass.portal.pass.domain.PassFacts;
import kr.vaccinepass.portal.pass.domain.PassKeys;
import kr.vaccinepass.portal.pass.domain.PassToken;
import kr.vaccinepass.portal.shared.domain.AccessDeniedException;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.Role;
import kr.vaccinepass.portal.testsupport.Deployments;
import kr.vaccinepass.portal.testsupport.TestData;
import kr.vaccinepass.portal.visit.application.CheckinService;
import kr.vaccinepass.portal.visit.application.DenialCounter;
import kr.vaccinepass.portal.visit.application.NonceLedger;
import kr.vaccinepass.portal.visit.application.VisitRecordService;
import kr.vaccinepass.portal.visit.domain.CheckinAnswer;
import kr.vaccinepass.portal.visit.domain.CheckinCode;
import kr.vaccinepass.portal.visit.domain.VisitRepository;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The door devices' check-in API over HTTP, in WildFly on PostgreSQL: a valid pass, every refusal
 * code, idempotency, replay (also after the in-memory ledger is lost), device keys.
 */
@ExtendWith(ArquillianExtension.class)
class CheckinApiIT {
  private static final Actor SOME_ADMIN = new Actor(0, "admin@test", Role.ADMIN, null);

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(CheckinApiIT.class, VisitTestSupport.class);
  }

  @Inject AccountService accounts;
  @Inject FacilityService facilities;
  @Inject VisitRecordService records;
  @Inject DemoWallet wallet;
  @Inject DemoIssuers issuers;
  @Inject TrustListService trust;
  @Inject NonceLedger ledger;
  @Inject DenialCounter denials;
  @Inject CheckinService checkins;
  @Inject VisitRepository visits;
  @Inject Event<FacilityChanged> facilityChanged;
  @Inject Clock clock;
  @PersistenceContext EntityManager em;
  @Resource UserTransaction tx;

  private Actor owner;
  private Actor admin;
  private Facility facility;
  private String key;

  @BeforeEach
  void facilityWithDevice() {
    owner = owner();
    admin = admin();
    facility = as(owner, () -> facilities.register(TestData.facilityInJongno()));
    key = as(owner, () -> records.createDeviceKey(facility.getId(), "front door").secret());
  }

  @Test
  void aValidPassIsAdmittedAndRecordedOnce() {
    String token = wallet.issue(DemoWallet.Profile.FULLY_VACCINATED, "COOV").token();

    HttpResponse<String> first = checkIn(facility.getId(), key, token);
    HttpResponse<String> again = checkIn(facility.getId(), key, token);

    assertEquals(201, first.statusCode(), first.body());
    assertTrue(first.body().contains("\"code\":\"PASS\""), first.body());
    assertTrue(first.body().contains("\"reason\":\"VACCINATED\""), first.body());
    assertEquals(first.statusCode(), again.statusCode());
    assertEquals(first.body(), again.body(), "the same token gets the same answer");
    assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(null));
    assertEquals(1, countVisits(facility.getId()), "one visit for the same token");
  }

  @Test
  void everyProfileGetsItsAnswer() {
    assertAnswer(DemoWallet.Profile.BOOSTED, 201, "PASS", "BOOSTED");
    assertAnswer(DemoWallet.Profile.PCR_NEGATIVE, 201, "PASS", "PCR_NEGATIVE");
    assertAnswer(DemoWallet.Profile.UNDER_18, 201, "EXEMPT", "UNDER_18");
    assertAnswer(DemoWallet.Profile.MEDICALLY_EXEMPT, 201, "EXEMPT", "MEDICAL_EXEMPTION");
    // the portal's clock stands on 2022-02-20 in the tests: the 180-day expiry applies
    assertAnswer(DemoWallet.Profile.EXPIRED_180_DAYS, 422, "NO_PASS", "VACCINATION_EXPIRED");
    assertAnswer(DemoWallet.Profile.VACCINATED_10_DAYS_AGO, 422, "NO_PASS", "NOT_YET_EFFECTIVE");
    assertAnswer(DemoWallet.Profile.PCR_TOO_OLD, 422, "NO_PASS", "PCR_EXPIRED");
    assertAnswer(DemoWallet.Profile.UNVACCINATED, 422, "NO_PASS", "NO_PROOF");
    assertEquals(4, countVisits(facility.getId()), "only the admitted are visits");
  }

  @Test
  void refusalsCarryTheirCodesAsProblemDocuments() {
    Instant now = clock.instant();
    PassFacts vaccinated = new PassFacts(LocalDate.of(2021, 10, 1), null, null, null, null, 1980);
    DemoIssuers.Signer coov = issuers.signer("COOV").orElseThrow();
    KeyPair stranger = PassKeys.generate();

    VisitTestSupport.assertProblem(checkIn(facility.getId(), key, "not-a-token"), 400, "MALFORMED");
    VisitTestSupport.assertProblem(
        checkIn(facility.getId(), key, sign(stranger, "NOBODY-1", "COOV", vaccinated, now)),
        422,
        "UNKNOWN_ISSUER");
    VisitTestSupport.assertProblem(
        checkIn(facility.getId(), key, sign(stranger, coov.kid(), "COOV", vaccinated, now)),
        422,
        "BAD_SIGNATURE");
    VisitTestSupport.assertProblem(
        checkIn(
            facility.getId(),
            key,
            sign(coov.key(), coov.kid(), "COOV", vaccinated, now.minusSeconds(60))),
        422,
        "EXPIRED");
    VisitTestSupport.assertProblem(
        checkIn(
            facility.getId(),
            key,
            sign(coov.key(), coov.kid(), "COOV", vaccinated, now.plusSeconds(60))),
        422,
        "NOT_YET_VALID");
    VisitTestSupport.assertProblem(
        checkIn(facility.getId(), key, sign(coov.key(), coov.kid(), "KAKAO", vaccinated, now)),
        422,
        "UNKNOWN_ISSUER");
  }

  @Test
  void aRevokedOrNotYetValidIssuerKeyIsRefused() {
    Instant now = clock.instant();
    PassFacts vaccinated = new PassFacts(LocalDate.of(2021, 10, 1), null, null, null, null, 1980);
    KeyPair revoked = PassKeys.generate();
    KeyPair future = PassKeys.generate();
    String revokedKid = "T-REV-" + UUID.randomUUID().toString().substring(0, 8);
    String futureKid = "T-FUT-" + UUID.randomUUID().toString().substring(0, 8);
    as(
        admin,
        () -> {
          trust.addKey("TOSS", revokedKid, pem(revoked), now.minusSeconds(3600), null);
          trust.addKey("TOSS", futureKid, pem(future), now.plusSeconds(3600), null);
        });
    String beforeRevocation = sign(revoked, revokedKid, "TOSS", vaccinated, now);
    assertEquals(201, checkIn(facility.getId(), key, beforeRevocation).statusCode());

    as(admin, () -> trust.revoke(revokedKid));

    VisitTestSupport.assertProblem(
        checkIn(facility.getId(), key, sign(revoked, revokedKid, "TOSS", vaccinated, now)),
        422,
        "REVOKED_KEY");
    VisitTestSupport.assertProblem(
        checkIn(facility.getId(), key, sign(future, futureKid, "TOSS", vaccinated, now)),
        422,
        "KEY_NOT_VALID");
  }

  @Test
  void aNonceIsGoodForOneFacilityEvenAfterTheLedgerIsLost() {
    Actor otherOwner = owner();
    Facility other = as(otherOwner, () -> facilities.register(TestData.facilityInJongno()));
    String otherKey = as(otherOwner, () -> records.createDeviceKey(other.getId(), "door").secret());
    String token = wallet.issue(DemoWallet.Profile.BOOSTED, "KAKAO").token();
    HttpResponse<String> first = checkIn(facility.getId(), key, token);
    assertEquals(201, first.statusCode());

    VisitTestSupport.assertProblem(checkIn(other.getId(), otherKey, token), 409, "REPLAYED");

    ledger.purge(Instant.MAX); // as after a restart: only the database remembers
    HttpResponse<String> afterRestart = checkIn(facility.getId(), key, token);
    assertEquals(201, afterRestart.statusCode(), afterRestart.body());
    assertEquals(visitId(first.body()), visitId(afterRestart.body()));
    ledger.purge(Instant.MAX);
    VisitTestSupport.assertProblem(checkIn(other.getId(), otherKey, token), 409, "REPLAYED");
    assertEquals(1, countVisits(facility.getId()));
    assertEquals(0, countVisits(other.getId()));
  }

  @Test
  void deviceKeysOpenOnlyTheirFacilityAndStopWhenRevoked() {
    Actor otherOwner = owner();
    Facility others = as(otherOwner, () -> facilities.register(TestData.facilityInJongno()));
    String token = wallet.issue(DemoWallet.Profile.FULLY_VACCINATED, "TOSS").token();

    VisitTestSupport.assertProblem(checkIn(others.getId(), key, token), 404, "FACILITY_NOT_FOUND");
    VisitTestSupport.assertProblem(
        VisitTestSupport.post(
            "/api/v1/facilities/" + facility.getId() + "/checkins",
            VisitTestSupport.checkinBody(token),
            Map.of()),
        401,
        "DEVICE_KEY_REQUIRED");
    VisitTestSupport.assertProblem(
        checkIn(facility.getId(), "vpd_made-up", token), 401, "DEVICE_KEY_INVALID");

    long keyId = as(owner, () -> records.deviceKeys(facility.getId())).get(0).getId();
    as(owner, () -> records.revokeDeviceKey(keyId));

    VisitTestSupport.assertProblem(
        checkIn(facility.getId(), key, token), 401, "DEVICE_KEY_INVALID");
    assertEquals(0, countVisits(facility.getId()));
  }

  @Test
  void aRefusedGuestAskedAgainAsASoloDinerIsAdmittedOnce() {
    String token = wallet.issue(DemoWallet.Profile.UNVACCINATED, "TOSS").token();
    String path = "/api/v1/facilities/" + facility.getId() + "/checkins";
    Map<String, String> auth = Map.of("Authorization", "Device " + key);
    String alone = "{\"token\":\"" + token + "\",\"party\":\"ALONE\"}";

    VisitTestSupport.assertProblem(checkIn(facility.getId(), key, token), 422, "NO_PASS");
    HttpResponse<String> soloDiner = VisitTestSupport.post(path, alone, auth);
    HttpResponse<String> again = VisitTestSupport.post(path, alone, auth);

    assertEquals(201, soloDiner.statusCode(), soloDiner.body());
    assertTrue(soloDiner.body().contains("\"reason\":\"SOLO_DINER\""), soloDiner.body());
    assertEquals(soloDiner.body(), again.body());
    assertEquals(1, countVisits(facility.getId()));
    // once admitted, asking with another party changes nothing
    assertEquals(201, checkIn(facility.getId(), key, token).statusCode());
    assertEquals(1, countVisits(facility.getId()));
  }

  @Test
  void theScannerPageWorksOnlyAtTheOwnersOwnFacility() throws Exception {
    Actor stranger = owner();
    String token = wallet.issue(DemoWallet.Profile.FULLY_VACCINATED, "KAKAO").token();

    CheckinAnswer refused =
        as(stranger, () -> checkins.checkInAtDoor(facility.getId(), token, DiningParty.NONE));
    CheckinAnswer admitted =
        as(owner, () -> checkins.checkInAtDoor(facility.getId(), token, DiningParty.NONE));

    assertEquals(CheckinCode.FACILITY_NOT_FOUND, refused.code());
    assertEquals(CheckinCode.PASS, admitted.code());
    assertThrows(
        AccessDeniedException.class,
        () ->
            as(
                new Actor(0, "inspector@test", Role.INSPECTOR, TestData.JONGNO),
                () -> checkins.checkInAtDoor(facility.getId(), token, DiningParty.NONE)));
  }

  @Test
  void aDevicesRetryStaysIdempotentAndIsNoRefusal() throws Exception {
    String token = wallet.issue(DemoWallet.Profile.FULLY_VACCINATED, "KAKAO").token();

    HttpResponse<String> first = checkIn(facility.getId(), key, token);
    HttpResponse<String> retry = checkIn(facility.getId(), key, token);

    assertEquals(201, retry.statusCode(), retry.body());
    assertEquals(first.body(), retry.body(), "the answer the device missed, with its visit");
    assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(null));
    assertEquals(1, countVisits(facility.getId()));
    assertEquals(0, refusals("REPLAYED"), "a device's retry is not a refusal");
  }

  @Test
  void theScannerPageRefusesASecondPresentationOfAnAdmittedToken() throws Exception {
    String token = wallet.issue(DemoWallet.Profile.FULLY_VACCINATED, "TOSS").token();

    CheckinAnswer first =
        as(owner, () -> checkins.checkInAtDoor(facility.getId(), token, DiningParty.NONE));
    CheckinAnswer second =
        as(owner, () -> checkins.checkInAtDoor(facility.getId(), token, DiningParty.NONE));
    ledger.purge(Instant.MAX); // as after a restart, or on another node: the database remembers
    CheckinAnswer elsewhere =
        as(owner, () -> checkins.checkInAtDoor(facility.getId(), token, DiningParty.NONE));

    assertEquals(CheckinCode.PASS, first.code());
    assertEquals(CheckinCode.REPLAYED, second.code(), "a screenshot passed on admits nobody");
    assertEquals(false, second.replayed(), "a refusal of its own, not the first answer again");
    assertEquals(CheckinCode.REPLAYED, elsewhere.code());
    assertEquals(1, countVisits(facility.getId()));
    assertEquals(2, refusals("REPLAYED"), "each second presentation is a refusal");
  }

  @Test
  void aSuspendedFacilityRefusesCheckIns() throws Exception {
    tx.begin();
    em.createNativeQuery("update facility set status = 'SUSPENDED' where id = ?1")
        .setParameter(1, facility.getId())
        .executeUpdate();
    tx.commit();
    facilityChanged.fire(new FacilityChanged(facility.getId()));

    String token = wallet.issue(DemoWallet.Profile.FULLY_VACCINATED, "PASS").token();
    VisitTestSupport.assertProblem(
        checkIn(facility.getId(), key, token), 409, "FACILITY_SUSPENDED");
  }

  @Test
  void refusalsAreCountedWithoutPersonalData() throws Exception {
    LocalDate today = clock.instant().atZone(Kst.ZONE).toLocalDate();
    String token = wallet.issue(DemoWallet.Profile.UNVACCINATED, "COOV").token();
    checkIn(facility.getId(), key, token);
    checkIn(facility.getId(), key, "garbage");
    denials.flush();

    tx.begin();
    long noPass = visits.denials(today, facility.getId(), "NO_PASS");
    long malformed = visits.denials(today, facility.getId(), "MALFORMED");
    tx.commit();
    assertEquals(1, noPass);
    assertEquals(1, malformed);
    assertEquals(2L, as(owner, () -> records.todayRefusals(facility.getId())));
  }

  @Test
  void malformedBodiesGetProblemDocuments() {
    String path = "/api/v1/facilities/" + facility.getId() + "/checkins";
    Map<String, String> auth = Map.of("Authorization", "Device " + key);
    VisitTestSupport.assertProblem(
        VisitTestSupport.post(path, "{not json", auth), 400, "MALFORMED");
    VisitTestSupport.assertProblem(VisitTestSupport.post(path, "{}", auth), 400, "MALFORMED");
    VisitTestSupport.assertProblem(
        VisitTestSupport.post(path, "{\"token\":\"x\",\"party\":\"PARTY\"}", auth),
        400,
        "MALFORMED");
    VisitTestSupport.assertProblem(
        VisitTestSupport.post("/api/v1/facilities/abc/checkins", "{\"token\":\"x\"}", auth),
        404,
        "FACILITY_NOT_FOUND");
  }

  @Test
  void theOpenApiDocumentIsServed() {
    String document = VisitTestSupport.get("/api/openapi.yaml");
    assertTrue(document.contains("/v1/facilities/{facilityId}/checkins"), document);
    assertTrue(document.contains("/v1/calls"));
  }

  @Test
  void theBenchmarkNoopExistsOnlyInBenchmarkMode() {
    String body = VisitTestSupport.checkinBody("x");
    VisitTestSupport.assertProblem(
        VisitTestSupport.post("/api/v1/benchmark/noop", body, Map.of()), 404, "NOT_FOUND");
    // in-container: the test shares the server's system properties
    System.setProperty("portal.benchmark", "true");
    try {
      HttpResponse<String> answer = VisitTestSupport.post("/api/v1/benchmark/noop", body, Map.of());
      assertEquals(200, answer.statusCode(), answer.body());
      assertEquals("{\"ok\":true}", answer.body());
    } finally {
      System.clearProperty("portal.benchmark");
    }
  }

  private void assertAnswer(DemoWallet.Profile profile, int status, String code, String reason) {
    HttpResponse<String> response =
        checkIn(facility.getId(), key, wallet.issue(profile, "COOV").token());
    assertEquals(status, response.statusCode(), profile + ": " + response.body());
    assertTrue(response.body().contains("\"code\":\"" + code + "\""), response.body());
    assertTrue(response.body().contains("\"reason\":\"" + reason + "\""), response.body());
  }

  private static HttpResponse<String> checkIn(long facilityId, String deviceKey, String token) {
    return VisitTestSupport.post(
        "/api/v1/facilities/" + facilityId + "/checkins",
        VisitTestSupport.checkinBody(token),
        Map.of("Authorization", "Device " + deviceKey));
  }

  private static String sign(KeyPair pair, String kid, String issuer, PassFacts facts, Instant at) {
    return sign((ECPrivateKey) pair.getPrivate(), kid, issuer, facts, at);
  }

  private static String sign(
      ECPrivateKey key, String kid, String issuer, PassFacts facts, Instant at) {
    return PassToken.sign(
        key, kid, issuer, "holder-" + UUID.randomUUID(), facts, at, UUID.randomUUID().toString());
  }

  private static String pem(KeyPair pair) {
    return PassKeys.pem((ECPublicKey) pair.getPublic());
  }

  private static long visitId(String body) {
    var m = java.util.regex.Pattern.compile("\"visitId\":(\\d+)").matcher(body);
    assertTrue(m.find(), body);
    return Long.parseLong(m.group(1));
  }

  /** Today's refusals of the facility with this code, once the counter is written. */
  private long refusals(String code) throws Exception {
    denials.flush();
    tx.begin();
    try {
      return visits.denials(clock.instant().atZone(Kst.ZONE).toLocalDate(), facility.getId(), code);
    } finally {
      tx.commit();
    }
  }

  private long countVisits(long facilityId) {
    return ((Number)
            em.createNativeQuery("select count(*) from visit where facility_id = ?1")
                .setParameter(1, facilityId)
                .getSingleResult())
        .longValue();
  }

  private Actor admin() {
    return VisitTestSupport.newAdmin(accounts);
  }

  private Actor owner() {
    return VisitTestSupport.newOwner(accounts);
  }
}
