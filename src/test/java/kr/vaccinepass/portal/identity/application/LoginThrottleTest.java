package kr.vaccinepass.portal.identity.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  /** A clock the test moves. */
  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2021-12-13T03:05:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MovableClock clock = new MovableClock();
  private final LoginThrottle throttle = new LoginThrottle(clock);

  @Test
  void fiveFailuresForOneAccountBlockItForFifteenMinutes() {
    for (int i = 0; i < LoginThrottle.MAX_PER_ACCOUNT - 1; i++) {
      throttle.failed("Kim@example.kr", "10.0.0." + i);
    }
    assertFalse(throttle.isBlocked("kim@example.kr", "10.0.0.99"));
    throttle.failed("kim@example.kr", "10.0.0.5");
    assertTrue(throttle.isBlocked("kim@example.kr", "10.0.0.99"), "from any address");
    assertFalse(throttle.isBlocked("lee@example.kr", "10.0.0.99"), "another account is free");
    assertEquals(Duration.ofMinutes(15), throttle.retryAfter("kim@example.kr", "10.0.0.99"));

    clock.now = clock.now.plus(Duration.ofMinutes(15)).plusSeconds(1);
    assertFalse(throttle.isBlocked("kim@example.kr", "10.0.0.99"), "the window has passed");
  }

  @Test
  void twentyFailuresFromOneAddressBlockThatAddressForEveryAccount() {
    for (int i = 0; i < LoginThrottle.MAX_PER_ADDRESS; i++) {
      throttle.failed("user" + i + "@example.kr", "192.0.2.7");
    }
    assertTrue(throttle.isBlocked("new@example.kr", "192.0.2.7"));
    assertFalse(throttle.isBlocked("new@example.kr", "192.0.2.8"));
  }

  @Test
  void aSuccessClearsTheAccountsFailures() {
    for (int i = 0; i < LoginThrottle.MAX_PER_ACCOUNT - 1; i++) {
      throttle.failed("kim@example.kr", "10.0.0.1");
    }
    throttle.succeeded("kim@example.kr");
    throttle.failed("kim@example.kr", "10.0.0.1");
    assertFalse(throttle.isBlocked("kim@example.kr", "10.0.0.2"));
  }
}
