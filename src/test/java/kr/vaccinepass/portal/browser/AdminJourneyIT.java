package kr.vaccinepass.portal.browser;

import kr.vaccinepass.portal.demo.DemoData;
import kr.vaccinepass.portal.testsupport.Browser;
import kr.vaccinepass.portal.testsupport.TestData;
import org.junit.jupiter.api.Test;

/**
 * The administrator sees every facility, creates an inspector of 부산 중구 (after forgetting the 시군구),
 * and that inspector signs in to their own jurisdiction, then signs out.
 */
class AdminJourneyIT extends BrowserJourney {

  @Test
  void anAdministratorCreatesAnInspectorWhoThenSignsIn() throws Exception {
    String email = TestData.email("busan-inspector");
    try (Browser browser = Browser.open(base)) {
      browser
          .signIn(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD)
          .waitForPath("/admin/dashboard.xhtml");
      // other tests add facilities to the same database: search rather than count on page one
      browser.go("/admin/facilities.xhtml");
      browser.type("facilityListForm:facilities:globalFilter", "스포츠센터");
      browser.waitForText("강남 스포츠센터");
      browser.type("facilityListForm:facilities:globalFilter", "한옥카페");
      browser.waitForText("종로 한옥카페");

      // the enforcement figures: a chart by 시도 and a table by 시군구
      browser.go("/admin/enforcement.xhtml").waitForText("전국 단속 현황").waitForText("시도별 과태료");

      browser.go("/admin/accounts.xhtml");
      browser
          .type("staffForm:email", email)
          .type("staffForm:name", "부산 감독관")
          .type("staffForm:phone", "051-600-4000")
          .type("staffForm:initialPassword", TestData.PASSWORD)
          .click("staffForm:create")
          .waitForText("점검 공무원의 관할 시군구를 선택하세요.");
      browser
          .choose("staffForm:sido", "부산광역시")
          .choose("staffForm:jurisdiction", "중구")
          .type("staffForm:initialPassword", TestData.PASSWORD)
          .click("staffForm:create")
          .waitForText(email + " 계정을 만들었습니다.");

      browser
          .click("userForm:signOut")
          .waitForPath("/public/index.xhtml")
          .waitForText("로그아웃되었습니다.");
      browser.go("/admin/accounts.xhtml").waitForPath("/public/login.xhtml");

      browser.signIn(email, TestData.PASSWORD).waitForPath("/inspector/dashboard.xhtml");
      browser.waitForText("부산광역시 중구");
    }
  }
}
