package kr.vaccinepass.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kr.vaccinepass.portal.demo.DemoData;
import kr.vaccinepass.portal.testsupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * Enforcement from both sides: the demo inspector of 종로구 opens an inspection at the demo owner's
 * coin karaoke, sees the penalty the law sets before saving an operator violation of 2022-01-05
 * (the test clock stands on 2022-02-20), sends the prior notice (after a deadline too soon), and
 * finds the case with its sums in the list of the 시군구; the owner then sees the reduced amount and
 * gives an opinion (after an empty one).
 */
class EnforcementJourneyIT extends BrowserJourney {
  private static final String FACILITY = "종로 코인노래연습장";

  @Test
  void anInspectorLogsAViolationAndTheOwnerAnswersThePriorNotice() throws Exception {
    try (Browser browser = Browser.open(base)) {
      browser
          .signIn(DemoData.INSPECTOR_EMAIL, DemoData.INSPECTOR_PASSWORD)
          .waitForPath("/inspector/dashboard.xhtml");
      // 종로 has more facilities: the search leaves this one
      openFacility(browser, "코인노래", FACILITY);

      browser.type("inspectionForm:notes", "정기 점검");
      browser.click("inspectionForm:open").waitForText("점검을 시작했습니다");

      browser.choose("violationForm:kind", "운영자(사업주)");
      browser.type("violationForm:occurredAt_input", "2022-01-05 12:00");
      browser.id("violationForm:occurredAt_input").sendKeys(Keys.TAB);
      browser.waitForText("저장하면 정해질 처분").waitForText("1,500,000원");
      assertEquals("운영 중단 10일", browser.id("violationForm:previewSanction").getText());
      browser.type("violationForm:description", "QR 확인 없이 입장시킴");
      browser.click("violationForm:save");

      browser.waitForPath("/inspector/case.xhtml").waitForText("위반을 기록했습니다.");
      String caseNumber = browser.id("caseNumber").getText();
      assertTrue(caseNumber.startsWith("VP-2022-"), caseNumber);
      assertEquals("사전통지 전", browser.id("state").getText());
      assertEquals(
          "2022-03-02",
          browser.id("priorNoticeForm:opinionDeadline_input").getAttribute("value"),
          "ten days after the portal's today by default");

      browser.type("priorNoticeForm:opinionDeadline_input", "2022-02-25");
      browser.click("priorNoticeForm:send");
      browser.waitForText("의견 제출 기한은 10일 이상이어야 합니다");
      assertTrue(
          browser.id("priorNoticeForm:opinionDeadlineMessage").getText().contains("10일 이상"),
          "the refusal stands next to the deadline");
      browser.type("priorNoticeForm:opinionDeadline_input", "2022-03-02");
      browser.click("priorNoticeForm:send").waitForText("사전통지를 발송했습니다.");
      assertEquals("사전통지(의견 제출 기간)", browser.id("state").getText());
      assertEquals("1,200,000원", browser.id("voluntaryAmount").getText());
      browser.id("documentsForm:priorNoticePdf");

      browser.go("/inspector/violations.xhtml");
      browser.type("violationsForm:from_input", "2022-01-05");
      browser.id("violationsForm:from_input").sendKeys(Keys.TAB);
      browser.waitForAjax();
      browser.type("violationsForm:to_input", "2022-01-05");
      browser.id("violationsForm:to_input").sendKeys(Keys.TAB);
      browser.waitForAjax();
      browser.choose("violationsForm:state", "사전통지(의견 제출 기간)");
      browser.waitForText("조건에 맞는 위반 1건");
      String totals = browser.id("violationsForm:totals").getText();
      assertTrue(totals.contains("과태료 합계 1,500,000원"), totals);
      assertTrue(totals.contains("납부할 금액 1,500,000원"), totals);
      String table = browser.id("violationsForm:violations").getText();
      assertTrue(table.contains(FACILITY) && table.contains("2022-01-05 12:00"), table);
      assertTrue(table.contains("2022-03-02"), "the next deadline: " + table);
      // sorted by the fine (a column the query may sort by), then a click on the row opens the case
      browser.find("#violationsForm\\:violations th.ui-sortable-column:nth-of-type(4)").click();
      browser.waitForAjax().waitForText(FACILITY);
      assertFalse(browser.text().contains("요청을 처리하지 못했습니다"), browser.text());
      browser.find("#violationsForm\\:violations_data td:nth-child(2)").click();
      browser.waitForPath("/inspector/case.xhtml").waitForText(caseNumber);

      browser.click("userForm:signOut").waitForPath("/public/index.xhtml");
      browser.signIn(DemoData.OWNER_EMAIL, DemoData.OWNER_PASSWORD);
      browser.go("/owner/violations.xhtml").choose("violationsForm:facility", FACILITY);
      browser.waitForText("1,200,000원").waitForText("2022-03-02");
      assertTrue(browser.text().contains("1,500,000원"), browser.text());

      browser.click("violationsForm:cases:0:opinionButton");
      browser.find("#opinionDialog");
      browser.click("opinionForm:submit");
      browser.waitForText("의견을 입력하세요.");
      assertTrue(browser.id("opinionForm:opinionMessage").getText().contains("의견을 입력하세요."));
      browser.type("opinionForm:opinion", "점심시간에 QR 앱이 멈춰 수기로 확인했습니다.");
      browser.click("opinionForm:submit").waitForText("의견을 제출했습니다.");
      assertEquals(
          "점심시간에 QR 앱이 멈춰 수기로 확인했습니다.", browser.id("violationsForm:cases:0:opinionText").getText());
    }
  }
}
