package kr.vaccinepass.portal.pass.application;

import java.time.Instant;
import kr.vaccinepass.portal.pass.domain.IssuerKey;

/**
 * Fired when a key is added, retired or revoked, carrying the key as it now stands, so that every
 * verifier on this node patches its copy after the commit without reading the database.
 */
public record TrustListChanged(
    String kid,
    String issuerCode,
    String publicKey,
    Instant validFrom,
    Instant validUntil,
    boolean revoked,
    boolean demo) {

  public static TrustListChanged of(IssuerKey key) {
    return new TrustListChanged(
        key.getKid(),
        key.getIssuerCode(),
        key.getPublicKey(),
        key.getValidFrom(),
        key.getValidUntil(),
        key.isRevoked(),
        key.isDemo());
  }
}
