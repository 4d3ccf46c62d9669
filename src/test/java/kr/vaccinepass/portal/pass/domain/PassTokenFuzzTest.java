package kr.vaccinepass.portal.pass.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Property-based fuzzing of the token parser ({@link PassToken#parse}): whatever the text, it
 * throws nothing but {@link PassToken.MalformedToken}; the decoding is strict; and no variant of a
 * genuine token (an inserted, removed or replaced character, a re-encoding, padding, the other
 * ECDSA signature s ↔ n−s) is both accepted and genuine with another identity, so none of them is a
 * second admission or breaks the first's idempotency.
 */
class PassTokenFuzzTest {
  private static final KeyPair KEY = PassKeys.generate();
  private static final Es256Verifier VERIFIER = verifier(KEY);
  private static final String KID = "fuzz-2022-01";
  private static final Instant IAT = Instant.parse("2022-01-12T02:40:00Z");
  private static final BigInteger N =
      new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private static final String GENUINE = sign("KAKAO", "holder-1", "nonce-0001", facts());
  private static final String IDENTITY = PassToken.parse(GENUINE).hash();

  private static PassFacts facts() {
    return new PassFacts(LocalDate.of(2021, 11, 13), null, null, null, null, 1985);
  }

  private static String sign(String issuer, String holder, String nonce, PassFacts facts) {
    return PassToken.sign((ECPrivateKey) KEY.getPrivate(), KID, issuer, holder, facts, IAT, nonce);
  }

  private static Es256Verifier verifier(KeyPair pair) {
    try {
      return new Es256Verifier((ECPublicKey) pair.getPublic());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The security property of a variant: refused as malformed, or not genuine (its signature does
   * not verify), or the very same check-in as the genuine token.
   */
  private static void refusedOrSameCheckin(String variant) {
    PassToken token;
    try {
      token = PassToken.parse(variant);
    } catch (PassToken.MalformedToken e) {
      return;
    }
    if (token.verifiedBy(VERIFIER)) {
      assertEquals(IDENTITY, token.hash(), "a genuine variant is the same check-in: " + variant);
    }
  }

  // ------------------------------------------------------------------ never anything else

  @Property(tries = 3000)
  void anyTextIsATokenOrMalformedNothingElse(@ForAll("texts") String text) {
    try {
      PassToken token = PassToken.parse(text);
      assertTrue(token.compact().equals(text));
    } catch (PassToken.MalformedToken expected) {
      // the only refusal there is
    }
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(3000);
    Arbitrary<String> base64ish =
        Arbitraries.strings().withChars(ALPHABET + ".=+/ \n\u0000").ofMaxLength(400);
    Arbitrary<String> threeSegments =
        Combinators.combine(base64ish, base64ish, base64ish).as((a, b, c) -> a + "." + b + "." + c);
    Arbitrary<String> jsonSegments =
        Combinators.combine(jsonText(), jsonText(), Arbitraries.strings().withChars(ALPHABET))
            .as((h, p, s) -> b64(h) + "." + b64(p) + "." + s);
    return Arbitraries.oneOf(anyChars, threeSegments, jsonSegments, mutants());
  }

  /** JSON-looking text: objects, nesting, numbers at the edges, control characters in strings. */
  private static Arbitrary<String> jsonText() {
    Arbitrary<String> strings =
        Arbitraries.strings().all().ofMaxLength(30).map(s -> "\"" + s.replace("\"", "") + "\"");
    Arbitrary<String> numbers =
        Arbitraries.of("0", "-1", "1e400", "1.5", "9223372036854775808", "1641955200", "NaN");
    Arbitrary<String> values = Arbitraries.oneOf(strings, numbers, Arbitraries.of("null", "{}"));
    Arbitrary<String> names =
        Arbitraries.of("alg", "kid", "iss", "sub", "jti", "iat", "exp", "vp", "fd", "ex", "by");
    Arbitrary<String> member =
        Combinators.combine(names, values).as((k, v) -> "\"" + k + "\":" + v);
    Arbitrary<String> object = member.list().ofMaxSize(8).map(l -> "{" + String.join(",", l) + "}");
    Arbitrary<String> deep = Arbitraries.integers().between(1, 3000).map(d -> "[".repeat(d));
    return Arbitraries.oneOf(object, deep, strings);
  }

  private static String b64(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The genuine token with one character inserted, removed or replaced anywhere. */
  @Provide
  Arbitrary<String> mutants() {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, GENUINE.length() - 1);
    Arbitrary<Character> any =
        Arbitraries.oneOf(
            Arbitraries.chars().with(ALPHABET + ".=+/ \t\r\n\u0000\u00a0\u200b"),
            Arbitraries.chars().all());
    Arbitrary<String> inserted =
        Combinators.combine(at, any)
            .as((i, c) -> GENUINE.substring(0, i) + c + GENUINE.substring(i));
    Arbitrary<String> replaced =
        Combinators.combine(at, any)
            .as((i, c) -> GENUINE.substring(0, i) + c + GENUINE.substring(i + 1));
    Arbitrary<String> removed = at.map(i -> GENUINE.substring(0, i) + GENUINE.substring(i + 1));
    return Arbitraries.oneOf(inserted, replaced, removed);
  }

  // ------------------------------------------------------------------ no second admission

  @Property(tries = 3000)
  void everyOneCharacterVariantIsRefusedOrTheSameCheckin(@ForAll("mutants") String variant) {
    refusedOrSameCheckin(variant);
  }

  @Property(tries = 500)
  void everyInsertionIntoTheSignatureIsRefused(
      @ForAll @IntRange(min = 0, max = 86) int offset, @ForAll char inserted) {
    int signature = GENUINE.lastIndexOf('.') + 1;
    int at = signature + offset;
    String variant = GENUINE.substring(0, at) + inserted + GENUINE.substring(at);
    // the lenient decoder skipped such characters, and the altered text verified as a new token
    assertThrows(PassToken.MalformedToken.class, () -> PassToken.parse(variant), variant);
  }

  @Property(tries = 200)
  void theOtherEcdsaSignatureIsTheSameCheckin(@ForAll @IntRange(min = 0, max = 10_000) int seed) {
    String token = sign("TOSS", "holder-" + seed, "nonce-" + seed, facts());
    String segment = token.substring(token.lastIndexOf('.') + 1);
    byte[] rs = Base64.getUrlDecoder().decode(segment);
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, 32, 64));
    byte[] flipped = unsigned32(N.subtract(s));
    byte[] other = Arrays.copyOf(rs, 64);
    System.arraycopy(flipped, 0, other, 32, 32);
    String malleated =
        token.substring(0, token.lastIndexOf('.') + 1)
            + Base64.getUrlEncoder().withoutPadding().encodeToString(other);

    PassToken original = PassToken.parse(token);
    PassToken variant = PassToken.parse(malleated);

    assertTrue(original.verifiedBy(VERIFIER));
    // ECDSA is malleable: (r, n−s) verifies too; it must not be another check-in
    assertTrue(variant.verifiedBy(VERIFIER), "(r, n-s) is a valid ECDSA signature");
    assertEquals(original.hash(), variant.hash());
  }

  private static byte[] unsigned32(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[32];
    int copy = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
    return out;
  }

  @Property(tries = 300)
  void aNonCanonicalEncodingOfAnySegmentIsRefused(
      @ForAll @IntRange(min = 0, max = 2) int segment,
      @ForAll @IntRange(min = 1, max = 15) int bits) {
    String[] parts = GENUINE.split("\\.");
    String part = parts[segment];
    int unused = part.length() % 4 == 2 ? 4 : part.length() % 4 == 3 ? 2 : 0;
    String variant;
    if (unused == 0) {
      // no unused bits in this segment: a padding character is the re-encoding to try
      variant = part + "=".repeat(1 + bits % 2);
    } else {
      int last = ALPHABET.indexOf(part.charAt(part.length() - 1));
      int changed = last | (bits & ((1 << unused) - 1));
      if (changed == last) {
        changed = last | 1;
      }
      // the same bytes in another text: the trailing bits that a decoder drops are set
      variant = part.substring(0, part.length() - 1) + ALPHABET.charAt(changed);
      assertTrue(
          Arrays.equals(
              Base64.getUrlDecoder().decode(part), Base64.getUrlDecoder().decode(variant)),
          "the JDK's decoder reads both texts as the same bytes");
    }
    parts[segment] = variant;
    String token = String.join(".", parts);
    assertThrows(PassToken.MalformedToken.class, () -> PassToken.parse(token), token);
  }

  @Example
  void paddingAndTheStandardAlphabetAreRefused() {
    String[] parts = GENUINE.split("\\.");
    for (String variant :
        new String[] {
          parts[0] + "==." + parts[1] + "." + parts[2],
          GENUINE + "=",
          GENUINE.replace('-', '+').replace('_', '/'),
          parts[0] + ".." + parts[1] + "." + parts[2],
          "." + GENUINE,
          GENUINE + "."
        }) {
      if (!variant.equals(GENUINE)) {
        assertThrows(PassToken.MalformedToken.class, () -> PassToken.parse(variant), variant);
      }
    }
  }

  // ------------------------------------------------------------------ text claims

  @Property(tries = 500)
  void aControlCharacterInAnyTextClaimIsMalformed(
      @ForAll @IntRange(min = 0, max = 3) int claim,
      @ForAll("controls") char control,
      @ForAll @IntRange(min = 0, max = 8) int at) {
    String clean = "abcdefgh";
    String dirty = clean.substring(0, at) + control + clean.substring(at);
    String token =
        switch (claim) {
          case 0 -> sign("KAKAO", dirty, "nonce-1", facts());
          case 1 -> sign("KAKAO", "holder-1", dirty, facts());
          case 2 -> sign("KA" + control + "KAO", "holder-1", "nonce-1", facts());
          default ->
              PassToken.sign(
                  (ECPrivateKey) KEY.getPrivate(),
                  "kid" + control,
                  "KAKAO",
                  "holder-1",
                  facts(),
                  IAT,
                  "nonce-1");
        };
    assertThrows(PassToken.MalformedToken.class, () -> PassToken.parse(token));
  }

  @Provide
  Arbitrary<Character> controls() {
    // (a lone surrogate cannot be signed as UTF-8 text: it is escaped JSON, tried just below)
    return Arbitraries.oneOf(
        Arbitraries.chars().range('\u0000', '\u001f'),
        Arbitraries.chars().range('\u007f', '\u009f'));
  }

  @Example
  void escapedControlsAndLoneSurrogatesInTheClaimsAreMalformed() throws JOSEException {
    for (String escaped : new String[] {"\\u0000", "\\u001b", "\\ud800", "\\udfff", "\\u0085"}) {
      String claims =
          "{\"iss\":\"KAKAO\",\"sub\":\"h\",\"iat\":1641955200,\"exp\":1641955215,"
              + "\"jti\":\"n"
              + escaped
              + "\",\"vp\":{}}";
      com.nimbusds.jose.JWSObject jws =
          new com.nimbusds.jose.JWSObject(
              new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.ES256)
                  .keyID(KID)
                  .build(),
              new com.nimbusds.jose.Payload(claims));
      jws.sign(new com.nimbusds.jose.crypto.ECDSASigner((ECPrivateKey) KEY.getPrivate()));
      String token = jws.serialize();
      assertThrows(PassToken.MalformedToken.class, () -> PassToken.parse(token), escaped);
    }
  }

  @Property(tries = 300)
  void aGenuineTokenOfCleanClaimsReadsBackWithAStableIdentity(
      @ForAll("cleanText") String holder, @ForAll("cleanText") String nonce) {
    String token = sign("COOV", holder, nonce, facts());
    PassToken parsed = PassToken.parse(token);
    assertEquals(holder, parsed.holderId());
    assertEquals(nonce, parsed.nonce());
    assertEquals(parsed.hash(), PassToken.parse(sign("COOV", holder, nonce, facts())).hash());
  }

  @Provide
  Arbitrary<String> cleanText() {
    return Arbitraries.strings()
        .all()
        .ofMinLength(1)
        .ofMaxLength(64)
        .filter(
            s -> !s.isBlank() && kr.vaccinepass.portal.shared.domain.TextRules.isCleanText(s, 64));
  }
}
