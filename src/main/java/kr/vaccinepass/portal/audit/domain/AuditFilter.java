package kr.vaccinepass.portal.audit.domain;

import java.time.Instant;

/**
 * Which entries an administrator looks for; every part is optional.
 *
 * @param actorId the account that acted
 * @param kind what it did
 * @param objectId the object's id (with {@code subject})
 * @param from entries at or after
 * @param to entries before
 */
public record AuditFilter(
    Long actorId,
    AuditKind kind,
    AuditSubject subject,
    String objectId,
    Long facilityId,
    Instant from,
    Instant to) {
  public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null, null);
}
