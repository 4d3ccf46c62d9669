package kr.vaccinepass.portal.pass.domain;

import static kr.vaccinepass.portal.testsupport.FuzzGen.anyChar;
import static kr.vaccinepass.portal.testsupport.FuzzGen.anyString;
import static kr.vaccinepass.portal.testsupport.FuzzGen.charOf;
import static kr.vaccinepass.portal.testsupport.FuzzGen.listOf;
import static kr.vaccinepass.portal.testsupport.FuzzGen.pick;
import static kr.vaccinepass.portal.testsupport.FuzzGen.stringOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import com.nimbusds.jose.JOSEException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import kr.vaccinepass.portal.testsupport.FuzzGen;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

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

  @Test
  void anyTextIsATokenOrMalformedNothingElse() {
    qt().withExamples(3000)
        .withFixedSeed(20220112L)
        .forAll(texts())
        .checkAssert(
            text -> {
              try {
                PassToken token = PassToken.parse(text);
                assertTrue(token.compact().equals(text));
              } catch (PassToken.MalformedToken expected) {
                // the only refusal there is
              }
            });
  }

  private static Gen<String> texts() {
    Gen<String> anyChars = anyString(3000);
    Gen<String> base64ish = stringOf(charOf(ALPHABET + ".=+/ \n\u0000"), 0, 400);
    Gen<String> threeSegments =
        base64ish.zip(base64ish, base64ish, (a, b, c) -> a + "." + b + "." + c);
    // (at most 255 chars: the former library's default length)
    Gen<String> jsonSegments =
        jsonText()
            .zip(
                jsonText(),
                stringOf(charOf(ALPHABET), 0, 255),
                (h, p, s) -> b64(h) + "." + b64(p) + "." + s);
    return Generate.oneOf(anyChars, threeSegments, jsonSegments, mutants());
  }

  /** JSON-looking text: objects, nesting, numbers at the edges, control characters in strings. */
  private static Gen<String> jsonText() {
    Gen<String> strings = anyString(30).map(s -> "\"" + s.replace("\"", "") + "\"");
    Gen<String> numbers =
        pick("0", "-1", "1e400", "1.5", "9223372036854775808", "1641955200", "NaN");
    Gen<String> values = Generate.oneOf(strings, numbers, pick("null", "{}"));
    Gen<String> names =
        pick("alg", "kid", "iss", "sub", "jti", "iat", "exp", "vp", "fd", "ex", "by");
    Gen<String> member = names.zip(values, (k, v) -> "\"" + k + "\":" + v);
    Gen<String> object = listOf(member, 0, 8).map(l -> "{" + String.join(",", l) + "}");
    Gen<String> deep = Generate.range(1, 3000).map(d -> "[".repeat(d));
    return Generate.oneOf(object, deep, strings);
  }

  private static String b64(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The genuine token with one character inserted, removed or replaced anywhere. */
  private static Gen<String> mutants() {
    Gen<Integer> at = Generate.range(0, GENUINE.length() - 1);
    Gen<Character> any =
        Generate.oneOf(charOf(ALPHABET + ".=+/ \t\r\n\u0000\u00a0\u200b"), anyChar());
    Gen<String> inserted =
        at.zip(any, (i, c) -> GENUINE.substring(0, i) + c + GENUINE.substring(i));
    Gen<String> replaced =
        at.zip(any, (i, c) -> GENUINE.substring(0, i) + c + GENUINE.substring(i + 1));
    Gen<String> removed = at.map(i -> GENUINE.substring(0, i) + GENUINE.substring(i + 1));
    return Generate.oneOf(inserted, replaced, removed);
  }

  // ------------------------------------------------------------------ no second admission

  @Test
  void everyOneCharacterVariantIsRefusedOrTheSameCheckin() {
    qt().withExamples(3000)
        .withFixedSeed(20220113L)
        .forAll(mutants())
        .checkAssert(PassTokenFuzzTest::refusedOrSameCheckin);
  }

  @Test
  void everyInsertionIntoTheSignatureIsRefused() {
    qt().withExamples(500)
        .withFixedSeed(20220114L)
        .forAll(Generate.range(0, 86), anyChar())
        .checkAssert(
            (offset, inserted) -> {
              int signature = GENUINE.lastIndexOf('.') + 1;
              int at = signature + offset;
              String variant = GENUINE.substring(0, at) + inserted + GENUINE.substring(at);
              // the lenient decoder skipped such characters, and the altered text verified as a
              // new token
              assertThrows(PassToken.MalformedToken.class, () -> PassToken.parse(variant), variant);
            });
  }

  @Test
  void theOtherEcdsaSignatureIsTheSameCheckin() {
    qt().withExamples(200)
        .withFixedSeed(20220115L)
        .forAll(Generate.range(0, 10_000))
        .checkAssert(
            seed -> {
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
            });
  }

  private static byte[] unsigned32(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[32];
    int copy = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
    return out;
  }

  @Test
  void aNonCanonicalEncodingOfAnySegmentIsRefused() {
    // 3 segments × 15 bit patterns: 300 draws of 45 pairs (the former library tried all 45; with
    // this seed every pair is drawn, and QuickTheories skips the repeats)
    qt().withExamples(300)
        .withFixedSeed(20220116L)
        .forAll(Generate.range(0, 2), Generate.range(1, 15))
        .checkAssert(
            (segment, bits) -> {
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
                        Base64.getUrlDecoder().decode(part),
                        Base64.getUrlDecoder().decode(variant)),
                    "the JDK's decoder reads both texts as the same bytes");
              }
              parts[segment] = variant;
              String token = String.join(".", parts);
              assertThrows(PassToken.MalformedToken.class, () -> PassToken.parse(token), token);
            });
  }

  @Test
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

  @Test
  void aControlCharacterInAnyTextClaimIsMalformed() {
    // (a lone surrogate cannot be signed as UTF-8 text: it is escaped JSON, tried just below)
    qt().withExamples(500)
        .withFixedSeed(20220117L)
        .forAll(Generate.range(0, 3), FuzzGen.controls(), Generate.range(0, 8))
        .checkAssert(
            (claim, control, at) -> {
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
            });
  }

  @Test
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

  @Test
  void aGenuineTokenOfCleanClaimsReadsBackWithAStableIdentity() {
    qt().withExamples(300)
        .withFixedSeed(20220118L)
        .forAll(cleanText(), cleanText())
        .checkAssert(
            (holder, nonce) -> {
              String token = sign("COOV", holder, nonce, facts());
              PassToken parsed = PassToken.parse(token);
              assertEquals(holder, parsed.holderId());
              assertEquals(nonce, parsed.nonce());
              assertEquals(
                  parsed.hash(), PassToken.parse(sign("COOV", holder, nonce, facts())).hash());
            });
  }

  /**
   * Any text of 1 to 64 chars that is clean and not blank, drawn again until one is, as the former
   * filter did: about one draw in three is kept (one in ten at 64 chars: lone surrogates and
   * controls are about 3.6 % of the chars drawn), cheap next to the signing.
   */
  private static Gen<String> cleanText() {
    Gen<String> candidates = stringOf(anyChar(), 1, 64);
    return in -> {
      while (true) {
        String s = candidates.generate(in);
        if (!s.isBlank() && kr.vaccinepass.portal.shared.domain.TextRules.isCleanText(s, 64)) {
          return s;
        }
      }
    };
  }
}
