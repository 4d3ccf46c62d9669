package kr.vaccinepass.portal.visit.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import kr.vaccinepass.portal.shared.web.Messages;
import kr.vaccinepass.portal.visit.application.PairedDoor;

/**
 * How a door's state reads on the owner's devices page (docs/door.md, "Door state"): when it was
 * last heard from, as a person says it ("3분 전"); what it is doing now, in words (its mode while it
 * reports, "연결 끊김" when silent, idle after a day); and its snapshot's age against the freshness
 * limit. {@link kr.vaccinepass.portal.visit.domain.DoorState} decides; this only words it.
 */
@Named
@ApplicationScoped
public class DoorTexts {
  @Inject Messages messages;
  @Inject Clock clock;

  /** An age as a person says it: 방금 (under a minute), 분, 시간 (under two days), 일. */
  public String ago(Duration age) {
    if (age.compareTo(Duration.ofMinutes(1)) < 0) {
      // a report stamped a little ahead of this node's clock is "just now" too
      return messages.text("device.door.ago.now");
    }
    if (age.compareTo(Duration.ofHours(1)) < 0) {
      return messages.text("device.door.ago.minutes", age.toMinutes());
    }
    if (age.compareTo(Duration.ofHours(48)) < 0) {
      return messages.text("device.door.ago.hours", age.toHours());
    }
    return messages.text("device.door.ago.days", age.toDays());
  }

  /** When the door last reported ("3분 전"), or that it never did. */
  public String lastSeen(PairedDoor door) {
    return door.state() == null
        ? messages.text("device.door.never")
        : ago(Duration.between(door.state().lastSeenAt(), clock.instant()));
  }

  /** What the door is doing now: its mode in words, 연결 끊김, idle, or not paired yet. */
  public String state(PairedDoor door) {
    if (door.state() == null) {
      return messages.text("device.door.never");
    }
    return switch (door.presence()) {
      case REPORTING -> messages.text("device.door.mode." + door.mode().name());
      case SILENT -> messages.text("device.door.silent");
      case IDLE -> messages.text("device.door.idle");
    };
  }

  /** The tone of the state for the page: ok, warn (degraded) or bad (silent), none when idle. */
  public String tone(PairedDoor door) {
    if (door.state() == null) {
      return "none";
    }
    return switch (door.presence()) {
      case REPORTING -> door.mode().isDegraded() ? "warn" : "ok";
      case SILENT -> "bad";
      case IDLE -> "none";
    };
  }

  /** The visits waiting in the door's queue as it last said; empty when it never reported. */
  public String queued(PairedDoor door) {
    return door.state() == null
        ? ""
        : messages.text("device.door.queued", door.state().report().queued());
  }

  /** The snapshot's age and whether the door may still verify with it ("3시간 전 발급 · 유효"). */
  public String snapshot(PairedDoor door) {
    if (door.snapshotAge() == null) {
      return messages.text("device.door.snapshot.none");
    }
    return messages.text("device.door.snapshot." + door.snapshot().name(), ago(door.snapshotAge()));
  }
}
