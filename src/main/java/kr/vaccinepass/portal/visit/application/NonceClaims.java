package kr.vaccinepass.portal.visit.application;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Which token at which facility presented a nonce first, as every node of a cluster sees it: a
 * nonce claimed at one node is refused as a replay at another before anything is written (the
 * database's unique nonce claim stays the last word, for a claim this store lost).
 */
public interface NonceClaims {
  /** The first presentation of a nonce: the facility and the token's hash. */
  record Claim(long facilityId, String tokenHash) {
    public boolean sameToken(long facility, String hash) {
      return facilityId == facility && tokenHash.equals(hash);
    }
  }

  /**
   * Claims the nonce for this token at this facility until {@code keepUntil}: null when the claim
   * is new (or the store could not answer in time, or there is no other node to share it with),
   * else the claim that was there first. The answer may come from another node: the future
   * completes then, without a thread waiting for it (completed at once when there is nothing to
   * ask), and never exceptionally.
   */
  CompletableFuture<Claim> claim(
      String nonce, long facilityId, String tokenHash, Instant keepUntil);

  /** The claim on a nonce, or null when none is known. */
  Claim find(String nonce);
}
