package kr.vaccinepass.portal.visit.domain;

import java.io.Serializable;
import java.time.Instant;

/**
 * What a door says of itself in its heartbeat (PUT /api/v1/door/state, every 30 s): its mode, how
 * many visits wait in its queue and since when, when the snapshot it verifies with was issued, and
 * its clock's offset from the server's. Never personal data.
 *
 * @param mode the mode it is in
 * @param queued the visits in its queue not yet sent, 0 or more
 * @param oldestQueuedAt when the oldest of them happened, null when none or not known
 * @param snapshotIssuedAt the {@code issuedAt} of the snapshot it holds, null when it holds none
 * @param clockOffsetMs the server's clock minus its own, in milliseconds, null when not known
 */
public record DoorReport(
    DoorMode mode, int queued, Instant oldestQueuedAt, Instant snapshotIssuedAt, Long clockOffsetMs)
    implements Serializable {
  public DoorReport {
    if (mode == null) {
      throw new IllegalArgumentException("a door reports its mode");
    }
    if (queued < 0) {
      throw new IllegalArgumentException("a queue holds 0 visits or more");
    }
  }
}
