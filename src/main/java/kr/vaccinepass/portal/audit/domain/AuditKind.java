package kr.vaccinepass.portal.audit.domain;

/**
 * What an entry records: a read of personal data (with the fields it showed) or a change that
 * matters, and the kind of object it is about.
 */
public enum AuditKind {
  /** An owner's records page of a facility (its visits, masked). */
  VISITS_VIEWED(AuditSubject.FACILITY, true),
  /** An owner's export of a facility's visit records (CSV or XLSX). */
  VISITS_EXPORTED(AuditSubject.FACILITY, true),
  /** An inspector or owner opened a case that shows the visitor's or operator's details. */
  CASE_VIEWED(AuditSubject.VIOLATION, true),
  /** An owner's list of their facility's cases, with the visitors' names masked. */
  CASES_LISTED(AuditSubject.FACILITY, true),
  /** A notice of a case printed, with the person's details on it. */
  NOTICE_PRINTED(AuditSubject.VIOLATION, true),
  /** An investigator asked for a trace (its basis, case and reason); detail OUT_OF_REGION if so. */
  TRACE_REQUESTED(AuditSubject.TRACE, false),
  /** An investigator opened a trace's findings: one entry per facility whose visits it showed. */
  TRACE_VIEWED(AuditSubject.TRACE, true),
  /** A trace's findings exported (for one issuer, or the contacts); one entry per facility. */
  TRACE_EXPORTED(AuditSubject.TRACE, true),
  /** An administrator's export of the trail itself (which names the people in it). */
  AUDIT_EXPORTED(AuditSubject.AUDIT_TRAIL, true),

  ACCOUNT_CREATED(AuditSubject.ACCOUNT, false),
  FACILITY_REGISTERED(AuditSubject.FACILITY, false),
  FACILITY_CHANGED(AuditSubject.FACILITY, false),
  DEVICE_PAIRED(AuditSubject.DEVICE_KEY, false),
  DEVICE_REVOKED(AuditSubject.DEVICE_KEY, false),
  TRUST_KEY_ADDED(AuditSubject.TRUST_KEY, false),
  TRUST_KEY_ROTATED(AuditSubject.TRUST_KEY, false),
  TRUST_KEY_REVOKED(AuditSubject.TRUST_KEY, false),
  CALENDAR_ADDED(AuditSubject.CALENDAR_EVENT, false),
  CALENDAR_EDITED(AuditSubject.CALENDAR_EVENT, false),
  GRACE_DECLARED(AuditSubject.GRACE, false),
  GRACE_REVOKED(AuditSubject.GRACE, false),
  GRACE_RETRIED(AuditSubject.GRACE, false),
  INCIDENT_DECLARED(AuditSubject.INCIDENT, false),
  INCIDENT_CLOSED(AuditSubject.INCIDENT, false),
  INSPECTION_OPENED(AuditSubject.FACILITY, false),
  VIOLATION_LOGGED(AuditSubject.VIOLATION, false),
  /** A step of a fine case; the entry's detail names the step. */
  FINE_STEP(AuditSubject.VIOLATION, false),
  SANCTION_DECIDED(AuditSubject.VIOLATION, false),
  EVIDENCE_ATTACHED(AuditSubject.VIOLATION, false),
  OPINION_SUBMITTED(AuditSubject.VIOLATION, false);

  private final AuditSubject subject;
  private final boolean read;

  AuditKind(AuditSubject subject, boolean read) {
    this.subject = subject;
    this.read = read;
  }

  public AuditSubject subject() {
    return subject;
  }

  /** A read of personal data, as opposed to a change. */
  public boolean isRead() {
    return read;
  }

  /** A read of a facility's visit records, which its owner is shown. */
  public boolean isVisitRecordRead() {
    return this == VISITS_VIEWED
        || this == VISITS_EXPORTED
        || this == TRACE_VIEWED
        || this == TRACE_EXPORTED;
  }
}
