package kr.vaccinepass.portal.visit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckinGateTest {
  private static final long MS = 1_000_000L;

  @ParameterizedTest(name = "arrived {0} ms, now {1} ms, limit {2} ms: too late {3}")
  @CsvSource({
    // arrived, now, limit, too late
    "1000, 1000, 50, false",
    "1000, 1049, 50, false",
    "1000, 1050, 50, false",
    "1000, 1051, 50, true",
    "1000, 9000, 50, true",
    // the listener did not record the start: the guard is off
    "-1, 9000, 50, false",
    // no limit configured
    "1000, 9000, 0, false",
    "1000, 9000, -1, false",
    // nanoTime may be negative; only the difference counts
    "-5000, -4949, 50, true",
    "-5000, -4951, 50, false",
  })
  void aCheckInThatWaitedLongerThanTheLimitIsRefused(
      long arrivedMs, long nowMs, long limitMs, boolean tooLate) {
    long arrived = arrivedMs == -1 ? -1 : arrivedMs * MS;
    assertEquals(tooLate, CheckinGate.waitedTooLong(arrived, nowMs * MS, limitMs * MS));
  }
}
