package kr.vaccinepass.portal.identity.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import kr.vaccinepass.portal.shared.infrastructure.PortalConfig;

/**
 * Slows failed sign-ins down; it never locks an account. Failures are counted within a window per
 * (account, client address) and per client address. A key's first failures are free; after them
 * every further attempt from that key waits a delay after its last failure, doubling with each
 * failure up to a cap. There is no count per account alone: an attacker who does not hold the
 * password only slows down their own address, never the account's owner signing in from elsewhere.
 * The failures are kept in PostgreSQL ({@link SignInFailures}), so every node of a cluster counts
 * the same ones; docs/operations.md lists the settings ({@link Limits}).
 */
@ApplicationScoped
public class LoginThrottle {
  /**
   * The allowances. Read from {@code portal.security.throttle.*} (see docs/operations.md).
   *
   * @param freePerAccountAddress failures of one account from one address before the delay starts
   * @param freePerAddress failures from one address (any accounts) before the delay starts there
   * @param firstDelay the delay after the first failure beyond the free ones, doubling after that
   * @param maxDelayPerAccountAddress the cap of the delay of one account from one address
   * @param maxDelayPerAddress the cap of the delay of one address (for everyone behind it)
   * @param window how long a failure is remembered
   */
  public record Limits(
      int freePerAccountAddress,
      int freePerAddress,
      Duration firstDelay,
      Duration maxDelayPerAccountAddress,
      Duration maxDelayPerAddress,
      Duration window) {
    public static final Limits DEFAULT =
        new Limits(
            5,
            20,
            Duration.ofSeconds(1),
            Duration.ofMinutes(5),
            Duration.ofSeconds(30),
            Duration.ofMinutes(15));

    public static Limits fromConfig() {
      String p = "portal.security.throttle.";
      return new Limits(
          PortalConfig.integer(p + "freePerAccountAddress", DEFAULT.freePerAccountAddress),
          PortalConfig.integer(p + "freePerAddress", DEFAULT.freePerAddress),
          seconds(p + "firstDelaySeconds", DEFAULT.firstDelay),
          seconds(p + "maxDelayPerAccountAddressSeconds", DEFAULT.maxDelayPerAccountAddress),
          seconds(p + "maxDelayPerAddressSeconds", DEFAULT.maxDelayPerAddress),
          seconds(p + "windowSeconds", DEFAULT.window));
    }

    private static Duration seconds(String property, Duration defaultValue) {
      return Duration.ofSeconds(PortalConfig.integer(property, (int) defaultValue.toSeconds()));
    }

    /** The wait after the last of {@code failures}, with {@code free} of them free. */
    Duration delay(int failures, int free, Duration cap) {
      int beyond = failures - free;
      if (beyond <= 0) {
        return Duration.ZERO;
      }
      if (beyond > 40) {
        return cap;
      }
      Duration delay = firstDelay.multipliedBy(1L << (beyond - 1));
      return delay.compareTo(cap) > 0 ? cap : delay;
    }
  }

  private SignInFailures failures;
  private Clock clock;
  private Limits limits;

  protected LoginThrottle() {}

  /** The portal's throttle: failures counted in PostgreSQL, so every node of a cluster counts. */
  @Inject
  public LoginThrottle(Clock clock, SignInFailures failures) {
    this(clock, Limits.fromConfig(), failures);
  }

  /** A throttle that counts in memory (one process only): for tests of the rules. */
  public LoginThrottle(Clock clock, Limits limits) {
    this(clock, limits, SignInFailures.inMemory());
  }

  public LoginThrottle(Clock clock, Limits limits, SignInFailures failures) {
    this.clock = clock;
    this.limits = limits;
    this.failures = failures;
  }

  /**
   * How long this account must wait before trying again from this address: zero when it may try
   * now. An attempt made earlier is refused without looking at the password.
   */
  public Duration waitBefore(String account, String address) {
    Instant now = clock.instant();
    Duration pair =
        waitOf(
            pairKey(account, address),
            limits.freePerAccountAddress(),
            limits.maxDelayPerAccountAddress(),
            now);
    Duration byAddress =
        waitOf(addressKey(address), limits.freePerAddress(), limits.maxDelayPerAddress(), now);
    return pair.compareTo(byAddress) >= 0 ? pair : byAddress;
  }

  public void failed(String account, String address) {
    Instant now = clock.instant();
    failures.add(List.of(pairKey(account, address), addressKey(address)), now, cutoff(now));
  }

  /** The account signed in from this address: its failures there are forgiven. */
  public void succeeded(String account, String address) {
    failures.forget(pairKey(account, address));
  }

  private Duration waitOf(String key, int free, Duration cap, Instant now) {
    SignInFailures.Recent recent = failures.since(key, cutoff(now));
    if (recent.count() == 0) {
      return Duration.ZERO;
    }
    Instant until = recent.last().plus(limits.delay(recent.count(), free, cap));
    return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
  }

  private Instant cutoff(Instant now) {
    return now.minus(limits.window());
  }

  private static String pairKey(String account, String address) {
    return "a:" + normalized(account) + "|" + addressKey(address);
  }

  private static String normalized(String account) {
    return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
  }

  private static String addressKey(String address) {
    return "ip:" + (address == null ? "" : address);
  }
}
