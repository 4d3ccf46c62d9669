package kr.vaccinepass.portal.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kr.vaccinepass.portal.demo.DemoData;
import kr.vaccinepass.portal.testsupport.Browser;
import org.junit.jupiter.api.Test;

/**
 * The demo inspector of 종로구 signs in and sees the demo facilities of 종로구, not the one in 강남구;
 * opening the 강남구 facility by its id is answered "not found"; an owner page is refused.
 */
class InspectorJourneyIT extends BrowserJourney {

  @Test
  void anInspectorSeesOnlyTheirJurisdiction() throws Exception {
    try (Browser browser = Browser.open(base)) {
      browser
          .signIn(DemoData.INSPECTOR_EMAIL, DemoData.INSPECTOR_PASSWORD)
          .waitForPath("/inspector/dashboard.xhtml")
          .waitForText("서울특별시 종로구");
      browser.go("/inspector/facilities.xhtml").waitForText("종로 한옥카페");
      String list = browser.text();
      assertTrue(list.contains("종로 코인노래연습장"), list);
      assertFalse(list.contains("강남 스포츠센터"), list);

      browser.find("#facilityListForm\\:facilities a").click();
      browser.waitForPath("/inspector/facility.xhtml").waitForText("080-");

      browser.go("/owner/facilities.xhtml");
      assertTrue(browser.text().contains("접근 권한 없음"), browser.text());
    }
  }
}
