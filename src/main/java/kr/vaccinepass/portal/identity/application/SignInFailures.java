package kr.vaccinepass.portal.identity.application;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where {@link LoginThrottle} counts failed sign-ins, per key (an account at an address, or an
 * address). The portal's store is PostgreSQL (identity.infrastructure.JpaSignInFailures), shared by
 * every node; {@link #inMemory()} serves the tests of the throttle's rules.
 */
public interface SignInFailures {
  /** The failures of a key since a cutoff: how many, and when the last was. */
  record Recent(int count, Instant last) {
    static final Recent NONE = new Recent(0, null);
  }

  /** The key's failures after the cutoff (those before it are of no more use and may go). */
  Recent since(String key, Instant cutoff);

  /** One failure at that instant for each key; failures before the cutoff may go. */
  void add(Collection<String> keys, Instant at, Instant cutoff);

  /** Forgets the key's failures (it signed in). */
  void forget(String key);

  /** Failures kept in this process's memory, at most about 100,000 keys. */
  static SignInFailures inMemory() {
    return new SignInFailures() {
      private static final int MAX_KEYS = 100_000;
      private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

      @Override
      public Recent since(String key, Instant cutoff) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
          return Recent.NONE;
        }
        synchronized (times) {
          int count = prune(times, cutoff);
          return count == 0 ? Recent.NONE : new Recent(count, times.peekLast());
        }
      }

      @Override
      public void add(Collection<String> keys, Instant at, Instant cutoff) {
        if (failures.size() > MAX_KEYS) {
          failures.values().removeIf(times -> prune(times, cutoff) == 0);
        }
        for (String key : keys) {
          Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
          synchronized (times) {
            times.addLast(at);
          }
        }
      }

      @Override
      public void forget(String key) {
        failures.remove(key);
      }

      private int prune(Deque<Instant> times, Instant cutoff) {
        synchronized (times) {
          while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
          }
          return times.size();
        }
      }
    };
  }
}
