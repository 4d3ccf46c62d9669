package kr.vaccinepass.portal.audit.domain;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What happened, without who: the kind, the object, the facility whose data it was, the personal
 * fields a read showed, a detail (such as the fine step) and the reason the person gave. Never the
 * personal data itself.
 *
 * @param detail a step or option in the kind's own words (a {@code FineStep} name, say), or null
 * @param reason the reason the person gave, or null
 */
public record AuditFact(
    AuditKind kind,
    String objectId,
    Long facilityId,
    Set<PersonalField> fields,
    String detail,
    String reason) {
  public AuditFact {
    Objects.requireNonNull(kind, "kind");
    fields = fields == null || fields.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(fields));
    if (!kind.isRead() && !fields.isEmpty()) {
      throw new IllegalArgumentException("only a read shows fields");
    }
    reason = reason == null || reason.isBlank() ? null : reason.strip();
  }

  /** A read of these fields of an object. */
  public static AuditFact read(
      AuditKind kind, Object objectId, Long facilityId, PersonalField... fields) {
    if (!kind.isRead()) {
      throw new IllegalArgumentException(kind + " is not a read");
    }
    return new AuditFact(kind, id(objectId), facilityId, Set.of(fields), null, null);
  }

  /** A change of an object. */
  public static AuditFact change(AuditKind kind, Object objectId, Long facilityId) {
    return new AuditFact(kind, id(objectId), facilityId, Set.of(), null, null);
  }

  public AuditFact withDetail(String detail) {
    return new AuditFact(kind, objectId, facilityId, fields, detail, reason);
  }

  public AuditFact withReason(String reason) {
    return new AuditFact(kind, objectId, facilityId, fields, detail, reason);
  }

  private static String id(Object objectId) {
    return objectId == null ? null : objectId.toString();
  }
}
