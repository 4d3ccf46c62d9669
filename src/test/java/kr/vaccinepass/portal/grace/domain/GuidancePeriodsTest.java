package kr.vaccinepass.portal.grace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import kr.vaccinepass.portal.shared.domain.Kst;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The guidance periods of domain-rules.md ("Calendar"), each at its first and last covered minute
 * and the minutes just outside, in Kst.ZONE, by facility type and by cause.
 */
class GuidancePeriodsTest {

  @ParameterizedTest(name = "{0} {1} {2} → {3}")
  @CsvSource({
    // columns: at (Kst.ZONE), facility type, cause, covered
    // first wave: 2021-11-01 – 11-07, fines from 11-08 (Newsway 2021-11-08)
    "2021-10-31T23:59, KARAOKE,         NO_VALID_PASS,            false",
    "2021-11-01T00:00, KARAOKE,         NO_VALID_PASS,            true",
    "2021-11-07T23:59, KARAOKE,         NO_VALID_PASS,            true",
    "2021-11-08T00:00, KARAOKE,         NO_VALID_PASS,            false",
    "2021-11-07T12:00, ENTERTAINMENT,   VERIFICATION_SYSTEM_DOWN, true",
    // indoor sports: fines from 11-14
    "2021-11-13T23:59, INDOOR_SPORTS,   NO_VALID_PASS,            true",
    "2021-11-14T00:00, INDOOR_SPORTS,   NO_VALID_PASS,            false",
    // second wave: 2021-12-06 – 12-12, fines from 12-13 (seed news; Metro Seoul)
    "2021-12-05T23:59, RESTAURANT_CAFE, NO_VALID_PASS,            false",
    "2021-12-06T00:00, RESTAURANT_CAFE, NO_VALID_PASS,            true",
    "2021-12-12T23:59, PC_ROOM,         NO_VALID_PASS,            true",
    "2021-12-13T00:00, RESTAURANT_CAFE, NO_VALID_PASS,            false",
    "2021-12-08T12:00, KARAOKE,         NO_VALID_PASS,            false", // first wave fined by
    // then
    // 180-day expiry: 2022-01-03 – 01-09, expired passes only, any type (JTBC; KBS World)
    "2022-01-02T23:59, KARAOKE,         PASS_EXPIRED_180_DAYS,    false",
    "2022-01-03T00:00, KARAOKE,         PASS_EXPIRED_180_DAYS,    true",
    "2022-01-09T23:59, RESTAURANT_CAFE, PASS_EXPIRED_180_DAYS,    true",
    "2022-01-10T00:00, RESTAURANT_CAFE, PASS_EXPIRED_180_DAYS,    false",
    "2022-01-05T12:00, KARAOKE,         NO_VALID_PASS,            false", // no pass at all: fined
    "2022-01-05T12:00, KARAOKE,         VERIFICATION_SYSTEM_DOWN, false",
  })
  void coversByDayTypeAndCause(
      LocalDateTime at, String type, ViolationCause cause, boolean covered) {
    assertEquals(covered, LawTables.GUIDANCE.covers(at.atZone(Kst.ZONE).toInstant(), type, cause));
  }
}
