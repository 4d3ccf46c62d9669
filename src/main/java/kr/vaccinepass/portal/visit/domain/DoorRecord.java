package kr.vaccinepass.portal.visit.domain;

import java.time.Instant;

/**
 * A record a door sent, as kept with the answer it got (table door_record): the nonce and digest of
 * its token, never the token or any personal data.
 *
 * @param facilityId the facility of the door
 * @param recordId the door's own id of the record
 * @param nonce the token's nonce, null when the token could not be read
 * @param tokenHash the token's identity ({@code PassToken.hash()}), null when not readable
 * @param at when the door answered
 * @param doorCode what the door answered (a {@link CheckinCode} name)
 * @param status what the server made of it
 * @param serverCode the server's code
 * @param reason the pass rules' reason (the server's, or the door's for a disagreement), if any
 * @param visitId the visit stored for it, or the earlier visit of a duplicate
 * @param flagged whether door and server disagree
 * @param syncedAt when it reached the server
 */
public record DoorRecord(
    long facilityId,
    String recordId,
    String nonce,
    String tokenHash,
    Instant at,
    String doorCode,
    DoorSyncStatus status,
    String serverCode,
    String reason,
    Long visitId,
    boolean flagged,
    Instant syncedAt) {

  /** The same record with the visit stored for it (known once the visit is written). */
  public DoorRecord withVisitId(Long visit) {
    return new DoorRecord(
        facilityId,
        recordId,
        nonce,
        tokenHash,
        at,
        doorCode,
        status,
        serverCode,
        reason,
        visit,
        flagged,
        syncedAt);
  }
}
