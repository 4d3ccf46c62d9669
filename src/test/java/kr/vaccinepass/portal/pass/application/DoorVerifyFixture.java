package kr.vaccinepass.portal.pass.application;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import kr.vaccinepass.portal.facility.domain.CoveragePeriod;
import kr.vaccinepass.portal.facility.domain.FacilityStatus;
import kr.vaccinepass.portal.facility.domain.FacilityType;
import kr.vaccinepass.portal.grace.domain.LawTables;
import kr.vaccinepass.portal.pass.domain.IssuerKey;
import kr.vaccinepass.portal.pass.domain.PassFacts;
import kr.vaccinepass.portal.pass.domain.PassKeys;
import kr.vaccinepass.portal.pass.domain.PassToken;
import kr.vaccinepass.portal.pass.domain.PortalKey;
import kr.vaccinepass.portal.testsupport.Browser;
import org.openqa.selenium.JavascriptExecutor;

/**
 * One trust list seen by both verifiers: the portal's {@link PassVerifier} over a {@link TrustList}
 * loaded from {@link IssuerKey}s, and the door's {@code verify.js} over the snapshot {@link
 * DoorSnapshots} signs of the same keys; and the means to run the module in Chromium. Used by
 * {@code DoorVerifyScriptTest} and the {@code doorverify} benchmark.
 */
public final class DoorVerifyFixture {
  /** 2021-12-13 12:00 KST. */
  public static final Instant BASE = Instant.parse("2021-12-13T03:00:00Z");

  public static final long FACILITY_ID = 42;
  private static final Path MODULE = Path.of("src/main/webapp/door/verify.js");
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  public final KeyPair issuerKey = PassKeys.generate();
  public final KeyPair otherKey = PassKeys.generate();
  public final PortalKey portal = PortalKey.generate();
  public final List<IssuerKey> issuerKeys;
  public final PassVerifier verifier;
  public final JsonObject payload;
  public final JsonObject envelope;

  public DoorVerifyFixture() {
    String pub = PassKeys.encodePublic((ECPublicKey) issuerKey.getPublic());
    Instant month = BASE.minus(Duration.ofDays(30));
    IssuerKey revoked =
        IssuerKey.add("kakao-revoked", "KAKAO", pub, month, null, false, null, BASE);
    revoked.revoke(1, BASE.minus(Duration.ofDays(1)));
    issuerKeys =
        List.of(
            // the issuer's current key, open-ended
            IssuerKey.add("kakao-1", "KAKAO", pub, month, null, false, null, BASE),
            // another issuer's key (same key material, so only the issuer code differs)
            IssuerKey.add("naver-1", "NAVER", pub, month, null, false, null, BASE),
            revoked,
            // a key valid for one minute from BASE
            IssuerKey.add(
                "kakao-window", "KAKAO", pub, BASE, BASE.plusSeconds(60), false, null, BASE),
            // a window whose ends fall between whole seconds
            IssuerKey.add(
                "kakao-frac",
                "KAKAO",
                pub,
                BASE.plusNanos(1),
                BASE.plusSeconds(60).plusNanos(500_000_001),
                false,
                null,
                BASE));
    TrustList trustList = new TrustList();
    trustList.loader =
        new TrustListLoader() {
          @Override
          List<IssuerKey> keys() {
            return issuerKeys;
          }
        };
    trustList.reload();
    verifier = new PassVerifier();
    verifier.trustList = trustList;
    FacilityType type =
        new FacilityType(
            "RESTAURANT_CAFE",
            "식당·카페",
            "Restaurants and cafés",
            BigDecimal.ZERO,
            List.of(new CoveragePeriod(Instant.parse("2021-12-05T15:00:00Z"), null, "test")));
    payload =
        DoorSnapshots.payload(
            new DoorSnapshots.Facility(FACILITY_ID, "한옥 카페", type, FacilityStatus.ACTIVE),
            BASE,
            Duration.ofHours(72),
            issuerKeys,
            LawTables.PASS_POLICY);
    envelope = DoorSnapshots.sign(portal, payload);
  }

  /** The portal's public JWK as {@code GET /api/v1/door/key} gives it. */
  public JsonObject portalJwk() {
    JsonObjectBuilder jwk = Json.createObjectBuilder();
    portal.publicJwk().forEach((k, v) -> jwk.add(k, String.valueOf(v)));
    return jwk.build();
  }

  /** A token as an issuer's app signs it. */
  public String token(KeyPair signer, String kid, String issuer, PassFacts facts, Instant iat) {
    return PassToken.sign(
        (ECPrivateKey) signer.getPrivate(), kid, issuer, "holder-1", facts, iat, "nonce-1");
  }

  /** Any header and claims bytes, signed ES256 (r‖s) by that key: for tokens no app would make. */
  public static String signed(KeyPair signer, String header, byte[] claims) {
    String input =
        B64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + B64URL.encodeToString(claims);
    try {
      Signature ecdsa = Signature.getInstance(PortalKey.SIGNATURE_ALGORITHM);
      ecdsa.initSign(signer.getPrivate());
      ecdsa.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + B64URL.encodeToString(ecdsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  /**
   * Runs {@code body}, the text of an {@code async (m, input) => result} function, in a page with
   * {@code m} the imported module and {@code input} the parsed JSON; the result comes back as its
   * JSON text (one round trip, however many cases). WebCrypto needs a secure context, so the page
   * and the module come from a small server on 127.0.0.1 for the call (about:blank has no {@code
   * crypto.subtle}).
   */
  public static String run(Browser browser, String body, String input) throws Exception {
    byte[] module = Files.readAllBytes(MODULE);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          boolean js = exchange.getRequestURI().getPath().equals("/verify.js");
          byte[] bytes = js ? module : "<!doctype html><title>verify</title>".getBytes();
          exchange
              .getResponseHeaders()
              .add("Content-Type", js ? "text/javascript" : "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, bytes.length);
          try (var out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    try {
      browser.driver().manage().timeouts().scriptTimeout(Duration.ofMinutes(5));
      browser.driver().get("http://127.0.0.1:" + server.getAddress().getPort() + "/");
      Object answer =
          ((JavascriptExecutor) browser.driver())
              .executeAsyncScript(
                  "const done = arguments[arguments.length - 1];"
                      + "import('/verify.js').then(m => ("
                      + body
                      + ")(m, JSON.parse(arguments[0])))"
                      + ".then(r => done(JSON.stringify(r)),"
                      + " e => done(JSON.stringify({error: String(e && e.stack || e)"
                      + ".slice(0, 2000)})));",
                  input);
      return (String) answer;
    } finally {
      server.stop(0);
    }
  }
}
