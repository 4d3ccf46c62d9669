package kr.vaccinepass.portal.facility.domain;

/** Whether a facility operates; suspension and closure come from sanctions (enforcement). */
public enum FacilityStatus {
  ACTIVE,
  SUSPENDED,
  CLOSED;

  /**
   * Whether the facility refuses every visitor, whatever their pass: while its operation is
   * suspended, and once it is closed (domain-rules.md, "Penalties"). Asked by every way in: the QR
   * check-in, the door's offline queue when it syncs, and the check of a visitor during an outage.
   */
  public boolean refusesEntry() {
    return this != ACTIVE;
  }
}
