package kr.vaccinepass.portal.audit.application;

import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import kr.vaccinepass.portal.audit.domain.AuditKind;
import kr.vaccinepass.portal.audit.domain.AuditSubject;

/**
 * What an administrator filters the trail by: a person's e-mail address, what was done, an object,
 * and KST days (both included). Every part is optional.
 */
public record AuditQuery(
    @Size(max = 254, message = "{audit.filter.personTooLong}") String personEmail,
    AuditKind kind,
    AuditSubject subject,
    @Size(max = 64, message = "{audit.filter.objectTooLong}") String objectId,
    LocalDate from,
    LocalDate to)
    implements Serializable {
  public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null);
}
