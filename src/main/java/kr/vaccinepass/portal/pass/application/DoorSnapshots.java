package kr.vaccinepass.portal.pass.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kr.vaccinepass.portal.facility.domain.CoveragePeriod;
import kr.vaccinepass.portal.facility.domain.FacilityStatus;
import kr.vaccinepass.portal.facility.domain.FacilityType;
import kr.vaccinepass.portal.grace.application.DatedPolicies;
import kr.vaccinepass.portal.grace.domain.PassPolicy;
import kr.vaccinepass.portal.grace.domain.PassPolicyTable;
import kr.vaccinepass.portal.pass.domain.IssuerKey;
import kr.vaccinepass.portal.pass.domain.PassRules;
import kr.vaccinepass.portal.pass.domain.PassToken;
import kr.vaccinepass.portal.pass.domain.PortalKey;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.domain.Sha256;
import kr.vaccinepass.portal.shared.infrastructure.PortalConfig;

/**
 * The signed trust-list snapshot a door verifies tokens with while the server is out of reach
 * (docs/door.md, "The snapshot"): the issuers' keys with their windows and revocations, the pass
 * policy as data, the facility's type and its coverage, the clocks, and a freshness limit; as an
 * envelope {@code {format, alg, kid, payload, signature}} whose {@code payload} is the base64url of
 * the JSON document's UTF-8 bytes and {@code signature} the base64url of the portal key's 64-byte
 * ES256 r‖s over exactly those bytes (WebCrypto: {@code verify({name: "ECDSA", hash: "SHA-256"},
 * key, signature, payloadBytes)}).
 */
@ApplicationScoped
public class DoorSnapshots {
  /** The envelope's and the payload's format name; a door refuses any other. */
  public static final String FORMAT = "vaccinepass-door-snapshot/1";

  /**
   * How long a door may verify with one snapshot, 48 h unless {@code portal.door.snapshotHours}.
   */
  public static Duration freshness() {
    return Duration.ofHours(PortalConfig.integer("portal.door.snapshotHours", 48));
  }

  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(null);
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  @Inject TrustListLoader loader;
  @Inject PortalKeys keys;
  @Inject Clock clock;
  @Inject DatedPolicies policies;

  /**
   * What the snapshot says of the facility the door stands at: its name (the door shows where it
   * stands) and its status (a door refuses every visitor of a suspended or closed facility).
   */
  public record Facility(long id, String name, FacilityType type, FacilityStatus status) {
    /** Whether it operates: the server refuses every check-in otherwise. */
    public boolean open() {
      return status == FacilityStatus.ACTIVE;
    }
  }

  /**
   * Whether the door always answers from its own verification and sends its records in batches
   * (door-first, {@code portal.door.doorFirst}); otherwise it asks the server first.
   */
  public static boolean doorFirst() {
    return PortalConfig.flag("portal.door.doorFirst");
  }

  /**
   * How long an online door waits for the server's answer before it answers from its own
   * verification and queues the visit (degraded mode), 800 ms unless {@code
   * portal.door.answerBudgetMs}.
   */
  public static int answerBudgetMs() {
    return PortalConfig.integer("portal.door.answerBudgetMs", 800);
  }

  /**
   * The snapshot for a door of that facility, signed now.
   *
   * @param syncMaxAge how old a door's record may be when it is sent (stated for the door's queue)
   */
  public JsonObject snapshot(Facility facility, Duration syncMaxAge) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    JsonObject payload =
        payload(facility, now, syncMaxAge, trustedKeys(), policies.current().passPolicies());
    return sign(keys.current(), payload);
  }

  /** The portal's public key, as a door stores it at pairing ({@code GET /api/v1/door/key}). */
  public JsonObject publicKey() {
    PortalKey key = keys.current();
    return JSON.createObjectBuilder()
        .add("kid", key.kid())
        .add("alg", "ES256")
        .add("jwk", object(key.publicJwk()))
        .add("spki", key.spki())
        .build();
  }

  /** The keys as the verifier trusts them: demo keys only in demo mode (as {@link TrustList}). */
  private List<IssuerKey> trustedKeys() {
    boolean demo = PortalConfig.flag("portal.demo");
    return loader.keys().stream().filter(k -> demo || !k.isDemo()).toList();
  }

  /** The envelope: the payload's exact bytes, base64url, and their signature. */
  static JsonObject sign(PortalKey key, JsonObject payload) {
    byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
    return JSON.createObjectBuilder()
        .add("format", FORMAT)
        .add("alg", "ES256")
        .add("kid", key.kid())
        .add("payload", B64URL.encodeToString(bytes))
        .add("signature", B64URL.encodeToString(key.sign(bytes)))
        .build();
  }

  static JsonObject payload(
      Facility facility,
      Instant now,
      Duration syncMaxAge,
      List<IssuerKey> issuerKeys,
      PassPolicyTable table) {
    JsonObject policy = policy(table);
    return JSON.createObjectBuilder()
        .add("format", FORMAT)
        .add("serverTime", now.toString())
        .add("issuedAt", now.toString())
        .add("validUntil", now.plus(freshness()).toString())
        .add("clockSkewSeconds", PassVerifier.CLOCK_SKEW.toSeconds())
        .add("tokenLifetimeSeconds", PassToken.LIFETIME.toSeconds())
        .add("syncMaxAgeSeconds", syncMaxAge.toSeconds())
        .add("doorFirst", doorFirst())
        .add("answerBudgetMs", answerBudgetMs())
        .add("facility", facility(facility))
        .add("issuers", issuers(issuerKeys))
        .add("policy", policy)
        .build();
  }

  private static JsonObjectBuilder facility(Facility f) {
    JsonArrayBuilder coverage = JSON.createArrayBuilder();
    for (CoveragePeriod p : f.type().getCoverage()) {
      JsonObjectBuilder period = JSON.createObjectBuilder().add("from", p.getFrom().toString());
      if (p.getUntil() == null) {
        period.addNull("until");
      } else {
        period.add("until", p.getUntil().toString());
      }
      coverage.add(period);
    }
    return JSON.createObjectBuilder()
        .add("id", f.id())
        .add("name", f.name())
        .add("type", f.type().getCode())
        .add("status", f.status().name())
        .add("open", f.open())
        .add("coverage", coverage);
  }

  /** Issuers by code, each with every key it has (revoked ones too, so a door refuses them). */
  private static JsonArrayBuilder issuers(List<IssuerKey> keys) {
    Map<String, JsonArrayBuilder> byIssuer = new TreeMap<>();
    for (IssuerKey k : keys) {
      JsonObjectBuilder key =
          JSON.createObjectBuilder()
              .add("kid", k.getKid())
              .add("spki", k.getPublicKey())
              .add("validFrom", k.getValidFrom().toString())
              .add("revoked", k.isRevoked());
      if (k.getValidUntil() == null) {
        key.addNull("validUntil");
      } else {
        key.add("validUntil", k.getValidUntil().toString());
      }
      if (k.getRevokedAt() == null) {
        key.addNull("revokedAt");
      } else {
        key.add("revokedAt", k.getRevokedAt().toString());
      }
      byIssuer.computeIfAbsent(k.getIssuerCode(), c -> JSON.createArrayBuilder()).add(key);
    }
    JsonArrayBuilder issuers = JSON.createArrayBuilder();
    byIssuer.forEach(
        (code, list) ->
            issuers.add(JSON.createObjectBuilder().add("code", code).add("keys", list)));
    return issuers;
  }

  /**
   * The pass policy as {@link PassRules} evaluates it, as data; its {@code version} is the SHA-256
   * of the rest, so any change of a row or a constant is a new version.
   */
  static JsonObject policy(PassPolicyTable table) {
    JsonArrayBuilder rows = JSON.createArrayBuilder();
    for (PassPolicy row : table.rows()) {
      rows.add(row(row));
    }
    JsonObject content =
        JSON.createObjectBuilder()
            .add("timeZone", Kst.ZONE.getId())
            .add("pcrValidityHours", PassRules.PCR_VALIDITY.toHours())
            .add("diningRuleType", FacilityType.RESTAURANT_CAFE)
            .add("beforeFirstRow", row(table.beforeFirstRow()).remove("effectiveFrom"))
            .add("rows", rows)
            .build();
    String version = Sha256.hex(content.toString().getBytes(StandardCharsets.UTF_8));
    return JSON.createObjectBuilder(content).add("version", version.substring(0, 16)).build();
  }

  private static JsonObjectBuilder row(PassPolicy p) {
    JsonObjectBuilder row =
        JSON.createObjectBuilder()
            .add("effectiveFrom", p.effectiveFrom().toString())
            .add("daysAfterFinalDose", p.daysAfterFinalDose());
    if (p.validityDays() == null) {
      row.addNull("validityDays");
    } else {
      row.add("validityDays", p.validityDays());
    }
    return row.add("groupAllowance", p.groupAllowance())
        .add("underEighteenBornFrom", p.underEighteenBornFrom())
        .add("suspended", p.suspended());
  }

  private static JsonObject object(Map<String, Object> map) {
    JsonObjectBuilder o = JSON.createObjectBuilder();
    map.forEach((k, v) -> o.add(k, String.valueOf(v)));
    return o.build();
  }
}
