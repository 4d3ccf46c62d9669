package kr.vaccinepass.portal.facility.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.region.Sigungu;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A facility with open cases keeps the facts those cases were logged under: its 시군구 (the
 * jurisdiction that imposes the fine), its type and its business number. Other details may change.
 */
class FacilityCaseFactsTest {
  private static final FacilityType CAFE =
      new FacilityType("RESTAURANT_CAFE", "식당·카페", "Café", null, List.of());
  private static final FacilityType KARAOKE =
      new FacilityType("KARAOKE", "노래연습장", "Karaoke", null, List.of());

  @ParameterizedTest(name = "{0}: open cases refuse it on {1}; none allow it")
  @CsvSource({
    "another 시군구,         sigunguCode",
    "another type,          typeCode",
    "another business no.,  businessNumber",
    "a new name,            ''",
    "a new address,         ''"
  })
  void theFactsOfOpenCasesStay(String change, String refusedField) throws Exception {
    FacilityDetails changed = change(change);

    Facility withOpenCases = cafeInJongno();
    if (refusedField.isEmpty()) {
      assertDoesNotThrow(() -> withOpenCases.update(changed, true, Instant.EPOCH));
    } else {
      BusinessException e =
          assertThrows(
              BusinessException.class, () -> withOpenCases.update(changed, true, Instant.EPOCH));
      assertEquals("facility.openCases.factsFixed", e.messageKey());
      assertEquals(refusedField, e.field().orElseThrow());
      assertEquals("1111000000", withOpenCases.getSigungu().getCode(), "nothing applied");
      assertEquals("RESTAURANT_CAFE", withOpenCases.getType().getCode());
    }

    Facility withoutOpenCases = cafeInJongno();
    withoutOpenCases.update(changed, false, Instant.EPOCH);
    assertEquals(changed.sigungu().getCode(), withoutOpenCases.getSigungu().getCode());
    assertEquals(changed.type().getCode(), withoutOpenCases.getType().getCode());
  }

  private static FacilityDetails change(String change) throws Exception {
    FacilityDetails d = details();
    return switch (change) {
      case "another 시군구" ->
          new FacilityDetails(
              d.name(),
              d.type(),
              d.businessNumber(),
              sigungu("1168000000"),
              d.roadAddress(),
              null,
              10);
      case "another type" ->
          new FacilityDetails(
              d.name(), KARAOKE, d.businessNumber(), d.sigungu(), d.roadAddress(), null, 10);
      case "another business no." ->
          new FacilityDetails(
              d.name(),
              d.type(),
              BusinessRegistrationNumber.parse("2208162517"),
              d.sigungu(),
              d.roadAddress(),
              null,
              10);
      case "a new name" ->
          new FacilityDetails(
              "새 이름", d.type(), d.businessNumber(), d.sigungu(), d.roadAddress(), null, 10);
      default ->
          new FacilityDetails(
              d.name(), d.type(), d.businessNumber(), d.sigungu(), "종로 2", null, 10);
    };
  }

  private static Facility cafeInJongno() throws Exception {
    return Facility.register(7, details(), "080-100-0000", Instant.EPOCH);
  }

  private static FacilityDetails details() throws Exception {
    return new FacilityDetails(
        "카페",
        CAFE,
        BusinessRegistrationNumber.parse("1018100016"),
        sigungu("1111000000"),
        "종로 1",
        null,
        10);
  }

  private static Sigungu sigungu(String code) throws Exception {
    Constructor<Sigungu> c = Sigungu.class.getDeclaredConstructor();
    c.setAccessible(true);
    Sigungu sigungu = c.newInstance();
    Field field = Sigungu.class.getDeclaredField("code");
    field.setAccessible(true);
    field.set(sigungu, code);
    return sigungu;
  }
}
