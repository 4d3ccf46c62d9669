package kr.vaccinepass.portal.visit.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import kr.vaccinepass.portal.shared.infrastructure.PortalConfig;
import kr.vaccinepass.portal.visit.application.NonceClaims;
import org.infinispan.Cache;

/**
 * The nonce claims in the Infinispan cache WildFly runs (cache container {@code portal}, cache
 * {@code nonces}, wildfly-config/configure-server.cli): local on one server, distributed over the
 * nodes with the HA configuration, each claim kept by two of them. A claim is one conditional put
 * at the nonce's owner; it expires with its token (plus the ledger's keep). When the cache cannot
 * answer in time (a node leaving mid-call), the check-in goes on and the database's unique nonce
 * claim decides, as it always did. On one server the node's own ledger (NonceLedger) knows every
 * nonce the cache would, so the local cache is not asked: no second claim on the check-in path.
 * {@code portal.checkin.sharedNonceClaims=false} leaves the cache out on a cluster too, for the
 * benchmark that measures what the claims cost (docs/benchmarks.md); never in operation.
 */
@ApplicationScoped
public class InfinispanNonceClaims implements NonceClaims {
  private static final Logger LOG = Logger.getLogger(InfinispanNonceClaims.class.getName());
  private static final Duration SHORTEST = Duration.ofSeconds(1);
  private static final String NO_ANSWER = "the nonce claims did not answer; the database decides";
  private static final CompletableFuture<Claim> NOTHING_TO_ASK =
      CompletableFuture.completedFuture(null);

  @Resource(lookup = "java:jboss/infinispan/cache/portal/nonces")
  Cache<String, String> cache;

  @Inject Clock clock;

  private boolean shared;

  @PostConstruct
  void start() {
    boolean clustered = cache.getCacheConfiguration().clustering().cacheMode().isClustered();
    boolean wanted =
        PortalConfig.get("portal.checkin.sharedNonceClaims")
            .map(Boolean::parseBoolean)
            .orElse(true);
    shared = clustered && wanted;
    if (clustered && !wanted) {
      LOG.warning(
          "portal.checkin.sharedNonceClaims=false: a replay at another node is caught only by"
              + " the database's claim");
    }
  }

  @Override
  public CompletableFuture<Claim> claim(
      String nonce, long facilityId, String tokenHash, Instant keepUntil) {
    if (!shared) {
      return NOTHING_TO_ASK;
    }
    long lifespan = Math.max(SHORTEST.toMillis(), keepUntil.toEpochMilli() - clock.millis());
    try {
      // asynchronous: the request's thread and its place in the check-in bulkhead are not held
      // while the nonce's owner answers
      return cache
          .putIfAbsentAsync(nonce, value(facilityId, tokenHash), lifespan, TimeUnit.MILLISECONDS)
          .handle(
              (first, e) -> {
                if (e != null) {
                  LOG.log(Level.WARNING, NO_ANSWER, e);
                  return null;
                }
                return first == null ? null : claimOf(first);
              });
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, NO_ANSWER, e);
      return NOTHING_TO_ASK;
    }
  }

  @Override
  public Claim find(String nonce) {
    if (!shared) {
      return null;
    }
    try {
      String found = cache.get(nonce);
      return found == null ? null : claimOf(found);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the nonce claims did not answer", e);
      return null;
    }
  }

  private static String value(long facilityId, String tokenHash) {
    return facilityId + " " + tokenHash;
  }

  private static Claim claimOf(String value) {
    int space = value.indexOf(' ');
    return new Claim(Long.parseLong(value.substring(0, space)), value.substring(space + 1));
  }
}
