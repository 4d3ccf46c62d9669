package kr.vaccinepass.portal.pass.application;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import kr.vaccinepass.portal.pass.domain.Es256Verifier;
import kr.vaccinepass.portal.pass.domain.IssuerKey;
import kr.vaccinepass.portal.pass.domain.PassKeys;
import kr.vaccinepass.portal.shared.infrastructure.ClusterNotices;
import kr.vaccinepass.portal.shared.infrastructure.ClusterNotices.Notice;
import kr.vaccinepass.portal.shared.infrastructure.PortalConfig;
import kr.vaccinepass.portal.shared.infrastructure.SchemaMigration.SchemaReady;

/**
 * The verifier's in-memory copy of the trust list. Verification reads only this map; it is loaded
 * at start, patched after every change on this node (after the change commits), reloaded when a
 * change on another node is heard ({@link ClusterNotices}, within milliseconds of its commit), and
 * reloaded every minute as the last resort. Demo keys are trusted only in demo mode.
 */
@ApplicationScoped
public class TrustList {
  private static final Logger LOG = Logger.getLogger(TrustList.class.getName());

  /** The topic of this copy's notices; the subject is the key id. */
  static final String TOPIC = "trust-list";

  @Inject TrustListLoader loader;
  @Inject ClusterNotices notices;

  @Resource ManagedScheduledExecutorService scheduler;

  private volatile Map<String, TrustedKey> keys = Map.of();

  /**
   * Reloads and patches take turns: a reload that read the database just before a change committed
   * would otherwise install its older copy over the change's patch (a revoked key trusted again
   * until the next notice). A patch that waits for a reload lands after it; a reload that waits for
   * a patch reads after its commit.
   */
  private final Object turns = new Object();

  private ScheduledFuture<?> refresher;

  /** A key as the verifier holds it: immutable, with its verifier made once. */
  public record TrustedKey(
      String kid,
      String issuerCode,
      Instant validFrom,
      Instant validUntil,
      boolean revoked,
      JWSVerifier verifier) {
    public boolean coversIssuance(Instant issuedAt) {
      return !issuedAt.isBefore(validFrom) && (validUntil == null || issuedAt.isBefore(validUntil));
    }
  }

  void start(@Observes SchemaReady ready) {
    reload();
    refresher = scheduler.scheduleWithFixedDelay(this::reloadQuietly, 60, 60, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (refresher != null) {
      refresher.cancel(false);
    }
  }

  /** In the changing transaction: every node hears of it once it commits. */
  void announce(@Observes TrustListChanged change) {
    notices.send(TOPIC, change.kid());
  }

  /** A change heard from some node (this one's own included): the list is read again. */
  void heard(@Observes Notice notice) {
    if (notice.concerns(TOPIC)) {
      reloadQuietly();
    }
  }

  /** After the commit: the key as it now stands replaces this node's copy (no database access). */
  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) TrustListChanged change) {
    if (change.demo() && !PortalConfig.flag("portal.demo")) {
      return;
    }
    try {
      TrustedKey key =
          new TrustedKey(
              change.kid(),
              change.issuerCode(),
              change.validFrom(),
              change.validUntil(),
              change.revoked(),
              new Es256Verifier(PassKeys.parsePublic(change.publicKey())));
      synchronized (turns) {
        Map<String, TrustedKey> patched = new HashMap<>(keys);
        patched.put(change.kid(), key);
        keys = Map.copyOf(patched);
      }
    } catch (JOSEException | RuntimeException e) {
      LOG.log(Level.WARNING, "Key " + change.kid() + " not patched; the next reload brings it", e);
    }
  }

  public TrustedKey find(String kid) {
    return keys.get(kid);
  }

  public int size() {
    return keys.size();
  }

  public void reload() {
    synchronized (turns) {
      keys = read();
    }
  }

  private Map<String, TrustedKey> read() {
    boolean demo = PortalConfig.flag("portal.demo");
    Map<String, TrustedKey> fresh = new HashMap<>();
    for (IssuerKey key : loader.keys()) {
      if (key.isDemo() && !demo) {
        continue;
      }
      try {
        fresh.put(
            key.getKid(),
            new TrustedKey(
                key.getKid(),
                key.getIssuerCode(),
                key.getValidFrom(),
                key.getValidUntil(),
                key.isRevoked(),
                new Es256Verifier(key.ecPublicKey())));
      } catch (JOSEException e) {
        LOG.log(Level.WARNING, "Key " + key.getKid() + " left out of the trust list", e);
      }
    }
    LOG.fine(() -> "Trust list loaded: " + fresh.size() + " keys");
    return Map.copyOf(fresh);
  }

  private void reloadQuietly() {
    try {
      reload();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Trust list refresh failed; keeping the last copy", e);
    }
  }
}
