package kr.vaccinepass.portal.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import kr.vaccinepass.portal.shared.security.Role;

/**
 * One entry of the audit trail, never changed once written. Its hash covers its own fields and the
 * hash of the entry before it ({@link AuditChain}).
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry implements Serializable {
  private static final long serialVersionUID = 1L;

  @Id
  @Column(updatable = false)
  private long seq;

  @Column(nullable = false, updatable = false)
  private Instant at;

  @Column(name = "actor_id", updatable = false)
  private Long actorId;

  @Enumerated(EnumType.STRING)
  @Column(name = "actor_role", updatable = false)
  private Role actorRole;

  @Column(updatable = false)
  private String authority;

  @Column(updatable = false)
  private String address;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private AuditKind kind;

  @Column(name = "object_id", updatable = false)
  private String objectId;

  @Column(name = "facility_id", updatable = false)
  private Long facilityId;

  @Column(name = "fields", updatable = false)
  private String fieldNames;

  @Column(updatable = false)
  private String detail;

  @Column(updatable = false)
  private String reason;

  @Column(name = "prev_hash", nullable = false, updatable = false)
  private String prevHash;

  @Column(nullable = false, updatable = false)
  private String hash;

  protected AuditEntry() {}

  /**
   * The entry that follows the one whose sequence number and hash are given ({@link
   * AuditChain#GENESIS} and 0 for the first), at the portal's clock to the microsecond (what
   * PostgreSQL keeps, so that the hash can be computed again from the stored row).
   */
  public static AuditEntry after(
      long previousSeq, String previousHash, Instant at, AuditActor who, AuditFact what) {
    AuditEntry e = new AuditEntry();
    e.seq = previousSeq + 1;
    e.at = at.truncatedTo(ChronoUnit.MICROS);
    e.actorId = who.accountId();
    e.actorRole = who.role();
    e.authority = who.authority();
    e.address = who.address();
    e.kind = what.kind();
    e.objectId = what.objectId();
    e.facilityId = what.facilityId();
    e.fieldNames =
        what.fields().isEmpty()
            ? null
            : EnumSet.copyOf(what.fields()).stream()
                .map(Enum::name)
                .collect(Collectors.joining(","));
    e.detail = what.detail();
    e.reason = what.reason();
    e.prevHash = previousHash;
    e.hash = AuditChain.hashOf(e);
    return e;
  }

  /** The fields that the hash covers, in their fixed order. */
  Object[] hashed() {
    return new Object[] {
      seq,
      at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000,
      actorId,
      actorRole,
      authority,
      address,
      kind,
      objectId,
      facilityId,
      fieldNames,
      detail,
      reason,
      prevHash
    };
  }

  public long getSeq() {
    return seq;
  }

  public Instant getAt() {
    return at;
  }

  public Long getActorId() {
    return actorId;
  }

  public Role getActorRole() {
    return actorRole;
  }

  public String getAuthority() {
    return authority;
  }

  public String getAddress() {
    return address;
  }

  public AuditKind getKind() {
    return kind;
  }

  public String getObjectId() {
    return objectId;
  }

  public Long getFacilityId() {
    return facilityId;
  }

  /** The names of the fields, as stored: comma-separated, in their fixed order. */
  public String getFieldNames() {
    return fieldNames;
  }

  /** The personal fields a read showed, in their fixed order. */
  public Set<PersonalField> getFields() {
    if (fieldNames == null) {
      return Set.of();
    }
    EnumSet<PersonalField> set = EnumSet.noneOf(PersonalField.class);
    Arrays.stream(fieldNames.split(",")).map(PersonalField::valueOf).forEach(set::add);
    return set;
  }

  public String getDetail() {
    return detail;
  }

  public String getReason() {
    return reason;
  }

  public String getPrevHash() {
    return prevHash;
  }

  public String getHash() {
    return hash;
  }

  /** Whether the portal itself, not a person, wrote the entry. */
  public boolean isByPortal() {
    return actorId == null;
  }
}
