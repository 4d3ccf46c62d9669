package kr.vaccinepass.portal.visit.domain;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A paired door's last report and when the server received it, and what that says now: whether it
 * is still reporting, and how old its snapshot is. The door sends a heartbeat every 30 s; four
 * missed (2 minutes) and it is silent — "연결 끊김", the door or its network is down; a day without one
 * and it is idle, no longer counted as a door in service.
 *
 * @param deviceKeyId the door's device key
 * @param lastSeenAt when the last report arrived, by the server's clock
 * @param report what it said
 */
public record DoorState(long deviceKeyId, Instant lastSeenAt, DoorReport report)
    implements Serializable {
  /** A door heard from within this is reporting (the app sends every 30 s: four heartbeats). */
  public static final Duration REPORTING_WINDOW = Duration.ofMinutes(2);

  /** A door not heard from within this is idle: not counted among the doors in service. */
  public static final Duration COUNTED_WINDOW = Duration.ofHours(24);

  /** What the last report says now. */
  public enum Presence {
    /** Heard from within 2 minutes: its mode is as it reported. */
    REPORTING,
    /** Heard from within 24 hours, not within 2 minutes: 연결 끊김, offline right now. */
    SILENT,
    /** Not heard from within 24 hours, or never: not counted. */
    IDLE;

    /** Whether administrators count the door among those in service (reporting or silent). */
    public boolean counted() {
      return this != IDLE;
    }
  }

  /** The snapshot the door holds against the freshness limit. */
  public enum SnapshotFreshness {
    /** Issued within the limit: the door may verify with it. */
    FRESH,
    /** Past the limit: the door answers no green until it reconnects. */
    STALE,
    /** The door reported none. */
    NONE
  }

  public DoorState {
    if (lastSeenAt == null || report == null) {
      throw new IllegalArgumentException("a door's state has its report and when it arrived");
    }
  }

  /** The presence of a door last heard from at {@code lastSeenAt} (null: never), at {@code now}. */
  public static Presence presence(Instant lastSeenAt, Instant now) {
    if (lastSeenAt == null || lastSeenAt.isBefore(countedSince(now))) {
      return Presence.IDLE;
    }
    return lastSeenAt.isBefore(reportingSince(now)) ? Presence.SILENT : Presence.REPORTING;
  }

  /** The earliest last report of a door still reporting at {@code now}. */
  public static Instant reportingSince(Instant now) {
    return now.minus(REPORTING_WINDOW);
  }

  /** The earliest last report of a door still counted at {@code now}. */
  public static Instant countedSince(Instant now) {
    return now.minus(COUNTED_WINDOW);
  }

  public Presence presenceAt(Instant now) {
    return presence(lastSeenAt, now);
  }

  /** The mode the door is in now: as reported while it reports, else null (it is not heard). */
  public DoorMode modeAt(Instant now) {
    return presenceAt(now) == Presence.REPORTING ? report.mode() : null;
  }

  /** How old the door's snapshot is now; empty when it holds none. */
  public Optional<Duration> snapshotAge(Instant now) {
    return Optional.ofNullable(report.snapshotIssuedAt())
        .map(issued -> Duration.between(issued, now));
  }

  /**
   * The door's snapshot against the freshness limit ({@code portal.door.snapshotHours}, the same
   * that sets the snapshot's {@code validUntil}): stale once older than the limit.
   */
  public SnapshotFreshness snapshotAt(Instant now, Duration freshness) {
    return snapshotAge(now)
        .map(
            age -> age.compareTo(freshness) > 0 ? SnapshotFreshness.STALE : SnapshotFreshness.FRESH)
        .orElse(SnapshotFreshness.NONE);
  }
}
