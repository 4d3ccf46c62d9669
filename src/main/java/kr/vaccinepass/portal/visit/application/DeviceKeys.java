package kr.vaccinepass.portal.visit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import kr.vaccinepass.portal.shared.infrastructure.ClusterNotices;
import kr.vaccinepass.portal.shared.infrastructure.ClusterNotices.Notice;
import kr.vaccinepass.portal.visit.domain.DeviceKey;

/**
 * Which facility a device secret opens, cached by the secret's hash after the first use. Revoking a
 * key drops it on this node at once and on every other node within milliseconds of the commit
 * ({@link ClusterNotices}); entries also expire after a minute, the last resort.
 *
 * <p>Unknown keys cost nothing after the first try: a secret that is not even shaped like a device
 * key is refused without a lookup, and the hash of one the database did not know is remembered for
 * {@link #UNKNOWN_TTL_MILLIS} (at most {@link #MAX_UNKNOWN} of them), so that a flood of made-up
 * keys cannot turn into a flood of database lookups. The API asks before it takes a place in the
 * check-in bulkhead (CheckinResource), so those refusals do not starve the doors either. A lookup
 * the database cannot answer is a {@link VisitStoreUnavailable} (503: the device tries again),
 * never "invalid key".
 */
@ApplicationScoped
public class DeviceKeys {
  private static final long TTL_MILLIS = 60_000;

  /** How long a secret the database did not know is refused without asking it again. */
  static final long UNKNOWN_TTL_MILLIS = 10_000;

  /** The most unknown secrets remembered; beyond that the oldest are forgotten. */
  static final int MAX_UNKNOWN = 20_000;

  /** {@code vpd_} and the base64url of the key's random bytes ({@link DeviceKey#issue}). */
  private static final Pattern SHAPE = Pattern.compile("vpd_[A-Za-z0-9_-]{20,96}");

  /** Lookups that found no key, per address and window, before that address gets no more. */
  static final int FAILURES_PER_WINDOW = 50;

  static final long FAILURE_WINDOW_MILLIS = 10_000;

  /** The most addresses followed at once; beyond that the oldest windows are forgotten. */
  static final int MAX_ADDRESSES = 10_000;

  /** The topic of this cache's notices; the subject is the secret's hash. */
  static final String TOPIC = "device-key";

  @Inject DeviceKeyLookup lookup;
  @Inject ClusterNotices notices;

  private final FailedLookups failures = new FailedLookups();

  /** Failed lookups per address in fixed windows: bounded in addresses, cheap per request. */
  private static final class FailedLookups {
    private record Window(long start, int count) {}

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** Milliseconds until the address may look up again; 0 when it may now. */
    long waitFor(String address, long now) {
      Window w = windows.get(address);
      return w != null
              && now - w.start() <= FAILURE_WINDOW_MILLIS
              && w.count() >= FAILURES_PER_WINDOW
          ? FAILURE_WINDOW_MILLIS - (now - w.start())
          : 0;
    }

    void failed(String address, long now) {
      if (windows.size() >= MAX_ADDRESSES && !windows.containsKey(address)) {
        windows.values().removeIf(w -> now - w.start() > FAILURE_WINDOW_MILLIS);
        if (windows.size() >= MAX_ADDRESSES) {
          windows.clear();
        }
      }
      windows.compute(
          address,
          (a, w) ->
              w == null || now - w.start() > FAILURE_WINDOW_MILLIS
                  ? new Window(now, 1)
                  : new Window(w.start(), w.count() + 1));
    }
  }

  private final Map<String, Entry> cache = new ConcurrentHashMap<>();
  private final Map<String, Long> unknown = new ConcurrentHashMap<>();

  /**
   * Counts the revocations this node has heard of. A lookup keeps what it read only if none came
   * while it read: one that read a key just before its revocation committed must not put the key
   * back after the revocation dropped it (it would open the door again until the entry expired).
   */
  private final AtomicLong revocations = new AtomicLong();

  private record Entry(long keyId, long facilityId, long loadedAt) {}

  /** A current device key: its id and the facility it opens. */
  public record Device(long keyId, long facilityId) {}

  /** Fired when an owner revokes a device key. */
  public record Revoked(String secretHash) {}

  /** The secret is not a current device key. */
  public static final class InvalidDeviceKey extends RuntimeException {
    public InvalidDeviceKey() {
      super("invalid device key", null, false, false);
    }
  }

  /**
   * The caller's address has used its budget of failed lookups: a key never seen before is not
   * looked up until the window has passed. Not a verdict on the key (it may be a good key of a new
   * device behind the same address): the caller tries again after {@link #retryAfterSeconds()}.
   */
  public static final class LookupsExhausted extends RuntimeException {
    private final long retryAfterSeconds;

    LookupsExhausted(long waitMillis) {
      super("too many failed device key lookups from this address", null, false, false);
      this.retryAfterSeconds = Math.max(1, (waitMillis + 999) / 1000);
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  public long facilityOf(String secret) {
    return facilityOf(secret, null);
  }

  /**
   * As {@link #facilityOf(String)}, for a caller at that network address: an address whose last
   * {@link #FAILURES_PER_WINDOW} lookups within {@link #FAILURE_WINDOW_MILLIS} found no key gets no
   * more lookups until the window has passed ({@link LookupsExhausted}; keys already in memory
   * still open their facility), so that a flood of distinct made-up keys from one address costs a
   * bounded number of database lookups, while a good key of a new device behind that address is
   * only delayed, never called invalid.
   */
  public long facilityOf(String secret, String address) {
    return device(secret, address).facilityId();
  }

  /** As {@link #facilityOf(String, String)}, with the key's id (a door's state is per key). */
  public Device device(String secret, String address) {
    if (secret == null || !SHAPE.matcher(secret).matches()) {
      throw new InvalidDeviceKey();
    }
    String hash = DeviceKey.hash(secret);
    long now = System.currentTimeMillis();
    Entry entry = cache.get(hash);
    if (entry == null || now - entry.loadedAt() > TTL_MILLIS) {
      Long refusedAt = unknown.get(hash);
      if (refusedAt != null && now - refusedAt <= UNKNOWN_TTL_MILLIS) {
        throw new InvalidDeviceKey();
      }
      // only never-seen keys: a known key whose minute ran out is looked up again in any case
      if (entry == null && address != null) {
        long wait = failures.waitFor(address, now);
        if (wait > 0) {
          throw new LookupsExhausted(wait);
        }
      }
      long revocationsBefore = revocations.get();
      DeviceKey key;
      try {
        key = lookup.byHash(hash);
      } catch (RuntimeException e) {
        // the database is down: the device tries again (503), it is not told its key is wrong
        throw new VisitStoreUnavailable("the device key could not be looked up", e);
      }
      if (key == null || !key.isActive()) {
        cache.remove(hash);
        rememberUnknown(hash, now);
        if (address != null) {
          failures.failed(address, now);
        }
        throw new InvalidDeviceKey();
      }
      unknown.remove(hash);
      entry = new Entry(key.getId(), key.getFacilityId(), now);
      if (revocations.get() == revocationsBefore) {
        cache.put(hash, entry);
      }
    }
    return new Device(entry.keyId(), entry.facilityId());
  }

  private void rememberUnknown(String hash, long now) {
    if (unknown.size() >= MAX_UNKNOWN) {
      unknown.values().removeIf(at -> now - at > UNKNOWN_TTL_MILLIS);
      if (unknown.size() >= MAX_UNKNOWN) {
        // still full of fresh ones: a flood; forgetting them costs one lookup each at most
        unknown.clear();
      }
    }
    unknown.put(hash, now);
  }

  /** How many unknown secrets are remembered now (for tests and monitoring). */
  public int unknownRemembered() {
    return unknown.size();
  }

  /** In the revoking transaction: every node hears of it once it commits. */
  void announce(@Observes Revoked revoked) {
    notices.send(TOPIC, revoked.secretHash());
  }

  void revoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) Revoked revoked) {
    revocations.incrementAndGet();
    cache.remove(revoked.secretHash());
  }

  /** A revocation heard from some node (this one's own included). */
  void heard(@Observes Notice notice) {
    if (notice.isEverything()) {
      revocations.incrementAndGet();
      cache.clear();
    } else if (notice.concerns(TOPIC)) {
      revocations.incrementAndGet();
      cache.remove(notice.subject());
    }
  }
}
