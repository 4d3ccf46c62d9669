package kr.vaccinepass.portal.visit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import kr.vaccinepass.portal.visit.domain.DoorState.Presence;
import kr.vaccinepass.portal.visit.domain.DoorState.SnapshotFreshness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A door's state now, from its last report and the server's clock (DoorState), as tables. */
class DoorStateTest {
  private static final Instant NOW = Instant.parse("2021-12-13T02:45:00Z");
  private static final Duration FRESHNESS = Duration.ofHours(48);

  @ParameterizedTest(name = "last seen {0} s ago, reported {1} → {2}, counted {3}, shown {4}")
  @CsvSource({
    // seconds ago, mode reported, presence, counted for administrators, mode shown (- none)
    "0,      ONLINE,     REPORTING, true,  ONLINE",
    "30,     DEGRADED,   REPORTING, true,  DEGRADED",
    "119,    OFFLINE,    REPORTING, true,  OFFLINE",
    "120,    DOOR_FIRST, REPORTING, true,  DOOR_FIRST",
    // past 2 minutes (four missed heartbeats): 연결 끊김, whatever it said last
    "121,    ONLINE,     SILENT,    true,  -",
    "3600,   DEGRADED,   SILENT,    true,  -",
    "86400,  ONLINE,     SILENT,    true,  -",
    // past 24 hours: idle, not counted
    "86401,  ONLINE,     IDLE,      false, -",
    "604800, OFFLINE,    IDLE,      false, -",
    // a report stamped by another node a little ahead of this one's clock is current
    "-5,     ONLINE,     REPORTING, true,  ONLINE",
  })
  void presenceFromTheLastReport(
      long ago, DoorMode mode, Presence presence, boolean counted, String shown) {
    DoorState state = state(NOW.minusSeconds(ago), mode, 0, null);

    assertEquals(presence, state.presenceAt(NOW));
    assertEquals(counted, state.presenceAt(NOW).counted());
    assertEquals("-".equals(shown) ? null : DoorMode.valueOf(shown), state.modeAt(NOW));
  }

  @Test
  void aDoorThatNeverReportedIsIdle() {
    assertEquals(Presence.IDLE, DoorState.presence(null, NOW));
    assertFalse(Presence.IDLE.counted());
  }

  @ParameterizedTest(name = "snapshot issued {0} min ago → {1}")
  @CsvSource({
    "0,    FRESH",
    "180,  FRESH",
    "2880, FRESH", // exactly 48 h: still within
    "2881, STALE",
    "9000, STALE",
  })
  void snapshotAgeAgainstTheFreshnessLimit(long minutesAgo, SnapshotFreshness expected) {
    DoorState state = state(NOW, DoorMode.ONLINE, 0, NOW.minusSeconds(minutesAgo * 60));

    assertEquals(expected, state.snapshotAt(NOW, FRESHNESS));
    assertEquals(Duration.ofMinutes(minutesAgo), state.snapshotAge(NOW).orElseThrow());
  }

  @Test
  void aDoorWithoutASnapshotHasNone() {
    DoorState state = state(NOW, DoorMode.OFFLINE, 0, null);

    assertEquals(SnapshotFreshness.NONE, state.snapshotAt(NOW, FRESHNESS));
    assertTrue(state.snapshotAge(NOW).isEmpty());
  }

  @Test
  void theWindowsTheCountsUse() {
    assertEquals(NOW.minusSeconds(120), DoorState.reportingSince(NOW));
    assertEquals(NOW.minusSeconds(86_400), DoorState.countedSince(NOW));
    assertEquals(Set.of(DoorMode.DEGRADED, DoorMode.OFFLINE), DoorMode.degraded());
  }

  @ParameterizedTest(name = "queued {0} → refused")
  @CsvSource({"-1", "-100"})
  void aNegativeQueueIsNoReport(int queued) {
    assertThrows(
        IllegalArgumentException.class,
        () -> new DoorReport(DoorMode.ONLINE, queued, null, null, null));
  }

  @Test
  void aReportNeedsItsMode() {
    assertThrows(IllegalArgumentException.class, () -> new DoorReport(null, 0, null, null, null));
  }

  private static DoorState state(
      Instant lastSeen, DoorMode mode, int queued, Instant snapshotIssued) {
    return new DoorState(7L, lastSeen, new DoorReport(mode, queued, null, snapshotIssued, null));
  }
}
