package kr.vaccinepass.portal.pass.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import kr.vaccinepass.portal.facility.domain.CoveragePeriod;
import kr.vaccinepass.portal.facility.domain.FacilityStatus;
import kr.vaccinepass.portal.facility.domain.FacilityType;
import kr.vaccinepass.portal.grace.domain.LawTables;
import kr.vaccinepass.portal.grace.domain.PassPolicy;
import kr.vaccinepass.portal.pass.domain.IssuerKey;
import kr.vaccinepass.portal.pass.domain.PassKeys;
import kr.vaccinepass.portal.pass.domain.PortalKey;
import org.junit.jupiter.api.Test;

/**
 * The door's snapshot: what it says (issuers, keys with windows and revocations, the pass policy as
 * data, the facility's coverage, the clocks) and that its signature verifies as WebCrypto verifies
 * it: ECDSA P-256 SHA-256 with the raw r‖s, here the JDK's SHA256withECDSAinP1363Format over the
 * payload's exact bytes.
 */
class DoorSnapshotsTest {
  private static final Instant NOW = Instant.parse("2021-12-13T03:00:00Z");

  private final PortalKey portal = PortalKey.generate();

  private static final FacilityType RESTAURANT =
      new FacilityType(
          "RESTAURANT_CAFE",
          "식당·카페",
          "Restaurants and cafés",
          null,
          List.of(
              new CoveragePeriod(
                  Instant.parse("2021-12-05T15:00:00Z"), null, "seed news; Metro Seoul")));

  private static final FacilityType MUSEUM =
      new FacilityType(
          "MUSEUM",
          "박물관",
          "Museums",
          BigDecimal.ZERO,
          List.of(
              new CoveragePeriod(
                  Instant.parse("2021-12-05T15:00:00Z"),
                  Instant.parse("2022-01-17T15:00:00Z"),
                  "Kyunghyang 2022-01-18")));

  private List<IssuerKey> keys() {
    IssuerKey current =
        IssuerKey.add(
            "COOV-2021",
            "COOV",
            PassKeys.pem((ECPublicKey) PassKeys.generate().getPublic()),
            Instant.parse("2021-11-01T00:00:00Z"),
            null,
            false,
            null,
            NOW);
    IssuerKey revoked =
        IssuerKey.add(
            "TOSS-OLD",
            "TOSS",
            PassKeys.pem((ECPublicKey) PassKeys.generate().getPublic()),
            Instant.parse("2021-11-01T00:00:00Z"),
            Instant.parse("2022-11-01T00:00:00Z"),
            false,
            null,
            NOW);
    revoked.revoke(1, Instant.parse("2021-12-13T02:00:00Z"));
    return List.of(current, revoked);
  }

  private JsonObject envelope(FacilityType type) {
    JsonObject payload =
        DoorSnapshots.payload(
            new DoorSnapshots.Facility(42, "한옥 카페", type, FacilityStatus.ACTIVE),
            NOW,
            Duration.ofHours(72),
            keys(),
            LawTables.PASS_POLICY);
    return DoorSnapshots.sign(portal, payload);
  }

  private static byte[] payloadBytes(JsonObject envelope) {
    return Base64.getUrlDecoder().decode(envelope.getString("payload"));
  }

  private static JsonObject payload(JsonObject envelope) {
    return Json.createReader(new StringReader(new String(payloadBytes(envelope)))).readObject();
  }

  @Test
  void theSignatureVerifiesAsWebCryptoVerifiesIt() throws Exception {
    JsonObject envelope = envelope(RESTAURANT);
    byte[] signature = Base64.getUrlDecoder().decode(envelope.getString("signature"));

    assertEquals(64, signature.length, "ES256 as WebCrypto gives it: r‖s, 32 bytes each");
    assertEquals("ES256", envelope.getString("alg"));
    assertEquals(portal.kid(), envelope.getString("kid"));
    assertEquals(DoorSnapshots.FORMAT, envelope.getString("format"));
    assertTrue(verifies(portal.spki(), payloadBytes(envelope), signature));
  }

  @Test
  void aTamperedPayloadOrAnotherKeyDoesNotVerify() throws Exception {
    JsonObject envelope = envelope(RESTAURANT);
    byte[] signature = Base64.getUrlDecoder().decode(envelope.getString("signature"));
    byte[] tampered =
        new String(payloadBytes(envelope))
            .replace("\"code\":\"COOV\"", "\"code\":\"EVIL\"")
            .getBytes();

    assertFalse(verifies(portal.spki(), tampered, signature), "an issuer added to the cache");
    assertFalse(verifies(PortalKey.generate().spki(), payloadBytes(envelope), signature));
  }

  @Test
  void itCarriesTheClocksTheFreshnessLimitAndTheFacility() {
    JsonObject p = payload(envelope(RESTAURANT));

    assertEquals(NOW.toString(), p.getString("serverTime"));
    assertEquals(NOW.toString(), p.getString("issuedAt"));
    assertEquals(NOW.plus(Duration.ofHours(48)).toString(), p.getString("validUntil"));
    assertEquals(5, p.getInt("clockSkewSeconds"));
    assertEquals(15, p.getInt("tokenLifetimeSeconds"));
    assertEquals(72 * 3600, p.getInt("syncMaxAgeSeconds"));
    JsonObject facility = p.getJsonObject("facility");
    assertEquals(42, facility.getInt("id"));
    assertEquals("RESTAURANT_CAFE", facility.getString("type"));
    assertTrue(facility.getBoolean("open"));
    assertEquals("한옥 카페", facility.getString("name"), "the door shows where it stands");
    assertEquals("ACTIVE", facility.getString("status"));
    assertFalse(p.getBoolean("doorFirst"), "online first unless the deployment says otherwise");
    assertEquals(800, p.getInt("answerBudgetMs"));
    JsonObject coverage = facility.getJsonArray("coverage").getJsonObject(0);
    assertEquals("2021-12-05T15:00:00Z", coverage.getString("from"));
    assertEquals(JsonValue.NULL, coverage.get("until"));
  }

  @Test
  void aTypeCoveredForAWhileSaysUntilWhen() {
    JsonObject coverage =
        payload(envelope(MUSEUM))
            .getJsonObject("facility")
            .getJsonArray("coverage")
            .getJsonObject(0);

    assertEquals("2022-01-17T15:00:00Z", coverage.getString("until"));
  }

  @Test
  void itListsEveryIssuersKeysWithWindowsAndRevocations() {
    var issuers = payload(envelope(RESTAURANT)).getJsonArray("issuers");

    assertEquals(2, issuers.size());
    JsonObject coov = issuers.getJsonObject(0);
    assertEquals("COOV", coov.getString("code"));
    JsonObject coovKey = coov.getJsonArray("keys").getJsonObject(0);
    assertEquals("COOV-2021", coovKey.getString("kid"));
    assertEquals("2021-11-01T00:00:00Z", coovKey.getString("validFrom"));
    assertEquals(JsonValue.NULL, coovKey.get("validUntil"));
    assertFalse(coovKey.getBoolean("revoked"));
    PassKeys.parsePublic(coovKey.getString("spki"));
    JsonObject toss = issuers.getJsonObject(1).getJsonArray("keys").getJsonObject(0);
    assertTrue(toss.getBoolean("revoked"));
    assertEquals("2021-12-13T02:00:00Z", toss.getString("revokedAt"));
    assertEquals("2022-11-01T00:00:00Z", toss.getString("validUntil"));
  }

  @Test
  void thePolicyIsTheRulesTableAsData() {
    JsonObject policy = payload(envelope(RESTAURANT)).getJsonObject("policy");
    List<PassPolicy> rows = LawTables.PASS_POLICY.rows();

    assertEquals("Asia/Seoul", policy.getString("timeZone"));
    assertEquals(48, policy.getInt("pcrValidityHours"));
    assertEquals("RESTAURANT_CAFE", policy.getString("diningRuleType"));
    assertTrue(policy.getJsonObject("beforeFirstRow").getBoolean("suspended"));
    assertEquals(rows.size(), policy.getJsonArray("rows").size());
    for (int i = 0; i < rows.size(); i++) {
      PassPolicy row = rows.get(i);
      JsonObject data = policy.getJsonArray("rows").getJsonObject(i);
      assertEquals(row.effectiveFrom().toString(), data.getString("effectiveFrom"));
      assertEquals(row.daysAfterFinalDose(), data.getInt("daysAfterFinalDose"));
      assertEquals(
          row.validityDays() == null ? JsonValue.NULL : Json.createValue(row.validityDays()),
          data.get("validityDays"));
      assertEquals(row.groupAllowance(), data.getBoolean("groupAllowance"));
      assertEquals(row.underEighteenBornFrom(), data.getInt("underEighteenBornFrom"));
      assertEquals(row.suspended(), data.getBoolean("suspended"));
    }
    // 2021-12-18: solo diners only; 2022-01-03: the 180-day expiry; 2022-03-01: suspended
    assertEquals(180, policy.getJsonArray("rows").getJsonObject(2).getInt("validityDays"));
    assertFalse(policy.getJsonArray("rows").getJsonObject(1).getBoolean("groupAllowance"));
    assertTrue(policy.getJsonArray("rows").getJsonObject(3).getBoolean("suspended"));
    assertEquals(16, policy.getString("version").length());
    assertEquals(
        policy.getString("version"),
        DoorSnapshots.policy(LawTables.PASS_POLICY).getString("version"));
  }

  @Test
  void theSnapshotsOfTwoMomentsDifferOnlyInTime() {
    JsonObject a =
        DoorSnapshots.payload(
            new DoorSnapshots.Facility(42, "한옥 카페", RESTAURANT, FacilityStatus.ACTIVE),
            NOW,
            Duration.ofHours(72),
            List.of(),
            LawTables.PASS_POLICY);
    JsonObject b =
        DoorSnapshots.payload(
            new DoorSnapshots.Facility(42, "한옥 카페", RESTAURANT, FacilityStatus.ACTIVE),
            NOW.plusSeconds(60),
            Duration.ofHours(72),
            List.of(),
            LawTables.PASS_POLICY);

    assertNotEquals(a.getString("issuedAt"), b.getString("issuedAt"));
    assertEquals(a.getJsonObject("policy"), b.getJsonObject("policy"));
  }

  @Test
  void aConfiguredKeyIsAPrivateJwkAndItsIdItsThumbprint() {
    var jwk =
        new com.nimbusds.jose.jwk.ECKey.Builder(
                com.nimbusds.jose.jwk.Curve.P_256, portal.publicKey())
            .privateKey(PassKeys.parsePrivate(portal.pkcs8()))
            .build();

    PortalKey configured = PortalKey.fromPrivateJwk(jwk.toJSONString());

    assertEquals(portal.kid(), configured.kid(), "the same key has the same id on every node");
    assertEquals(portal.spki(), configured.spki());
    assertEquals("EC", portal.publicJwk().get("kty"));
    assertEquals("P-256", portal.publicJwk().get("crv"));
    assertFalse(portal.publicJwk().containsKey("d"), "never the private half");
  }

  private static boolean verifies(String spki, byte[] data, byte[] signature) throws Exception {
    PublicKey key =
        KeyFactory.getInstance("EC")
            .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(spki)));
    Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
    verifier.initVerify(key);
    verifier.update(data);
    return verifier.verify(signature);
  }
}
