package kr.vaccinepass.portal.facility.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import kr.vaccinepass.portal.shared.region.Sigungu;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who sees and who edits a facility of owner 7 in 종로구 (1111000000). */
class FacilityVisibilityTest {

  @ParameterizedTest(name = "{0} #{1} in {2}: sees={3} edits={4}")
  @CsvSource({
    "OWNER,     7, ,           true,  true",
    "OWNER,     8, ,           false, false",
    "INSPECTOR, 9, 1111000000, true,  false",
    "INSPECTOR, 9, 1168000000, false, false",
    "ADMIN,     1, ,           true,  false"
  })
  void rules(Role role, long accountId, String jurisdiction, boolean sees, boolean edits)
      throws Exception {
    Facility facility = facilityOfOwner7InJongno();
    Actor actor = new Actor(accountId, "x@test", role, jurisdiction);
    assertEquals(sees, facility.isVisibleTo(actor));
    assertEquals(edits, facility.isEditableBy(actor));
    FacilityScope scope = FacilityScope.of(actor);
    assertEquals(role == Role.OWNER ? accountId : null, scope.ownerId());
    assertEquals(role == Role.INSPECTOR ? jurisdiction : null, scope.sigunguCode());
  }

  private static Facility facilityOfOwner7InJongno() throws Exception {
    Constructor<Sigungu> c = Sigungu.class.getDeclaredConstructor();
    c.setAccessible(true);
    Sigungu jongno = c.newInstance();
    Field code = Sigungu.class.getDeclaredField("code");
    code.setAccessible(true);
    code.set(jongno, "1111000000");
    FacilityType cafe =
        new FacilityType("RESTAURANT_CAFE", "식당·카페", "Café", null, java.util.List.of());
    FacilityDetails details =
        new FacilityDetails(
            "카페", cafe, BusinessRegistrationNumber.parse("1018100016"), jongno, "종로 1", null, 10);
    return Facility.register(7, details, "080-100-0000", java.time.Instant.EPOCH);
  }
}
