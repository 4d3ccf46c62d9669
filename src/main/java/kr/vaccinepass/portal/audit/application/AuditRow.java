package kr.vaccinepass.portal.audit.application;

import java.io.Serializable;
import kr.vaccinepass.portal.audit.domain.AuditEntry;

/**
 * An entry with the names it refers to by id, for a page.
 *
 * @param actorName the person's name and e-mail address (administrators only), null otherwise
 * @param facilityName the facility's name, null when the entry concerns none
 */
public record AuditRow(AuditEntry entry, String actorName, String facilityName)
    implements Serializable {}
