package kr.vaccinepass.portal.visit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Sha256;

/**
 * A door device's key for the check-in API, bound to one facility. The secret ({@code vpd_} and 32
 * random bytes) is shown once; only its SHA-256 is kept, so a leaked table opens no door.
 */
@Entity
@Table(name = "device_key")
public class DeviceKey implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final SecureRandom RANDOM = new SecureRandom();
  public static final String PREFIX = "vpd_";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "facility_id", nullable = false, updatable = false)
  private long facilityId;

  @Column(nullable = false)
  private String label;

  @Column(nullable = false, updatable = false)
  private String prefix;

  @Column(name = "secret_hash", nullable = false, updatable = false)
  private String secretHash;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false)
  private long createdBy;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_by")
  private Long revokedBy;

  protected DeviceKey() {}

  /** A new key and its secret, which the caller shows once and forgets. */
  public record Issued(DeviceKey key, String secret) {}

  public static Issued issue(long facilityId, String label, long by, Instant now) {
    if (label == null || label.isBlank()) {
      throw BusinessException.onField("label", "device.label.required");
    }
    if (label.strip().length() > 60) {
      throw BusinessException.onField("label", "device.label.invalid");
    }
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    DeviceKey key = new DeviceKey();
    key.facilityId = facilityId;
    key.label = label.strip();
    key.prefix = secret.substring(0, 10);
    key.secretHash = hash(secret);
    key.createdAt = now;
    key.createdBy = by;
    return new Issued(key, secret);
  }

  public static String hash(String secret) {
    return Sha256.hex(secret.getBytes(StandardCharsets.UTF_8));
  }

  public void revoke(long by, Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
      revokedBy = by;
    }
  }

  /**
   * The door unpaired itself (DELETE /api/v1/door/pairing): revoked by no account, so {@code
   * revoked_by} stays null.
   */
  public void revokeByDoor(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  public boolean isActive() {
    return revokedAt == null;
  }

  public Long getId() {
    return id;
  }

  public long getFacilityId() {
    return facilityId;
  }

  public String getLabel() {
    return label;
  }

  public String getPrefix() {
    return prefix;
  }

  public String getSecretHash() {
    return secretHash;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }
}
