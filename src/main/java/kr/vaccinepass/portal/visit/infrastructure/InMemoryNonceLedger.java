package kr.vaccinepass.portal.visit.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import kr.vaccinepass.portal.pass.domain.DiningParty;
import kr.vaccinepass.portal.visit.application.NonceLedger;
import kr.vaccinepass.portal.visit.domain.CheckinAnswer;

/**
 * The {@link NonceLedger} of this node, in memory: the nonces of the tokens it has answered, each
 * with its answer, kept a while after the token expired. The same token at the same facility gets
 * the stored answer again; its nonce anywhere else is a replay. The database's unique nonce index
 * backs this up across restarts and nodes (the nonce's claim in visit_claim).
 */
@ApplicationScoped
class InMemoryNonceLedger implements NonceLedger {

  /** Beyond this many entries a claim purges at once instead of waiting for the next run. */
  static final int MAX_ENTRIES = 500_000;

  private final Map<String, NonceLedger.Entry> entries = new ConcurrentHashMap<>();

  @Inject Clock clock;
  @Resource ManagedScheduledExecutorService scheduler;
  private ScheduledFuture<?> purger;

  @PostConstruct
  void start() {
    purger =
        scheduler.scheduleWithFixedDelay(() -> purge(clock.instant()), 30, 30, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (purger != null) {
      purger.cancel(false);
    }
  }

  /**
   * Claims the nonce for this token at this facility: null when it is new (the caller must then
   * {@link #settle} or {@link #release} it), else the earlier claim.
   */
  @Override
  public NonceLedger.Entry claim(
      String nonce, long facilityId, String tokenHash, DiningParty party, Instant expiresAt) {
    if (entries.size() > MAX_ENTRIES) {
      purge(clock.instant());
    }
    return entries.putIfAbsent(nonce, entry(facilityId, tokenHash, party, expiresAt));
  }

  /**
   * Claims the nonce again in place of an earlier claim (a refusal asked again with another dining
   * party): true when this caller now holds it.
   */
  @Override
  public boolean reclaim(
      String nonce,
      NonceLedger.Entry earlier,
      long facilityId,
      String tokenHash,
      DiningParty party,
      Instant expiresAt) {
    return entries.replace(nonce, earlier, entry(facilityId, tokenHash, party, expiresAt));
  }

  private static NonceLedger.Entry entry(
      long facilityId, String tokenHash, DiningParty party, Instant expiresAt) {
    return new NonceLedger.Entry(
        facilityId, tokenHash, party, expiresAt.plus(KEEP), new CompletableFuture<>());
  }

  /** The claim on a nonce, if any. */
  @Override
  public NonceLedger.Entry find(String nonce) {
    return entries.get(nonce);
  }

  @Override
  public void settle(String nonce, CheckinAnswer answer) {
    Entry entry = entries.get(nonce);
    if (entry != null) {
      entry.answer().complete(answer);
    }
  }

  /** Forgets a claim whose answer could not be given (e.g. the database was down). */
  @Override
  public void release(String nonce, RuntimeException failure) {
    Entry entry = entries.remove(nonce);
    if (entry != null) {
      entry.answer().completeExceptionally(failure);
    }
  }

  /** Drops what has outlived its use; runs every 30 seconds. */
  @Override
  public void purge(Instant now) {
    entries.values().removeIf(e -> e.keepUntil().isBefore(now));
  }

  @Override
  public int size() {
    return entries.size();
  }
}
