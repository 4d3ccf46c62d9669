package kr.vaccinepass.portal.visit.domain;

import java.util.Objects;

/**
 * The server's answer to one door record.
 *
 * @param status what became of the record
 * @param code the server's own code for the token as of the record's time (a {@link CheckinCode}
 *     name), or RECORD_TOO_OLD / RECORD_IN_FUTURE for a record outside the sync limits
 * @param storesVisit whether a door-verified visit is stored for it
 * @param flagged whether the record needs a look: the door and the server disagree
 * @param countedAsRefusal whether it counts in the facility's refusal statistics (under {@code
 *     code}), as a refused online check-in does
 * @param kept whether the record and this answer are kept (so a resend answers the same); records
 *     outside the limits are not, they are refused again
 */
public record DoorRecordVerdict(
    DoorSyncStatus status,
    String code,
    boolean storesVisit,
    boolean flagged,
    boolean countedAsRefusal,
    boolean kept) {
  public DoorRecordVerdict {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(code, "code");
  }
}
