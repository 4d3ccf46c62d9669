package kr.vaccinepass.portal.visit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kr.vaccinepass.portal.visit.domain.DeviceKey;

/**
 * Which facility a device secret opens, cached by the secret's hash after the first use. Revoking a
 * key on this node drops it at once; entries also expire after a minute for other nodes. A lookup
 * the database cannot answer is a {@link VisitStoreUnavailable}.
 */
@ApplicationScoped
public class DeviceKeys {
  private static final long TTL_MILLIS = 60_000;

  @Inject DeviceKeyLookup lookup;

  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  private record Entry(long facilityId, long loadedAt) {}

  /** Fired when an owner revokes a device key. */
  public record Revoked(String secretHash) {}

  /** The secret is not a current device key. */
  public static final class InvalidDeviceKey extends RuntimeException {
    public InvalidDeviceKey() {
      super("invalid device key", null, false, false);
    }
  }

  public long facilityOf(String secret) {
    if (secret == null || !secret.startsWith(DeviceKey.PREFIX) || secret.length() > 100) {
      throw new InvalidDeviceKey();
    }
    String hash = DeviceKey.hash(secret);
    Entry entry = cache.get(hash);
    if (entry == null || System.currentTimeMillis() - entry.loadedAt() > TTL_MILLIS) {
      DeviceKey key;
      try {
        key = lookup.byHash(hash);
      } catch (RuntimeException e) {
        // the database is down: the device tries again (503), it is not told its key is wrong
        throw new VisitStoreUnavailable("the device key could not be looked up", e);
      }
      if (key == null || !key.isActive()) {
        cache.remove(hash);
        throw new InvalidDeviceKey();
      }
      entry = new Entry(key.getFacilityId(), System.currentTimeMillis());
      cache.put(hash, entry);
    }
    return entry.facilityId();
  }

  void revoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) Revoked revoked) {
    cache.remove(revoked.secretHash());
  }
}
