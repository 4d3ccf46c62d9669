package kr.vaccinepass.portal.visit.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides what a record a door verified on its own becomes when it reaches the server, which
 * verified the token again as of the record's time and stays the authority (issue 15, "Door-first":
 * "the server verifies every record again at sync and flags any disagreement"). A pure function of
 * the facts; the first rule that applies wins:
 *
 * <ol>
 *   <li>outside the sync window (older than the age limit, or later than now + clock skew):
 *       refused, not kept;
 *   <li>the same check-in is recorded already (same token at this facility): duplicate;
 *   <li>the nonce was admitted first at another facility: a replay, counted as a refusal here;
 *   <li>door and server admit: stored;
 *   <li>door and server refuse: refused, counted as a refusal;
 *   <li>otherwise they disagree, flagged; when the door admitted an authentic token (its signature
 *       verifies with a key of the trust list) the visitor did enter, so the visit is stored, with
 *       the server's code as its disagreement.
 * </ol>
 */
public final class DoorRecordRules {
  public static final String RECORD_TOO_OLD = "RECORD_TOO_OLD";
  public static final String RECORD_IN_FUTURE = "RECORD_IN_FUTURE";

  private final Duration maxAge;
  private final Duration skew;

  /**
   * @param maxAge how old a record may be when it arrives
   * @param skew how far in the future a record's time may be (the clock skew of token checks)
   */
  public DoorRecordRules(Duration maxAge, Duration skew) {
    this.maxAge = maxAge;
    this.skew = skew;
  }

  /** Whether the nonce of the record's token was recorded before, and where. */
  public enum NonceSeen {
    /** Never recorded. */
    NEW,
    /** Recorded for the same token at this facility: the same check-in. */
    SAME_CHECKIN,
    /** Recorded for another facility, or in another token: this record is the later use. */
    ELSEWHERE
  }

  /**
   * The facts of one record.
   *
   * @param at when the door answered
   * @param doorAdmitted whether the door answered green
   * @param server the server's code for the token as of {@code at} ({@link CheckinCode}: PASS or
   *     EXEMPT when it admits)
   * @param authentic whether the token's signature verifies with a key of the trust list (revoked
   *     or not)
   * @param nonce whether its nonce was recorded before; {@link NonceSeen#NEW} for a token that
   *     could not be read
   */
  public record Facts(
      Instant at, boolean doorAdmitted, CheckinCode server, boolean authentic, NonceSeen nonce) {}

  public DoorRecordVerdict decide(Facts f, Instant now) {
    // 1. the sync window: the door's queue is sent within the age limit, never from the future
    if (f.at().isBefore(now.minus(maxAge))) {
      return new DoorRecordVerdict(
          DoorSyncStatus.REFUSED, RECORD_TOO_OLD, false, false, false, false);
    }
    if (f.at().isAfter(now.plus(skew))) {
      return new DoorRecordVerdict(
          DoorSyncStatus.REFUSED, RECORD_IN_FUTURE, false, false, false, false);
    }
    String code = f.server().name();
    // 2. the same check-in again (online before, or another record of this facility)
    if (f.nonce() == NonceSeen.SAME_CHECKIN) {
      return new DoorRecordVerdict(DoorSyncStatus.DUPLICATE, code, false, false, false, true);
    }
    // 3. admitted first elsewhere: a replay for this, the later one (as online: REPLAYED)
    if (f.nonce() == NonceSeen.ELSEWHERE) {
      return new DoorRecordVerdict(
          DoorSyncStatus.REPLAY, CheckinCode.REPLAYED.name(), false, false, true, true);
    }
    boolean serverAdmits = f.server().admitted();
    // 4. both admit
    if (f.doorAdmitted() && serverAdmits) {
      return new DoorRecordVerdict(DoorSyncStatus.STORED, code, true, false, false, true);
    }
    // 5. both refuse: a refusal like an online one
    if (!f.doorAdmitted() && !serverAdmits) {
      return new DoorRecordVerdict(DoorSyncStatus.REFUSED, code, false, false, true, true);
    }
    // 6. they disagree; the visitor entered when the door said green
    boolean entered = f.doorAdmitted() && f.authentic();
    return new DoorRecordVerdict(DoorSyncStatus.DISAGREEMENT, code, entered, true, false, true);
  }
}
