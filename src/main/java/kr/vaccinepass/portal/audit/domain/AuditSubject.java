package kr.vaccinepass.portal.audit.domain;

/** What kind of object an entry is about; its id is the object's id in that kind. */
public enum AuditSubject {
  ACCOUNT,
  FACILITY,
  DEVICE_KEY,
  TRUST_KEY,
  CALENDAR_EVENT,
  GRACE,
  INCIDENT,
  VIOLATION,
  TRACE,
  AUDIT_TRAIL
}
