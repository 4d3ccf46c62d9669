package kr.vaccinepass.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.ResultSet;
import java.util.concurrent.ThreadLocalRandom;
import kr.vaccinepass.portal.demo.DemoData;
import kr.vaccinepass.portal.testsupport.Browser;
import kr.vaccinepass.portal.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * An owner tries to move a facility with an open fine case to another 시군구: the form refuses it on
 * the 시군구 field and says why, in Korean and in English; the facility stays where its case was
 * logged.
 */
class FacilityMoveJourneyIT extends BrowserJourney {

  @Test
  void aFacilityWithAnOpenCaseCannotMove() throws Exception {
    String name = "종로 이전시험 카페 " + ThreadLocalRandom.current().nextInt(1_000_000);
    long facilityId =
        TestDatabase.createFacility(name, "RESTAURANT_CAFE", DemoData.JONGNO, DemoData.OWNER_EMAIL);
    openCaseAt(facilityId);
    try (Browser browser = Browser.open(base)) {
      browser
          .signIn(DemoData.OWNER_EMAIL, DemoData.OWNER_PASSWORD)
          .waitForPath("/owner/dashboard.xhtml");
      browser.go("/owner/facility-form.xhtml?id=" + facilityId).waitForText("시설 정보 수정");
      assertEquals(name, browser.id("facilityForm:name").getAttribute("value"));
      browser.choose("facilityForm:sigunguCode", "강남구").click("facilityForm:save");
      browser.waitForText("진행 중인 과태료 사건이 있어 시군구, 시설 유형, 사업자등록번호를 바꿀 수 없습니다");

      browser.click("langForm:en").waitForText("District");
      browser.go("/owner/facility-form.xhtml?id=" + facilityId).waitForText("Edit the facility");
      browser.choose("facilityForm:sigunguCode", "Gangnam-gu").click("facilityForm:save");
      browser.waitForText("This facility has fine cases still open");
    }
    assertEquals(DemoData.JONGNO, sigunguOf(facilityId));
  }

  /** An operator's case in DRAFT at the facility, logged by the demo inspector of 종로구. */
  private static void openCaseAt(long facilityId) throws Exception {
    TestDatabase.update(
        "with i as ("
            + "  insert into inspection (facility_id, sigungu_code, inspector_id, inspected_at,"
            + "   created_at) select f.id, f.sigungu_code, a.id, now(), now()"
            + "  from facility f, account a where f.id = ? and a.email = ?"
            + "  returning id, facility_id, inspector_id),"
            + " c as (insert into fine_case (amount_won, state) values (1500000, 'DRAFT')"
            + "  returning id)"
            + " insert into violation (inspection_id, facility_id, sigungu_code, kind, occurred_at,"
            + "  schedule, prior_count, fine_won, sanction_kind, sanction_length, warning_only,"
            + "  fine_case_id, created_at, created_by, cause, facility_name, facility_type_code,"
            + "  facility_business_number, facility_road_address, operator_id, operator_name,"
            + "  policy_revision)"
            + " select i.id, f.id, f.sigungu_code, 'OPERATOR', now() - interval '1 day',"
            + "  '2021-11', 0, 1500000, 'SUSPENSION', 'P10D', false, c.id, now(), i.inspector_id,"
            + "  'NO_VALID_PASS', f.name, f.type_code, f.business_number, f.road_address,"
            + "  f.owner_id, '김사장', 1 from i, c, facility f where f.id = i.facility_id",
        facilityId,
        DemoData.INSPECTOR_EMAIL);
  }

  private static String sigunguOf(long facilityId) throws Exception {
    try (var c = TestDatabase.connect();
        var s = c.prepareStatement("select sigungu_code from facility where id = ?")) {
      s.setLong(1, facilityId);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getString(1);
      }
    }
  }
}
