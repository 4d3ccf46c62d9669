package kr.vaccinepass.portal.pass.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import kr.vaccinepass.portal.pass.application.TrustList.TrustedKey;
import kr.vaccinepass.portal.pass.domain.PassToken;
import kr.vaccinepass.portal.pass.domain.TokenProblem;

/**
 * Decides whether a check-in token is a genuine, current statement of a trusted issuer, from the
 * in-memory trust list only: no database, no central round trip.
 */
@ApplicationScoped
public class PassVerifier {
  /** Clocks of phones and door devices disagree a little; this much is forgiven either way. */
  public static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

  @Inject TrustList trustList;

  /** The outcome: the token when genuine and current, else the first problem found. */
  public record Verification(PassToken token, TokenProblem problem) {
    public boolean genuine() {
      return problem == null;
    }
  }

  /** Reads a token without checking it (to look up its nonce first). */
  public PassToken read(String compact) {
    return PassToken.parse(compact);
  }

  public Verification verify(PassToken token, Instant now) {
    TrustedKey key = trustList.find(token.kid());
    if (key == null || !key.issuerCode().equals(token.issuer())) {
      return new Verification(token, TokenProblem.UNKNOWN_ISSUER);
    }
    return checked(token, key, now, true);
  }

  /** {@link #verify}'s checks after the key's lookup; the signature's only if asked. */
  private static Verification checked(
      PassToken token, TrustedKey key, Instant now, boolean checkSignature) {
    if (key.revoked()) {
      return new Verification(token, TokenProblem.REVOKED_KEY);
    }
    if (!key.coversIssuance(token.issuedAt())) {
      return new Verification(token, TokenProblem.KEY_NOT_VALID);
    }
    if (checkSignature && !token.verifiedBy(key.verifier())) {
      return new Verification(token, TokenProblem.BAD_SIGNATURE);
    }
    // the skew moves now, not exp: a token parse accepts may expire at the end of time
    if (now.minus(CLOCK_SKEW).isAfter(token.expiresAt())) {
      return new Verification(token, TokenProblem.EXPIRED);
    }
    if (token.issuedAt().isAfter(now.plus(CLOCK_SKEW))) {
      return new Verification(token, TokenProblem.NOT_YET_VALID);
    }
    return new Verification(token, null);
  }

  /**
   * The token checked again as of the instant a door answered it ({@code at}, not now), by the
   * trust list as it stands: the same checks and clock skew as {@link #verify}, except that the
   * signature is checked before revocation, so that a caller can tell an authentic token of a key
   * revoked since (flagged) from a forgery.
   */
  public Audit audit(PassToken token, Instant at) {
    TrustedKey key = trustList.find(token.kid());
    if (key == null || !key.issuerCode().equals(token.issuer())) {
      return new Audit(TokenProblem.UNKNOWN_ISSUER, false);
    }
    if (!token.verifiedBy(key.verifier())) {
      return new Audit(TokenProblem.BAD_SIGNATURE, false);
    }
    // the signature is verified once: an ES256 verification is most of a record's cost
    Verification asOf = checked(token, key, at, false);
    return new Audit(asOf.problem(), true);
  }

  /**
   * A token checked as of a past instant.
   *
   * @param problem the first problem found, null when genuine and current then
   * @param authentic whether its signature verifies with a key of the trust list (revoked or not)
   */
  public record Audit(TokenProblem problem, boolean authentic) {}
}
