package kr.vaccinepass.portal.facility.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import kr.vaccinepass.portal.shared.domain.Kst;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whether the pass covers a facility type at an instant, at every boundary, in Korean time. */
class FacilityTypeCoverageTest {

  private static Instant kst(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(Kst.ZONE).toInstant();
  }

  /** 식당·카페: 2021-12-06 (seed news) until the suspension of 2022-03-01 (News1). */
  private static final FacilityType RESTAURANT =
      new FacilityType(
          "RESTAURANT_CAFE",
          "식당·카페",
          "Restaurant / café",
          null,
          List.of(
              new CoveragePeriod(kst("2021-12-06T00:00"), kst("2022-03-01T00:00"), "seed news")));

  /** 학원: 2021-12-06 until the court's suspension of 2022-01-04 (Edaily). */
  private static final FacilityType ACADEMY =
      new FacilityType(
          "ACADEMY",
          "학원 등",
          "Private academy",
          null,
          List.of(new CoveragePeriod(kst("2021-12-06T00:00"), kst("2022-01-04T00:00"), "Edaily")));

  /** Two periods, as a type suspended and brought back would have. */
  private static final FacilityType TWICE =
      new FacilityType(
          "TWICE",
          "두 번",
          "Twice",
          null,
          List.of(
              new CoveragePeriod(kst("2021-12-06T00:00"), kst("2022-01-04T00:00"), "a"),
              new CoveragePeriod(kst("2022-01-18T00:00"), null, "b")));

  @ParameterizedTest(name = "{0} {1} → {2}")
  @CsvSource({
    "RESTAURANT, 2021-12-05T23:59:59, false", // the day before, last second
    "RESTAURANT, 2021-12-06T00:00:00, true", // the first instant, Kst.ZONE midnight
    "RESTAURANT, 2021-12-13T12:05:00, true", // lunchtime of the outage
    "RESTAURANT, 2022-02-28T23:59:59, true", // the last second
    "RESTAURANT, 2022-03-01T00:00:00, false", // suspended
    "ACADEMY, 2022-01-03T23:59:59, true",
    "ACADEMY, 2022-01-04T00:00:00, false",
    "TWICE, 2022-01-10T12:00:00, false", // between the periods
    "TWICE, 2022-01-18T00:00:00, true",
    "TWICE, 2030-01-01T00:00:00, true" // open-ended
  })
  void coveredAt(String type, String localDateTime, boolean covered) {
    FacilityType t =
        switch (type) {
          case "RESTAURANT" -> RESTAURANT;
          case "ACADEMY" -> ACADEMY;
          default -> TWICE;
        };
    assertEquals(covered, t.isCoveredAt(kst(localDateTime)));
  }

  @Test
  void kstMidnightIsFifteenHundredUtcTheDayBefore() {
    Instant utcStartOfDec6 = Instant.parse("2021-12-06T00:00:00Z");
    Instant utcJustBeforeKstMidnight = Instant.parse("2021-12-05T14:59:59Z");
    assertTrue(RESTAURANT.isCoveredAt(utcStartOfDec6), "09:00 Kst.ZONE on Dec 6");
    assertFalse(RESTAURANT.isCoveredAt(utcJustBeforeKstMidnight), "23:59:59 Kst.ZONE on Dec 5");
  }

  @ParameterizedTest(name = "floor area {0} → {1}")
  @CsvSource({"'', false", "2999.99, false", "3000, true", "3000.00, true", "12000, true"})
  void largeStoreNeedsThreeThousandSquareMetres(String area, boolean admitted) {
    FacilityType largeStore =
        new FacilityType("LARGE_STORE", "대규모 점포", "Large store", new BigDecimal("3000"), List.of());
    assertEquals(
        admitted, largeStore.admitsFloorArea(area.isEmpty() ? null : new BigDecimal(area)));
    assertTrue(RESTAURANT.admitsFloorArea(null), "other types need no area");
  }

  @Test
  void aPeriodEndsAfterItStarts() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new CoveragePeriod(kst("2022-01-04T00:00"), kst("2022-01-04T00:00"), "x"));
  }
}
