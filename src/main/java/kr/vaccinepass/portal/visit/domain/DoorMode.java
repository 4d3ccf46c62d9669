package kr.vaccinepass.portal.visit.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The mode a door app reports itself in (issue 15, "Modes, visibly"; docs/door.md): online (the
 * server answers), degraded (the server did not answer within the budget, or shed with 503: the
 * door answers from its own verification and queues), offline (local only), door-first (the
 * deployment's setting: the door always answers itself and sends batches).
 */
public enum DoorMode {
  ONLINE,
  DEGRADED,
  OFFLINE,
  DOOR_FIRST;

  /**
   * The modes that say the server is failing this door right now: the ones administrators count as
   * "degraded" per 시군구, the first signal of an outage. Door-first is a chosen setting, not a
   * failure.
   */
  public static Set<DoorMode> degraded() {
    return EnumSet.of(DEGRADED, OFFLINE);
  }

  public boolean isDegraded() {
    return degraded().contains(this);
  }
}
