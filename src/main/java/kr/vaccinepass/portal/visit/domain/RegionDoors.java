package kr.vaccinepass.portal.visit.domain;

import java.util.Comparator;

/**
 * The doors of one 시군구 as administrators see them now (docs/door.md, "Door state").
 *
 * @param sigunguCode the 시군구 of the doors' facilities
 * @param counted the doors heard from within 24 hours (active keys only)
 * @param silent of those, the ones not heard from within 2 minutes: offline right now
 * @param degraded of those heard from within 2 minutes, the ones reporting a degraded mode
 * @param queued the visits waiting in those doors' queues, as they last reported
 */
public record RegionDoors(
    String sigunguCode, long counted, long silent, long degraded, long queued) {
  /**
   * The order administrators read them in: the most doors offline or degraded first, then the most
   * visits queued, then the most doors, then by code (a stable order for equal regions).
   */
  public static final Comparator<RegionDoors> MOST_TROUBLED_FIRST =
      Comparator.comparingLong(RegionDoors::troubled)
          .thenComparingLong(RegionDoors::queued)
          .thenComparingLong(RegionDoors::counted)
          .reversed()
          .thenComparing(RegionDoors::sigunguCode);

  /** Doors that are offline or degraded now. */
  public long troubled() {
    return silent + degraded;
  }
}
