package kr.vaccinepass.portal.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A date the picker cannot read is refused with an example made from the portal's clock (a demo on
 * 2022-01-12 says "예: 2022-01-12"), never from the machine's wall clock, whatever year it is.
 */
class PortalClockDatePickerRendererTest {
  private static final Clock PORTAL =
      Clock.fixed(Instant.parse("2022-01-12T02:40:00Z"), ZoneId.of("Asia/Seoul"));

  @Test
  void theExampleIsThePortalsToday() {
    assertEquals(
        "2022-01-12",
        PortalClockDatePickerRenderer.example(PORTAL, "yyyy-MM-dd", Locale.KOREAN, "2026-12-02"));
  }

  @Test
  void withATimeTheExampleIsThePortalsNow() {
    assertEquals(
        "2022-01-12 11:40",
        PortalClockDatePickerRenderer.example(
            PORTAL, "yyyy-MM-dd HH:mm", Locale.KOREAN, "2026-12-02 23:39"));
  }

  @Test
  void aPatternItCannotFollowKeepsWhatThePickerMade() {
    assertEquals(
        "2026-12-02",
        PortalClockDatePickerRenderer.example(PORTAL, "yyyy-MM-dd'", Locale.KOREAN, "2026-12-02"));
  }
}
