package kr.vaccinepass.portal.identity.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginBackingTest {

  @ParameterizedTest(name = "{0} ms to wait: try again in {1} s")
  @CsvSource({"1, 1", "999, 1", "1000, 1", "1001, 2", "29500, 30", "300000, 300"})
  void theWaitIsToldInWholeSecondsRoundedUp(long millis, long seconds) {
    assertEquals(seconds, LoginBacking.secondsOf(Duration.ofMillis(millis)));
  }
}
