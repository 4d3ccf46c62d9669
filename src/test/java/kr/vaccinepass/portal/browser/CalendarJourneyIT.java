package kr.vaccinepass.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kr.vaccinepass.portal.demo.DemoData;
import kr.vaccinepass.portal.testsupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The calendar and the state of enforcement: the administrator finds December 2021 on the calendar
 * with the start of fines and the 13 December grace, corrects an event (first without a reason,
 * refused) and sees the correction in its history; anyone, signed out, reads whether fines apply
 * now.
 */
class CalendarJourneyIT extends BrowserJourney {
  private static final String EVENT = "행정처분 기준 완화";
  private static final String GUIDANCE = "계도기간 (추가 11종)";

  @Test
  void anAdministratorCorrectsAnEventAndEveryoneSeesWhetherFinesApply() throws Exception {
    try (Browser browser = Browser.open(base)) {
      browser.signIn(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
      browser.go("/admin/calendar.xhtml").waitForText("과태료 부과 시작 (16종)");
      browser.waitForText("벌칙 유예:");
      assertTrue(browser.text().contains("2021"), "the calendar opens on December 2021");

      openEvent(browser);
      // a suspension without its length is refused on the penalty rows, in words
      browser.choose("eventForm:operatorRows:0:rowSanction", "운영 중단 (일)");
      browser.waitForAjax();
      browser.type("eventForm:note", "기간 누락 시험");
      browser.click("eventForm:save").waitForText("운영 중단 기간을 입력하세요.");
      browser.choose("eventForm:operatorRows:0:rowSanction", "경고");
      browser.waitForAjax();
      browser.type("eventForm:note", "");
      browser.type("eventForm:titleKo", EVENT + " (2022-02-09 시행)");
      browser.click("eventForm:save").waitForText("고친 이유를 입력하세요.");
      browser.type("eventForm:note", "시행일 명시");
      browser.click("eventForm:save").waitForText("일정을 저장했습니다.");
      browser.waitForText(EVENT + " (2022-02-09 시행)");

      openEvent(browser);
      String history = browser.id("eventForm:history").getText();
      assertTrue(history.contains("시행일 명시") && history.contains("공개 보도에 따른 최초 기록"), history);

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

  /**
   * An administrator extends the guidance period of the eleven types added on 2021-12-06 by three
   * days; the inspector's preview of a violation on the 15th then shows a warning without a fine,
   * by the calendar's new revision. The period is put back at the end, as another revision.
   */
  @Test
  void aCorrectedGuidancePeriodJudgesTheNextViolationTheInspectorPreviews() throws Exception {
    try (Browser browser = Browser.open(base)) {
      String before = previewAtTheCafe(browser, "100,000원");
      signOut(browser);
      correctGuidance(browser, "2021-12-15", "계도기간 연장 발표 반영");
      try {
        signOut(browser);
        String after = previewAtTheCafe(browser, "계도기간");
        assertTrue(after.contains("현재 기준"), after);
        assertTrue(!after.equals(before), "a new revision: " + before + " → " + after);
        signOut(browser);
      } finally {
        correctGuidance(browser, "2021-12-12", "시험 후 원래대로");
      }
    }
  }

  /** As the demo inspector: the preview of a visitor's violation at 한옥카페 on 2021-12-15 12:00. */
  private static String previewAtTheCafe(Browser browser, String expected) {
    browser.signIn(DemoData.INSPECTOR_EMAIL, DemoData.INSPECTOR_PASSWORD);
    browser.waitForPath("/inspector/dashboard.xhtml");
    openFacility(browser, "한옥카페", "종로 한옥카페");
    browser.type("inspectionForm:notes", "달력 정정 확인");
    browser.click("inspectionForm:open").waitForText("점검을 시작했습니다");
    browser.choose("violationForm:kind", "이용자");
    browser.type("violationForm:occurredAt_input", "2021-12-15 12:00");
    browser.id("violationForm:occurredAt_input").sendKeys(Keys.TAB);
    browser.waitForText("저장하면 정해질 처분").waitForText(expected);
    return browser.id("violationForm:previewRevision").getText();
  }

  private static void correctGuidance(Browser browser, String lastDay, String why) {
    browser.signIn(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
    browser.go("/admin/calendar.xhtml").waitForText(GUIDANCE);
    browser.click(
        By.xpath("//tr[contains(., '" + GUIDANCE + "')]//button[contains(@id, ':edit')]"));
    browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("eventForm:titleKo")));
    browser.waitForAjax();
    assertTrue(
        browser.driver().findElements(By.id("eventForm:lifts")).isEmpty(),
        "a guidance period neither adds nor lifts types");
    browser.type("eventForm:endsOn_input", lastDay);
    browser.type("eventForm:note", why);
    browser.click("eventForm:save").waitForText("일정을 저장했습니다.");
  }

  private static void signOut(Browser browser) {
    browser.click("userForm:signOut").waitForPath("/public/index.xhtml");
  }

  private static void openEvent(Browser browser) {
    browser.click(By.xpath("//tr[contains(., '" + EVENT + "')]//button[contains(@id, ':edit')]"));
    browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("eventForm:titleKo")));
    browser.waitForAjax();
  }
}
