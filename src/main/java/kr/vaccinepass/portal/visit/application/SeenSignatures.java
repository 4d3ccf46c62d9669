package kr.vaccinepass.portal.visit.application;

import java.time.Instant;

/**
 * The webhook signatures seen within their freshness window: the same signed bytes sent twice are a
 * replay. Kept in memory on each node (visit.infrastructure); a replay sent to another node finds
 * the call's id already recorded.
 */
public interface SeenSignatures {
  /**
   * Remembers a signature first seen now (forgetting those past the freshness window): false when
   * it was seen already, a replay.
   */
  boolean firstSeen(String signature, Instant now);

  /** Forgets a signature whose call was not recorded, so that it may be sent again. */
  void forget(String signature);
}
