package kr.vaccinepass.portal.pass.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.nimbusds.jose.JOSEException;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import kr.vaccinepass.portal.pass.application.TrustList.TrustedKey;
import kr.vaccinepass.portal.pass.domain.Es256Verifier;
import kr.vaccinepass.portal.pass.domain.PassFacts;
import kr.vaccinepass.portal.pass.domain.PassKeys;
import kr.vaccinepass.portal.pass.domain.PassToken;
import kr.vaccinepass.portal.pass.domain.TokenProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every outcome of {@link PassVerifier#verify}, from an in-memory trust list: one row per problem,
 * with the boundaries of the key window and of the 5 s clock skew.
 */
class PassVerifierTest {
  /** 2021-12-13 12:00 KST. */
  private static final Instant BASE = Instant.parse("2021-12-13T03:00:00Z");

  private static final KeyPair ISSUER_KEY = PassKeys.generate();
  private static final KeyPair OTHER_KEY = PassKeys.generate();

  private static final Map<String, TrustedKey> KEYS =
      Map.of(
          // the issuer's current key, open-ended
          "kakao-1",
          key("kakao-1", "KAKAO", BASE.minus(Duration.ofDays(30)), null, false),
          // another issuer's key (same key material, so only the issuer code differs)
          "naver-1",
          key("naver-1", "NAVER", BASE.minus(Duration.ofDays(30)), null, false),
          // revoked by an administrator
          "kakao-revoked",
          key("kakao-revoked", "KAKAO", BASE.minus(Duration.ofDays(30)), null, true),
          // a key valid for one minute from BASE
          "kakao-window",
          key("kakao-window", "KAKAO", BASE, BASE.plusSeconds(60), false));

  private static TrustedKey key(
      String kid, String issuer, Instant from, Instant until, boolean revoked) {
    try {
      return new TrustedKey(
          kid,
          issuer,
          from,
          until,
          revoked,
          new Es256Verifier((ECPublicKey) ISSUER_KEY.getPublic()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PassVerifier verifier() {
    PassVerifier verifier = new PassVerifier();
    verifier.trustList =
        new TrustList() {
          @Override
          public TrustedKey find(String kid) {
            return KEYS.get(kid);
          }
        };
    return verifier;
  }

  private static PassToken token(String kid, String issuer, String signer, Instant iat) {
    KeyPair pair =
        switch (signer) {
          case "ISSUER" -> ISSUER_KEY;
          case "OTHER" -> OTHER_KEY;
          default -> throw new IllegalArgumentException(signer);
        };
    return PassToken.parse(
        PassToken.sign(
            (ECPrivateKey) pair.getPrivate(),
            kid,
            issuer,
            "holder-1",
            PassFacts.none(),
            iat,
            "nonce-1"));
  }

  @ParameterizedTest(name = "{0} → {6}")
  @CsvSource(
      nullValues = "GENUINE",
      value = {
        // columns: case, kid, iss, signed by, iat (s after BASE), now (s after BASE), problem
        // a fresh token of a trusted key, read at its issue
        "genuine,                    kakao-1,       KAKAO, ISSUER,  0,  0, GENUINE",
        // read at its expiry (iat + 15 s)
        "at exp,                     kakao-1,       KAKAO, ISSUER,  0, 15, GENUINE",
        // read 5 s after its expiry: the clock skew forgives it
        "exp + 5 s,                  kakao-1,       KAKAO, ISSUER,  0, 20, GENUINE",
        // read 6 s after its expiry: too late
        "exp + 6 s,                  kakao-1,       KAKAO, ISSUER,  0, 21, EXPIRED",
        // read an hour later
        "an hour old,                kakao-1,       KAKAO, ISSUER,  0, 3600, EXPIRED",
        // issued 5 s in the reader's future: the skew forgives it
        "iat = now + 5 s,            kakao-1,       KAKAO, ISSUER,  5,  0, GENUINE",
        // issued 6 s in the reader's future
        "iat = now + 6 s,            kakao-1,       KAKAO, ISSUER,  6,  0, NOT_YET_VALID",
        // a kid that is not in the trust list
        "unknown kid,                nobody-1,      KAKAO, ISSUER,  0,  0, UNKNOWN_ISSUER",
        // a known kid of another issuer than the token's iss
        "kid of another issuer,      naver-1,       KAKAO, ISSUER,  0,  0, UNKNOWN_ISSUER",
        // a revoked key, even with a good signature
        "revoked key,                kakao-revoked, KAKAO, ISSUER,  0,  0, REVOKED_KEY",
        // issued 1 s before the key's window opens
        "iat before validFrom,       kakao-window,  KAKAO, ISSUER, -1, -1, KEY_NOT_VALID",
        // issued at the first second of the window
        "iat at validFrom,           kakao-window,  KAKAO, ISSUER,  0,  0, GENUINE",
        // issued at the last second of the window
        "iat 1 s before validUntil,  kakao-window,  KAKAO, ISSUER, 59, 59, GENUINE",
        // issued at the window's end, which is exclusive
        "iat at validUntil,          kakao-window,  KAKAO, ISSUER, 60, 60, KEY_NOT_VALID",
        // issued after the window closed
        "iat after validUntil,       kakao-window,  KAKAO, ISSUER, 61, 61, KEY_NOT_VALID",
        // signed by a key the issuer does not own
        "signed by another key,      kakao-1,       KAKAO, OTHER,   0,  0, BAD_SIGNATURE",
        // the first problem wins: a forged and expired token is a bad signature
        "forged and expired,         kakao-1,       KAKAO, OTHER,   0, 3600, BAD_SIGNATURE",
        // the first problem wins: a forged token under a revoked key is the revocation
        "forged under revoked key,   kakao-revoked, KAKAO, OTHER,   0,  0, REVOKED_KEY",
      })
  void verifies(
      String name,
      String kid,
      String issuer,
      String signer,
      long iat,
      long now,
      TokenProblem expected) {
    PassToken token = token(kid, issuer, signer, BASE.plusSeconds(iat));

    PassVerifier.Verification result = verifier().verify(token, BASE.plusSeconds(now));

    assertEquals(expected, result.problem());
    assertEquals(expected == null, result.genuine());
    assertSame(token, result.token());
  }

  @Test
  void clockSkewIsFiveSeconds() {
    assertEquals(Duration.ofSeconds(5), PassVerifier.CLOCK_SKEW);
  }
}
