package kr.vaccinepass.portal.identity.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed sign-ins: at most {@value #MAX_PER_ACCOUNT} failures per account and {@value
 * #MAX_PER_ADDRESS} per client address within {@link #WINDOW}; past that, sign-in is refused (even
 * with the right password) until the oldest failure leaves the window. Kept in memory per node,
 * which is enough to make guessing slow; docs/operations.md says so.
 */
@ApplicationScoped
public class LoginThrottle {
  public static final int MAX_PER_ACCOUNT = 5;
  public static final int MAX_PER_ADDRESS = 20;
  public static final Duration WINDOW = Duration.ofMinutes(15);
  private static final int MAX_TRACKED_KEYS = 100_000;

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private Clock clock;

  protected LoginThrottle() {}

  @Inject
  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** True when the account or the address has used up its failures. */
  public boolean isBlocked(String account, String address) {
    return count(accountKey(account)) >= MAX_PER_ACCOUNT
        || count(addressKey(address)) >= MAX_PER_ADDRESS;
  }

  /** How long until a blocked sign-in may be tried again. */
  public Duration retryAfter(String account, String address) {
    Instant now = clock.instant();
    Duration wait = Duration.ZERO;
    for (String key : new String[] {accountKey(account), addressKey(address)}) {
      Deque<Instant> times = failures.get(key);
      if (times != null) {
        synchronized (times) {
          Instant oldest = times.peekFirst();
          if (oldest != null) {
            Duration left = Duration.between(now, oldest.plus(WINDOW));
            if (left.compareTo(wait) > 0) {
              wait = left;
            }
          }
        }
      }
    }
    return wait;
  }

  public void failed(String account, String address) {
    if (failures.size() > MAX_TRACKED_KEYS) {
      failures.entrySet().removeIf(e -> prune(e.getValue()) == 0);
    }
    record(accountKey(account));
    record(addressKey(address));
  }

  public void succeeded(String account) {
    failures.remove(accountKey(account));
  }

  private void record(String key) {
    Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(clock.instant());
    }
  }

  private int count(String key) {
    Deque<Instant> times = failures.get(key);
    return times == null ? 0 : prune(times);
  }

  private int prune(Deque<Instant> times) {
    Instant cutoff = clock.instant().minus(WINDOW);
    synchronized (times) {
      while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
        times.removeFirst();
      }
      return times.size();
    }
  }

  private static String accountKey(String account) {
    return "a:" + (account == null ? "" : account.strip().toLowerCase(java.util.Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "ip:" + (address == null ? "" : address);
  }
}
