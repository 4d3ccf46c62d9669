package kr.vaccinepass.portal.visit.application;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import kr.vaccinepass.portal.pass.domain.DiningParty;
import kr.vaccinepass.portal.visit.domain.CheckinAnswer;

/**
 * The nonces of the tokens this node has answered, each with its answer, kept a while after the
 * token expired. The same token at the same facility gets the stored answer again; its nonce
 * anywhere else is a replay. The database's unique nonce index backs this up across restarts and
 * nodes. Implemented in memory in visit.infrastructure.
 */
public interface NonceLedger {
  /**
   * Past a token's 15 s life and the clock skew, for a device's late retry: later repeats are
   * refused as expired. Short, because at the national peak a node answers thousands of tokens a
   * second and each entry costs some 400 bytes (3,000/s kept 75 s is about 90 MB).
   */
  Duration KEEP = Duration.ofMinutes(1);

  /** A claimed nonce: who claimed it, and the answer once given. */
  record Entry(
      long facilityId,
      String tokenHash,
      DiningParty party,
      Instant keepUntil,
      CompletableFuture<CheckinAnswer> answer) {
    public boolean sameToken(long facility, String hash) {
      return facilityId == facility && tokenHash.equals(hash);
    }
  }

  /**
   * Claims the nonce for this token at this facility: null when it is new (the caller must then
   * {@link #settle} or {@link #release} it), else the earlier claim.
   */
  Entry claim(
      String nonce, long facilityId, String tokenHash, DiningParty party, Instant expiresAt);

  /**
   * Claims the nonce again in place of an earlier claim (a refusal asked again with another dining
   * party): true when this caller now holds it.
   */
  boolean reclaim(
      String nonce,
      Entry earlier,
      long facilityId,
      String tokenHash,
      DiningParty party,
      Instant expiresAt);

  /** The claim on a nonce, if any. */
  Entry find(String nonce);

  /** Gives the claim its answer. */
  void settle(String nonce, CheckinAnswer answer);

  /** Forgets a claim whose answer could not be given (e.g. the database was down). */
  void release(String nonce, RuntimeException failure);

  /** Drops what has outlived its use (tests pass {@code Instant.MAX}: as after a restart). */
  void purge(Instant now);

  int size();
}
