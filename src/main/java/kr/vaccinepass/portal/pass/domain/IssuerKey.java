package kr.vaccinepass.portal.pass.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import kr.vaccinepass.portal.shared.domain.BusinessException;

/**
 * One EC P-256 public key of an issuer in the trust list. A key verifies tokens issued within its
 * validity window until it is revoked; keys are never deleted, so that old answers stay
 * explainable.
 */
@Entity
@Table(name = "pass_issuer_key")
public class IssuerKey implements Serializable {
  private static final long serialVersionUID = 1L;

  @Id private String kid;

  @Column(name = "issuer_code", nullable = false, updatable = false)
  private String issuerCode;

  @Column(name = "public_key", nullable = false, updatable = false)
  private String publicKey;

  @Column(name = "valid_from", nullable = false)
  private Instant validFrom;

  @Column(name = "valid_until")
  private Instant validUntil;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_by")
  private Long revokedBy;

  @Column(nullable = false, updatable = false)
  private boolean demo;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", updatable = false)
  private Long createdBy;

  protected IssuerKey() {}

  /** A new key, its PEM or base64 SPKI checked to be an EC P-256 public key. */
  public static IssuerKey add(
      String kid,
      String issuerCode,
      String publicKey,
      Instant validFrom,
      Instant validUntil,
      boolean demo,
      Long createdBy,
      Instant now) {
    if (kid == null || !kid.matches("[A-Za-z0-9._-]{3,64}")) {
      throw new BusinessException("trust.kid.invalid", "kid");
    }
    if (validFrom == null) {
      throw new BusinessException("trust.validFrom.required", "validFrom");
    }
    if (validUntil != null && !validUntil.isAfter(validFrom)) {
      throw new BusinessException("trust.validUntil.beforeFrom", "validUntil");
    }
    IssuerKey key = new IssuerKey();
    key.kid = kid;
    key.issuerCode = issuerCode;
    key.publicKey = PassKeys.encodePublic(PassKeys.parsePublic(publicKey));
    key.validFrom = validFrom;
    key.validUntil = validUntil;
    key.demo = demo;
    key.createdBy = createdBy;
    key.createdAt = now;
    return key;
  }

  /** Stops this key verifying anything from now on. */
  public void revoke(long by, Instant now) {
    if (revokedAt != null) {
      throw BusinessException.of("trust.key.alreadyRevoked");
    }
    revokedAt = now;
    revokedBy = by;
  }

  /** Ends this key's window (when a newer key takes over), keeping an earlier end. */
  public void retireAt(Instant until) {
    if (validUntil == null || validUntil.isAfter(until)) {
      validUntil = until.isAfter(validFrom) ? until : validFrom.plusSeconds(1);
    }
  }

  /** Whether a token issued at that instant falls in this key's window. */
  public boolean coversIssuance(Instant issuedAt) {
    return !issuedAt.isBefore(validFrom) && (validUntil == null || issuedAt.isBefore(validUntil));
  }

  public ECPublicKey ecPublicKey() {
    return PassKeys.parsePublic(publicKey);
  }

  public String getKid() {
    return kid;
  }

  public String getIssuerCode() {
    return issuerCode;
  }

  public String getPublicKey() {
    return publicKey;
  }

  public Instant getValidFrom() {
    return validFrom;
  }

  public Instant getValidUntil() {
    return validUntil;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  public boolean isRevoked() {
    return revokedAt != null;
  }

  public boolean isDemo() {
    return demo;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
