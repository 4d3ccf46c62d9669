package kr.vaccinepass.portal.visit.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kr.vaccinepass.portal.visit.application.WebhookSignature.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 안심콜 webhook signature: {@code v1=hex(HMAC-SHA256(secret, timestamp "." body))}, fresh within
 * 300 s either way, checked in the order missing, stale, bad signature.
 */
class WebhookSignatureTest {
  private static final String SECRET = "whsec_test";
  private static final long SENT = 1_639_364_400L; // 2021-12-13 12:00 KST
  private static final String TIMESTAMP = Long.toString(SENT);
  private static final byte[] BODY =
      "{\"callId\":\"c-1\",\"callerNumber\":\"010-1234-5678\"}".getBytes(StandardCharsets.UTF_8);
  private static final WebhookSignature SIGNATURE = new WebhookSignature(SECRET);
  private static final String GENUINE = SIGNATURE.sign(TIMESTAMP, BODY);

  /** The HMAC computed here, without the class under test. */
  private static String hmacHex(String secret, String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " | ",
      value = {
        // columns: case | secret | timestamp | body | hex computed with `openssl dgst -hmac`
        // the provider's example request
        "example | whsec_test | 1639364400 | {\"callId\":\"c-1\",\"callerNumber\":\"010-1234-5678\"}"
            + " | 38fcbe8375f48400af24c7fecafc581fe10ec480a4023626d18299df229dd996",
        // Hangul in the secret and the body, hashed as UTF-8
        "hangul | 안심콜-비밀 | 1639364400"
            + " | {\"calledAt\":\"2021-12-13T12:00:00+09:00\",\"name\":\"김철수\"}"
            + " | ebf5ea5b0db94461dac0f105714323d6973506c3f69601af61ac53d38dd06703",
        // the smallest message: timestamp 0 and an empty body, the dot still signed
        "empty body | s | 0 | '' | 2572e102ebbc88d57bc0ef48471ee28bb7fc8c6e9c0558b3c8e5d276f84ac9c3",
      })
  void signMatchesAnIndependentHmac(
      String name, String secret, String timestamp, String body, String opensslHex)
      throws Exception {
    String signed =
        new WebhookSignature(secret).sign(timestamp, body.getBytes(StandardCharsets.UTF_8));

    assertEquals("v1=" + hmacHex(secret, timestamp + "." + body), signed);
    assertEquals("v1=" + opensslHex, signed);
  }

  static Stream<Arguments> requests() {
    String hex = GENUINE.substring("v1=".length());
    byte[] otherBody =
        "{\"callId\":\"c-1\",\"callerNumber\":\"010-9999-5678\"}".getBytes(StandardCharsets.UTF_8);
    return Stream.of(
        // columns: case, timestamp header, signature header, body, receiver's now (s after SENT)
        // the request as the provider sent it, received at once
        Arguments.of("genuine", TIMESTAMP, GENUINE, BODY, 0, null),
        // the header with surrounding whitespace
        Arguments.of("genuine, padded header", TIMESTAMP, " " + GENUINE + " ", BODY, 0, null),
        // received 300 s later: still fresh
        Arguments.of("received +300 s", TIMESTAMP, GENUINE, BODY, 300, null),
        // received 300 s earlier (the receiver's clock is behind): still fresh
        Arguments.of("received -300 s", TIMESTAMP, GENUINE, BODY, -300, null),
        // received 301 s later: stale
        Arguments.of("received +301 s", TIMESTAMP, GENUINE, BODY, 301, Problem.STALE),
        // received 301 s earlier: stale
        Arguments.of("received -301 s", TIMESTAMP, GENUINE, BODY, -301, Problem.STALE),
        // a replay a day later
        Arguments.of("a day later", TIMESTAMP, GENUINE, BODY, 86_400, Problem.STALE),
        // no timestamp header
        Arguments.of("no timestamp", null, GENUINE, BODY, 0, Problem.MISSING),
        // no signature header
        Arguments.of("no signature", TIMESTAMP, null, BODY, 0, Problem.MISSING),
        // a timestamp that is not digits
        Arguments.of("timestamp not digits", "16393644OO", GENUINE, BODY, 0, Problem.MISSING),
        // an ISO date instead of epoch seconds
        Arguments.of("timestamp ISO", "2021-12-13T03:00:00Z", GENUINE, BODY, 0, Problem.MISSING),
        // a negative timestamp
        Arguments.of("timestamp negative", "-1", GENUINE, BODY, 0, Problem.MISSING),
        // an empty timestamp
        Arguments.of("timestamp empty", "", GENUINE, BODY, 0, Problem.MISSING),
        // the body changed after signing
        Arguments.of("changed body", TIMESTAMP, GENUINE, otherBody, 0, Problem.BAD_SIGNATURE),
        // the timestamp changed after signing, still fresh
        Arguments.of(
            "changed timestamp", Long.toString(SENT + 1), GENUINE, BODY, 0, Problem.BAD_SIGNATURE),
        // signed with another secret
        Arguments.of(
            "another secret",
            TIMESTAMP,
            new WebhookSignature("whsec_other").sign(TIMESTAMP, BODY),
            BODY,
            0,
            Problem.BAD_SIGNATURE),
        // the right HMAC under another version prefix
        Arguments.of("prefix v2=", TIMESTAMP, "v2=" + hex, BODY, 0, Problem.BAD_SIGNATURE),
        // the right HMAC without a prefix
        Arguments.of("no prefix", TIMESTAMP, hex, BODY, 0, Problem.BAD_SIGNATURE),
        // the right HMAC in upper case
        Arguments.of(
            "upper-case hex", TIMESTAMP, "v1=" + hex.toUpperCase(), BODY, 0, Problem.BAD_SIGNATURE),
        // an empty signature header
        Arguments.of("empty signature", TIMESTAMP, "", BODY, 0, Problem.BAD_SIGNATURE),
        // stale is found before a bad signature
        Arguments.of("stale and forged", TIMESTAMP, "v1=00", BODY, 301, Problem.STALE));
  }

  @ParameterizedTest(name = "{0} → {5}")
  @MethodSource("requests")
  void checks(
      String name, String timestamp, String signature, byte[] body, long now, Problem expected) {
    assertEquals(
        expected, SIGNATURE.check(timestamp, signature, body, Instant.ofEpochSecond(SENT + now)));
  }
}
