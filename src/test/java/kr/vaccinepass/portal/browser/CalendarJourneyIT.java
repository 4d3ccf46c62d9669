package kr.vaccinepass.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kr.vaccinepass.portal.demo.DemoData;
import kr.vaccinepass.portal.testsupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The calendar and the state of enforcement: the administrator finds December 2021 on the calendar
 * with the start of fines and the 13 December grace, corrects an event (first without a reason,
 * refused) and sees the correction in its history; anyone, signed out, reads whether fines apply
 * now.
 */
class CalendarJourneyIT extends BrowserJourney {
  private static final String EVENT = "행정처분 기준 완화";

  @Test
  void anAdministratorCorrectsAnEventAndEveryoneSeesWhetherFinesApply() throws Exception {
    try (Browser browser = Browser.open(base)) {
      browser.signIn(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
      browser.go("/admin/calendar.xhtml").waitForText("과태료 부과 시작 (16종)");
      browser.waitForText("벌칙 유예:");
      assertTrue(browser.text().contains("2021"), "the calendar opens on December 2021");

      openEvent(browser);
      browser.type("eventForm:titleKo", EVENT + " (2022-02-09 시행)");
      browser.click("eventForm:save").waitForText("고친 이유를 입력하세요.");
      browser.type("eventForm:note", "시행일 명시");
      browser.click("eventForm:save").waitForText("일정을 저장했습니다.");
      browser.waitForText(EVENT + " (2022-02-09 시행)");

      openEvent(browser);
      String history = browser.id("eventForm:history").getText();
      assertTrue(history.contains("시행일 명시") && history.contains("domain-rules.md"), history);

      browser.go("/admin/dashboard.xhtml");
      browser.click("userForm:signOut").waitForPath("/public/index.xhtml");
      browser.click("navEnforcementStatus").waitForPath("/public/enforcement.xhtml");
      assertEquals("과태료 부과 중", browser.id("statusForm:headline").getText());
      browser.choose("statusForm:sido", "서울특별시");
      browser.choose("statusForm:sigungu", "종로구");
      assertTrue(
          browser.id("statusForm:statusText").getText().contains("과태료가 부과됩니다"),
          browser.id("statusForm:statusText").getText());
    }
  }

  private static void openEvent(Browser browser) {
    browser.click(By.xpath("//tr[contains(., '" + EVENT + "')]//button[contains(@id, ':edit')]"));
    browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("eventForm:titleKo")));
    browser.waitForAjax();
  }
}
