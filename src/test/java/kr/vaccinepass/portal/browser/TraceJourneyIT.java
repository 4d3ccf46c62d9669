package kr.vaccinepass.portal.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import kr.vaccinepass.portal.demo.DemoData;
import kr.vaccinepass.portal.testsupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The purpose of the visit records, end to end (issue 18): an owner writes a handwritten entry; the
 * demo investigator of 서울특별시 asks for a trace of the facility (first without a basis), sees the
 * visitor's name and number in full, and exports the contacts with the watermark; the owner sees
 * that an investigator of 서울특별시 read the records; an administrator finds the trace in the audit
 * trail and checks the chain.
 */
class TraceJourneyIT extends BrowserJourney {
  private static final String FACILITY = "종로 한옥카페";

  @Test
  void anInvestigatorTracesAFacilityExportsItAndTheTrailShowsIt() throws Exception {
    String caseRef = "확진-" + UUID.randomUUID().toString().substring(0, 8);
    try (Browser browser = Browser.open(base)) {
      browser.signIn(DemoData.OWNER_EMAIL, DemoData.OWNER_PASSWORD);
      browser.go("/owner/visits.xhtml").choose("visitsForm:facility", FACILITY);
      browser
          .type("handwrittenForm:name", "정해인")
          .type("handwrittenForm:phone", "010-3141-5926")
          .click("handwrittenForm:addHandwritten")
          .waitForText("기록했습니다");
      browser.driver().manage().deleteAllCookies();

      browser.signIn(DemoData.INVESTIGATOR_EMAIL, DemoData.INVESTIGATOR_PASSWORD);
      browser.waitForPath("/investigator/traces.xhtml").waitForText("소속: 서울특별시");
      assertTrue(
          browser.driver().findElements(By.id("navInspectorViolations")).isEmpty()
              && browser.driver().findElements(By.id("navAdminAudit")).isEmpty(),
          "nothing of enforcement or administration in an investigator's menu");
      browser
          .type("traceForm:caseRef", caseRef)
          .type("traceForm:facilitySearch", "한옥카페")
          .click("traceForm:searchFacility")
          .waitForAjax();
      browser.click("traceForm:request").waitForText("법적 근거를 선택하세요.");
      browser
          .choose("traceForm:basis", "제18조 (역학조사)")
          .click("traceForm:request")
          .waitForPath("/investigator/trace.xhtml")
          .waitForText("추적 결과");
      assertTrue(browser.text().contains("정해인"), "the name in full: " + browser.text());
      assertTrue(browser.text().contains("010-3141-5926"));
      assertTrue(browser.text().contains(FACILITY));
      String traceNumber = browser.id("traceNumber").getText();

      String csv = download(browser, "exportForm", "exportForm:contactsCsv");
      assertTrue(csv.contains("역학조사 추적 " + traceNumber), csv);
      assertTrue(csv.contains("010-3141-5926"), csv);
      assertTrue(csv.contains("T" + traceNumber + "/A"), "every row marked: " + csv);

      browser.go("/investigator/traces.xhtml").waitForText(caseRef);
      browser.go("/admin/audit.xhtml");
      assertFalse(
          browser.text().contains("해시 사슬 검증"), "an investigator does not see the audit trail");
      browser.driver().manage().deleteAllCookies();

      browser.signIn(DemoData.OWNER_EMAIL, DemoData.OWNER_PASSWORD);
      browser.go("/owner/record-reads.xhtml").waitForText("역학조사 추적 결과 열람");
      assertTrue(browser.text().contains("역학조사관 (서울특별시)"), browser.text());
      assertFalse(browser.text().contains("최조사"), "the investigator's name is not shown");
      browser.driver().manage().deleteAllCookies();

      browser.signIn(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
      browser.go("/admin/audit.xhtml").waitForText("감사 기록");
      browser
          .type("auditForm:person", DemoData.INVESTIGATOR_EMAIL)
          .choose("auditForm:kind", "역학조사 추적 결과 내보내기");
      browser.waitForAjax().waitForText("최조사");
      assertTrue(browser.text().contains("역학조사 추적 " + traceNumber), browser.text());
      assertTrue(browser.text().contains("방문자 이름"), "the fields exported");
      browser.click("auditForm:verify").waitForText("사슬이 온전합니다");
      String trail = download(browser, "auditForm", "auditForm:exportCsv");
      assertTrue(trail.contains("역학조사 추적 결과 내보내기"), trail);
      assertFalse(trail.contains("010-3141-5926"), "no personal data in the trail");
    }
  }

  /** What a non-ajax download button of the form returns, fetched as the button would post it. */
  private static String download(Browser browser, String formId, String buttonId) {
    return (String)
        ((JavascriptExecutor) browser.driver())
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "var form = document.getElementById(arguments[0]);"
                    + "var data = new URLSearchParams(new FormData(form));"
                    + "data.append(arguments[1], arguments[1]);"
                    + "fetch(form.action, {method: 'POST', body: data})"
                    + ".then(r => r.text()).then(done, e => done('failed: ' + e));",
                formId,
                buttonId);
  }
}
