package kr.vaccinepass.portal.enforcement.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Sha256;

/**
 * A photo attached to a violation as evidence. What it is comes from its bytes (the file's magic
 * number), never from its name or the browser's claim: JPEG, PNG or WebP, at most 5 MB.
 */
@Entity
@Table(name = "evidence")
public class Evidence {
  public static final int MAX_BYTES = 5 * 1024 * 1024;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "violation_id", nullable = false, updatable = false)
  private long violationId;

  @Column(name = "content_type", nullable = false, updatable = false)
  private String contentType;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private int sizeBytes;

  @Column(nullable = false, updatable = false)
  private String sha256;

  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false, updatable = false)
  private byte[] content;

  @Column(updatable = false)
  private String description;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false)
  private long createdBy;

  protected Evidence() {}

  /** Attaches a photo; anything that is not a JPEG, PNG or WebP image by its bytes is refused. */
  public static Evidence attach(
      long violationId, byte[] bytes, String description, long by, Instant now) {
    if (bytes == null || bytes.length == 0) {
      throw BusinessException.onField("photo", "evidence.empty");
    }
    if (bytes.length > MAX_BYTES) {
      throw BusinessException.onField("photo", "evidence.tooLarge", MAX_BYTES / (1024 * 1024));
    }
    String type = imageType(bytes);
    if (type == null) {
      throw BusinessException.onField("photo", "evidence.notAnImage");
    }
    if (description != null && description.strip().length() > 500) {
      throw BusinessException.onField("description", "evidence.description.tooLong");
    }
    Evidence e = new Evidence();
    e.violationId = violationId;
    e.contentType = type;
    e.sizeBytes = bytes.length;
    e.sha256 = Sha256.hex(bytes);
    e.content = bytes.clone();
    e.description = description == null || description.isBlank() ? null : description.strip();
    e.createdAt = now;
    e.createdBy = by;
    return e;
  }

  /** The image type the bytes begin with, or null. */
  public static String imageType(byte[] b) {
    if (starts(b, 0xFF, 0xD8, 0xFF) && b.length > 4) {
      return "image/jpeg";
    }
    if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A) && b.length > 8) {
      return "image/png";
    }
    if (b.length > 12
        && new String(b, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
        && new String(b, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
      return "image/webp";
    }
    return null;
  }

  private static boolean starts(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  public Long getId() {
    return id;
  }

  public long getViolationId() {
    return violationId;
  }

  public String getContentType() {
    return contentType;
  }

  public int getSizeBytes() {
    return sizeBytes;
  }

  public String getSha256() {
    return sha256;
  }

  public byte[] content() {
    return content == null ? null : Arrays.copyOf(content, content.length);
  }

  public String getDescription() {
    return description;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
