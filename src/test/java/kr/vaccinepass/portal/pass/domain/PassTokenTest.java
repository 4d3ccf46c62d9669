package kr.vaccinepass.portal.pass.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.PlainObject;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The check-in QR as a compact ES256 JWS: what an issuer signs reads back claim for claim, and
 * everything that is not such a token is {@link PassToken.MalformedToken}, whatever is wrong.
 */
class PassTokenTest {
  private static final KeyPair KEY = PassKeys.generate();
  private static final String KID = "kakao-2021-12";
  private static final String ISSUER = "KAKAO";
  private static final String HOLDER = "h-7f3a9c";
  private static final String NONCE = "n-0001";
  private static final Instant IAT = Instant.parse("2021-12-13T03:00:00Z"); // 12:00 KST

  private static ECPrivateKey privateKey() {
    return (ECPrivateKey) KEY.getPrivate();
  }

  private static String genuine(PassFacts facts) {
    return PassToken.sign(privateKey(), KID, ISSUER, HOLDER, facts, IAT, NONCE);
  }

  // ---------------------------------------------------------------- round trip

  static Stream<Arguments> facts() {
    return Stream.of(
        // nothing shown: every fact null, the vp object empty
        Arguments.of("none", PassFacts.none()),
        // every fact present
        Arguments.of(
            "all",
            new PassFacts(
                LocalDate.of(2021, 7, 1),
                LocalDate.of(2021, 11, 20),
                Instant.parse("2021-12-12T01:30:00Z"),
                ExemptionKind.MEDICAL,
                LocalDate.of(2022, 6, 30),
                1985)),
        // vaccinated, no booster: only the final dose date
        Arguments.of(
            "final dose only",
            new PassFacts(LocalDate.of(2021, 9, 30), null, null, null, null, null)),
        // boosted: final dose and booster, the rest null
        Arguments.of(
            "booster",
            new PassFacts(
                LocalDate.of(2021, 6, 1), LocalDate.of(2021, 12, 1), null, null, null, null)),
        // a negative PCR notice only, at a whole second
        Arguments.of(
            "pcr only",
            new PassFacts(null, null, Instant.parse("2021-12-12T23:59:59Z"), null, null, null)),
        // recovered, certificate with no end date (exemptionUntil null)
        Arguments.of(
            "recovered without end",
            new PassFacts(null, null, null, ExemptionKind.RECOVERED, null, null)),
        // under 18: only the birth year
        Arguments.of("birth year only", new PassFacts(null, null, null, null, null, 2005)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("facts")
  void signThenParseReadsBackEveryClaim(String name, PassFacts facts) {
    String compact = genuine(facts);

    PassToken token = PassToken.parse(compact);

    assertEquals(compact, token.compact());
    assertEquals(KID, token.kid());
    assertEquals(ISSUER, token.issuer());
    assertEquals(HOLDER, token.holderId());
    assertEquals(IAT, token.issuedAt());
    assertEquals(IAT.plusSeconds(15), token.expiresAt());
    assertEquals(PassToken.LIFETIME, java.time.Duration.between(IAT, token.expiresAt()));
    assertEquals(NONCE, token.nonce());
    assertEquals(facts, token.facts());
    assertEquals(PassToken.TYPE, token.jws().getHeader().getType());
    assertTrue(token.verifiedBy(verifier((ECPublicKey) KEY.getPublic())));
  }

  private static Es256Verifier verifier(ECPublicKey key) {
    try {
      return new Es256Verifier(key);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- malformed

  /** The claims {@link PassToken#sign} writes, as a map a row can spoil. */
  private static Map<String, Object> claims() {
    Map<String, Object> vp = new LinkedHashMap<>();
    vp.put("fd", "2021-07-01");
    vp.put("by", 1985L);
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", ISSUER);
    claims.put("sub", HOLDER);
    claims.put("iat", IAT.getEpochSecond());
    claims.put("exp", IAT.plusSeconds(15).getEpochSecond());
    claims.put("jti", NONCE);
    claims.put("vp", vp);
    return claims;
  }

  /** Genuine claims changed by one edit, signed properly with ES256 and the kid. */
  private static String es256(Consumer<Map<String, Object>> edit) {
    Map<String, Object> claims = claims();
    edit.accept(claims);
    return es256(new Payload(claims), true);
  }

  @SuppressWarnings("unchecked")
  private static String es256Vp(Consumer<Map<String, Object>> edit) {
    return es256(claims -> edit.accept((Map<String, Object>) claims.get("vp")));
  }

  private static String es256(Payload payload, boolean withKid) {
    JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(PassToken.TYPE);
    if (withKid) {
      header.keyID(KID);
    }
    try {
      JWSObject jws = new JWSObject(header.build(), payload);
      jws.sign(new ECDSASigner(privateKey()));
      return jws.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hs256() {
    try {
      JWSObject jws =
          new JWSObject(
              new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KID).type(PassToken.TYPE).build(),
              new Payload(claims()));
      jws.sign(new MACSigner("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)));
      return jws.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String unsigned() {
    return new PlainObject(new PlainHeader(), new Payload(claims())).serialize();
  }

  /** The longest genuine token of at most that many characters, grown by an unused claim. */
  private static String longestUpTo(int length) {
    String best = null;
    int base = es256(c -> c.put("pad", "")).length();
    for (int pad = Math.max(0, (length - base) * 3 / 4 - 8); ; pad++) {
      String padding = "x".repeat(pad);
      String token = es256(c -> c.put("pad", padding));
      if (token.length() > length) {
        return best;
      }
      best = token;
    }
  }

  /** The shortest genuine token of at least that many characters, grown by an unused claim. */
  private static String atLeast(int length) {
    String token = es256(c -> c.put("pad", ""));
    int pad = Math.max(0, (length - token.length()) * 3 / 4 - 4);
    while (token.length() < length) {
      String padding = "x".repeat(pad++);
      token = es256(c -> c.put("pad", padding));
    }
    return token;
  }

  static Stream<Arguments> malformed() {
    String genuine = genuine(PassFacts.none());
    String[] parts = genuine.split("\\.");
    return Stream.of(
        // nothing scanned
        Arguments.of("null", null),
        // an empty scan
        Arguments.of("empty", ""),
        // only whitespace
        Arguments.of("blank", "   \n"),
        // more than 2048 characters, refused before any parsing
        Arguments.of("longer than 2048", atLeast(2049)),
        // two parts: no signature
        Arguments.of("two parts", parts[0] + "." + parts[1]),
        // four parts
        Arguments.of("four parts", genuine + ".AAAA"),
        // not a JOSE object at all
        Arguments.of("plain text", "hello"),
        // three parts, none of them base64url JSON
        Arguments.of("garbage base64", "!!!.@@@.###"),
        // base64url that decodes to something that is not a JSON header
        Arguments.of("header not JSON", "bm90IGpzb24." + parts[1] + "." + parts[2]),
        // an HMAC token with the right kid: only ES256 is accepted
        Arguments.of("HS256 header", hs256()),
        // an unsecured JWS (alg: none)
        Arguments.of("alg none", unsigned()),
        // ES256 without a key id
        Arguments.of("no kid", es256(new Payload(claims()), false)),
        // a payload that is not JSON
        Arguments.of("payload not JSON", es256(new Payload("not json"), true)),
        // a JSON payload that is not an object
        Arguments.of("payload a JSON array", es256(new Payload("[1,2,3]"), true)),
        // each required claim missing in turn
        Arguments.of("no iat", es256(c -> c.remove("iat"))),
        Arguments.of("no exp", es256(c -> c.remove("exp"))),
        Arguments.of("no jti", es256(c -> c.remove("jti"))),
        Arguments.of("no sub", es256(c -> c.remove("sub"))),
        Arguments.of("no iss", es256(c -> c.remove("iss"))),
        Arguments.of("no vp", es256(c -> c.remove("vp"))),
        // vp present but not an object
        Arguments.of("vp a string", es256(c -> c.put("vp", "vaccinated"))),
        // blank or over-long string claims
        Arguments.of("blank iss", es256(c -> c.put("iss", " "))),
        Arguments.of("sub of 65 chars", es256(c -> c.put("sub", "s".repeat(65)))),
        Arguments.of("jti a number", es256(c -> c.put("jti", 42))),
        // exp before iat
        Arguments.of("exp before iat", es256(c -> c.put("exp", IAT.getEpochSecond() - 1))),
        // exp equal to iat: no lifetime
        Arguments.of("exp equals iat", es256(c -> c.put("exp", IAT.getEpochSecond()))),
        // a lifetime of 16 s, one more than allowed
        Arguments.of("lifetime 16 s", es256(c -> c.put("exp", IAT.getEpochSecond() + 16))),
        // a token valid for a day
        Arguments.of("lifetime a day", es256(c -> c.put("exp", IAT.getEpochSecond() + 86_400))),
        // a fractional iat
        Arguments.of(
            "non-integer iat",
            es256(
                c -> {
                  c.put("iat", IAT.getEpochSecond() + 0.5);
                  c.put("exp", IAT.getEpochSecond() + 10);
                })),
        // iat as a string of digits
        Arguments.of(
            "iat a string", es256(c -> c.put("iat", String.valueOf(IAT.getEpochSecond())))),
        // an iat beyond what an Instant can hold
        Arguments.of("iat out of range", es256(c -> c.put("iat", Long.MAX_VALUE))),
        // an exemption kind the portal does not know
        Arguments.of("unknown exemption kind", es256Vp(vp -> vp.put("ex", "DIPLOMAT"))),
        // a lower-case exemption kind
        Arguments.of("exemption kind lower case", es256Vp(vp -> vp.put("ex", "medical"))),
        // a date that does not exist
        Arguments.of("bad final dose date", es256Vp(vp -> vp.put("fd", "2021-13-01"))),
        // a date in another format
        Arguments.of("booster date not ISO", es256Vp(vp -> vp.put("bd", "2021.12.01"))),
        // an exemption end that is not a date
        Arguments.of("bad exemption end", es256Vp(vp -> vp.put("exu", "soon"))),
        // a PCR notice that is not a number
        Arguments.of("pcr a string", es256Vp(vp -> vp.put("pcr", "yesterday"))),
        // a birth year beyond an int
        Arguments.of("birth year too big", es256Vp(vp -> vp.put("by", 1L << 40))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void whatIsNotATokenIsMalformed(String name, String compact) {
    assertThrows(PassToken.MalformedToken.class, () -> PassToken.parse(compact));
  }

  /** The length limit is on the text: a token of 2048 characters parses, 2049 does not. */
  @ParameterizedTest(name = "{0} characters → parses: {1}")
  @CsvSource({
    // exactly at the limit
    "2048, true",
    // one over the limit: refused before any parsing
    "2049, false",
  })
  void lengthLimitIsTwoThousandFortyEightCharacters(int length, boolean parses) {
    String token = parses ? longestUpTo(length) : atLeast(length);
    // base64url never has a length of 4k + 1: the longest token may be one short of the limit
    assertTrue(token.length() >= length - 1 && token.length() <= length + 1, token.length() + "");
    if (parses) {
      assertEquals(token, PassToken.parse(token).compact());
    } else {
      assertThrows(PassToken.MalformedToken.class, () -> PassToken.parse(token));
    }
  }

  /** Whitespace is not part of the base64url alphabet: not even around the token (RFC 7515). */
  @Test
  void whitespaceAroundOrInsideTheTokenIsMalformed() {
    String token = genuine(PassFacts.none());
    for (String scanned :
        new String[] {
          " " + token, token + " ", token + "\n", "\t" + token, token.replace(".", ". ")
        }) {
      assertThrows(PassToken.MalformedToken.class, () -> PassToken.parse(scanned), scanned);
    }
  }

  // ---------------------------------------------------------------- hash

  @Test
  void hashIsTheIdentityOfTheSignedContentStableAndDiffersBetweenTokens() throws Exception {
    String compact = genuine(PassFacts.none());
    String another =
        PassToken.sign(privateKey(), KID, ISSUER, HOLDER, PassFacts.none(), IAT, "n-2");
    String resigned = genuine(PassFacts.none()); // the same content, another ECDSA signature

    String hash = PassToken.parse(compact).hash();

    assertEquals(hash, PassToken.parse(compact).hash(), "stable across parses");
    assertNotEquals(compact, resigned, "ECDSA signs with a fresh random k");
    assertEquals(hash, PassToken.parse(resigned).hash(), "the signature is not the identity");
    byte[] payload = java.util.Base64.getUrlDecoder().decode(compact.split("\\.")[1]);
    byte[] prefix = (ISSUER + "\u0000" + NONCE + "\u0000").getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[prefix.length + payload.length];
    System.arraycopy(prefix, 0, all, 0, prefix.length);
    System.arraycopy(payload, 0, all, prefix.length, payload.length);
    assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all)), hash);
    assertEquals(64, hash.length());
    assertNotEquals(hash, PassToken.parse(another).hash(), "another nonce, another token");
  }
}
