package kr.vaccinepass.portal.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kr.vaccinepass.portal.demo.DemoData;
import kr.vaccinepass.portal.testsupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

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
      // other tests add facilities in 종로구 to the same database: search, page one may not hold them
      browser.go("/inspector/facilities.xhtml");
      search(browser, "스포츠센터");
      browser.waitForText("조건에 맞는 시설이 없습니다.");
      assertFalse(browser.text().contains("강남 스포츠센터"), browser.text());
      search(browser, "코인노래");
      browser.waitForText("종로 코인노래연습장");
      search(browser, "한옥카페");
      browser.waitForText("종로 한옥카페");

      browser.find("#facilityListForm\\:facilities a").click();
      browser.waitForPath("/inspector/facility.xhtml").waitForText("080-");

      browser.go("/owner/facilities.xhtml");
      assertTrue(browser.text().contains("접근 권한 없음"), browser.text());
    }
  }

  /** Types into the search box and waits until the table shows what it found (one row or none). */
  private static void search(Browser browser, String text) {
    browser.type("facilityListForm:facilities:globalFilter", text);
    browser.waitFor(
        ExpectedConditions.numberOfElementsToBe(
            By.cssSelector("#facilityListForm\\:facilities_data > tr"), 1));
    browser.waitForAjax();
  }
}
