package kr.vaccinepass.portal.facility.domain;

/** Whether a facility operates; suspension and closure come from sanctions (enforcement). */
public enum FacilityStatus {
  ACTIVE,
  SUSPENDED,
  CLOSED
}
