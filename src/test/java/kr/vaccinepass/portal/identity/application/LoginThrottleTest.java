package kr.vaccinepass.portal.identity.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    void pass(Duration d) {
      now = now.plus(d);
    }
  }

  /** 3 free failures per (account, address), 5 per address; 1 s doubling, capped. */
  private static final LoginThrottle.Limits LIMITS =
      new LoginThrottle.Limits(
          3,
          5,
          Duration.ofSeconds(1),
          Duration.ofSeconds(60),
          Duration.ofSeconds(8),
          Duration.ofMinutes(15));

  private final MovableClock clock = new MovableClock();
  private final LoginThrottle throttle = new LoginThrottle(clock, LIMITS);

  static Stream<Arguments> delaysAfterFailures() {
    // failures so far (one account, one address) -> wait before the next attempt
    return Stream.of(
        Arguments.of(0, 0),
        Arguments.of(1, 0),
        Arguments.of(2, 0),
        Arguments.of(3, 0),
        Arguments.of(4, 1),
        Arguments.of(5, 2),
        Arguments.of(6, 4),
        Arguments.of(7, 8),
        Arguments.of(8, 16),
        Arguments.of(9, 32),
        Arguments.of(10, 60),
        Arguments.of(30, 60));
  }

  @ParameterizedTest(name = "{0} failures of one account from one address: wait {1} s")
  @MethodSource("delaysAfterFailures")
  void thePairSlowsDownAndNeverLocks(int failures, int seconds) {
    // one address, but the address allowance is not what is measured here: give it room
    LoginThrottle pairOnly =
        new LoginThrottle(
            clock,
            new LoginThrottle.Limits(
                3,
                1000,
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                Duration.ofSeconds(8),
                Duration.ofHours(1)));
    for (int i = 0; i < failures; i++) {
      pairOnly.failed("Kim@example.kr", "10.0.0.1");
    }
    assertEquals(Duration.ofSeconds(seconds), pairOnly.waitBefore("kim@example.kr", "10.0.0.1"));
  }

  static Stream<Arguments> addressDelays() {
    // failures from one address, each for another account -> wait before the next attempt
    return Stream.of(
        Arguments.of(5, 0),
        Arguments.of(6, 1),
        Arguments.of(7, 2),
        Arguments.of(9, 8),
        Arguments.of(20, 8));
  }

  @ParameterizedTest(name = "{0} failures from one address: wait {1} s there, for any account")
  @MethodSource("addressDelays")
  void theAddressSlowsDownUpToItsCap(int failures, int seconds) {
    for (int i = 0; i < failures; i++) {
      throttle.failed("user" + i + "@example.kr", "192.0.2.7");
    }
    assertEquals(Duration.ofSeconds(seconds), throttle.waitBefore("new@example.kr", "192.0.2.7"));
    assertEquals(Duration.ZERO, throttle.waitBefore("new@example.kr", "192.0.2.8"));
  }

  @Test
  void anAttackerElsewhereNeverStopsTheUser() {
    for (int i = 0; i < 200; i++) {
      clock.pass(Duration.ofSeconds(61));
      throttle.failed("admin@example.kr", "203.0.113.66");
    }
    assertTrue(
        throttle.waitBefore("admin@example.kr", "203.0.113.66").compareTo(Duration.ZERO) > 0);
    assertEquals(Duration.ZERO, throttle.waitBefore("admin@example.kr", "198.51.100.7"));
    assertEquals(Duration.ZERO, throttle.waitBefore("ADMIN@example.kr ", "198.51.100.7"));
  }

  @Test
  void theWaitRunsFromTheLastFailureAndEnds() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("kim@example.kr", "10.0.0.1");
    }
    assertEquals(Duration.ofSeconds(2), throttle.waitBefore("kim@example.kr", "10.0.0.1"));
    clock.pass(Duration.ofMillis(1500));
    assertEquals(Duration.ofMillis(500), throttle.waitBefore("kim@example.kr", "10.0.0.1"));
    clock.pass(Duration.ofMillis(500));
    assertEquals(Duration.ZERO, throttle.waitBefore("kim@example.kr", "10.0.0.1"));
  }

  @Test
  void failuresOlderThanTheWindowAreForgotten() {
    for (int i = 0; i < 6; i++) {
      throttle.failed("kim@example.kr", "10.0.0.1");
    }
    clock.pass(Duration.ofMinutes(15).plusSeconds(1));
    assertEquals(Duration.ZERO, throttle.waitBefore("kim@example.kr", "10.0.0.1"));
    throttle.failed("kim@example.kr", "10.0.0.1");
    assertEquals(Duration.ZERO, throttle.waitBefore("kim@example.kr", "10.0.0.1"), "one in window");
  }

  @Test
  void aSuccessClearsThePairButNotTheAddress() {
    for (int i = 0; i < 6; i++) {
      throttle.failed("kim@example.kr", "10.0.0.1");
    }
    throttle.succeeded("kim@example.kr", "10.0.0.1");
    clock.pass(Duration.ofSeconds(8));
    assertEquals(Duration.ZERO, throttle.waitBefore("kim@example.kr", "10.0.0.1"));
    throttle.failed("kim@example.kr", "10.0.0.1");
    assertEquals(
        Duration.ofSeconds(2),
        throttle.waitBefore("kim@example.kr", "10.0.0.1"),
        "the address keeps its count: 7 failures there, the pair starts again at 1");
  }

  @Test
  void keysAreTheAccountCaseInsensitiveAndTheAddress() {
    for (int i = 0; i < 4; i++) {
      throttle.failed(" Kim@Example.KR", "10.0.0.1");
    }
    assertEquals(Duration.ofSeconds(1), throttle.waitBefore("kim@example.kr", "10.0.0.1"));
    assertEquals(Duration.ZERO, throttle.waitBefore("lee@example.kr", "10.0.0.2"));
    assertEquals(Duration.ZERO, throttle.waitBefore("kim@example.kr", "10.0.0.2"));
  }

  @Test
  void limitsComeFromTheConfigurationWithDefaultsThatNeverLock() {
    LoginThrottle.Limits defaults = LoginThrottle.Limits.fromConfig();
    assertEquals(LoginThrottle.Limits.DEFAULT, defaults);
    assertTrue(defaults.maxDelayPerAccountAddress().compareTo(Duration.ofMinutes(5)) <= 0);
    assertTrue(defaults.maxDelayPerAddress().compareTo(Duration.ofMinutes(1)) <= 0);
  }
}
