package kr.vaccinepass.portal.visit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import kr.vaccinepass.portal.visit.domain.DeviceKey;

/**
 * Which facility a device secret opens, cached by the secret's hash after the first use. Revoking a
 * key on this node drops it at once; entries also expire after a minute for other nodes.
 *
 * <p>Unknown keys cost nothing after the first try: a secret that is not even shaped like a device
 * key is refused without a lookup, and the hash of one the database did not know is remembered for
 * {@link #UNKNOWN_TTL_MILLIS} (at most {@link #MAX_UNKNOWN} of them), so that a flood of made-up
 * keys cannot turn into a flood of database lookups. The API asks before it takes a place in the
 * check-in bulkhead (CheckinResource), so those refusals do not starve the doors either.
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

  @Inject DeviceKeyLookup lookup;

  private final Map<String, Entry> cache = new ConcurrentHashMap<>();
  private final Map<String, Long> unknown = new ConcurrentHashMap<>();

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
      DeviceKey key = lookup.byHash(hash);
      if (key == null || !key.isActive()) {
        cache.remove(hash);
        rememberUnknown(hash, now);
        throw new InvalidDeviceKey();
      }
      unknown.remove(hash);
      entry = new Entry(key.getFacilityId(), now);
      cache.put(hash, entry);
    }
    return entry.facilityId();
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

  void revoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) Revoked revoked) {
    cache.remove(revoked.secretHash());
  }
}
