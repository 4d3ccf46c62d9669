package kr.vaccinepass.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import kr.vaccinepass.portal.demo.DemoData;
import kr.vaccinepass.portal.testsupport.Browser;
import kr.vaccinepass.portal.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;

/**
 * Every step of the case page, in the browser, at a karaoke of 종로구 made for this test (so that its
 * suspension disturbs no other journey): two operator violations escalate from 1,500,000원 and 10
 * days to 3,000,000원 and 20 days; a photo is attached (a text file named .jpg is refused); the
 * second violation's suspension is decided; its fine goes through prior notice, imposition,
 * objection and referral; the first one's fine is imposed and paid; a visitor's fine is cancelled,
 * first without a reason. The test clock stands on 2022-02-20 and cannot wait out an opinion
 * period: the test moves the period into the past in the database, as the days would.
 */
class CaseStepsJourneyIT extends BrowserJourney {
  private static final String TODAY = "2022-02-20";

  @Test
  void anInspectorTakesACaseThroughEveryStep() throws Exception {
    String name = "종로 절차시험 노래방 " + ThreadLocalRandom.current().nextInt(1_000_000);
    long facilityId =
        TestDatabase.createFacility(name, "KARAOKE", DemoData.JONGNO, DemoData.OWNER_EMAIL);
    try (Browser browser = Browser.open(base)) {
      startInspection(browser, facilityId, name, "절차 점검");

      long first = logOperatorViolation(browser, "2022-01-05 12:00", "1,500,000원", "운영 중단 10일");

      // evidence: a text file named like a photo is refused by its content; a PNG is shown
      Path fake = Files.createTempFile("evidence", ".jpg");
      Files.writeString(fake, "not a photo at all");
      photoInput(browser).sendKeys(fake.toString());
      browser.click("evidenceForm:attach").waitForText("이 파일은 사진이 아닙니다");
      Path png = Files.createTempFile("evidence", ".png");
      Files.write(png, TINY_PNG);
      photoInput(browser).sendKeys(png.toString());
      browser.type("evidenceForm:description", "출입구 QR 단말기 꺼짐");
      browser.click("evidenceForm:attach").waitForText("사진을 첨부했습니다.");
      browser.waitForText("출입구 QR 단말기 꺼짐");
      browser.waitFor(
          d ->
              Boolean.TRUE.equals(
                  ((JavascriptExecutor) d)
                      .executeScript(
                          "var img = document.querySelector('figure.evidence img');"
                              + "return !!img && img.complete && img.naturalWidth === 1;")));

      browser.go("/inspector/facility.xhtml?id=" + facilityId).waitForText(name);
      long second = logOperatorViolation(browser, "2022-01-06 12:00", "3,000,000원", "운영 중단 20일");

      // the suspension is decided from today: 20 days, 2022-02-20 – 03-11
      assertEquals(TODAY, browser.id("sanctionForm:startsOn_input").getAttribute("value"));
      browser.click("sanctionForm:decide");
      browser.confirm();
      browser.waitForText("행정처분을 결정했습니다.");
      assertEquals(TODAY, browser.id("sanctionStartsOn").getText());
      assertEquals("2022-03-11", browser.id("sanctionEndsOn").getText());

      // prior notice → (the opinion period passes) → imposition → objection → referral
      sendPriorNotice(browser);
      opinionPeriodPassed(second);
      browser.go("/inspector/case.xhtml?id=" + second).waitForText("3,000,000원");
      impose(browser);
      browser.type("objectionForm:grounds", "QR 단말기 고장으로 확인하지 못했습니다.");
      browser.click("objectionForm:record").waitForText("이의 제기를 기록했습니다.");
      assertEquals("이의 제기", browser.id("state").getText());
      assertEquals("2022-03-06", browser.id("nextDeadline").getText(), "14 days after receipt");
      browser.click("referForm:refer").waitForText("법원 통보를 기록했습니다.");
      assertEquals("법원 통보", browser.id("state").getText());
      assertTrue(browser.id("history").getText().contains("QR 단말기 고장으로"));

      // the first fine: imposed and paid in full (the amount is offered)
      browser.go("/inspector/case.xhtml?id=" + first).waitForText("1,500,000원");
      sendPriorNotice(browser);
      // within the opinion period what settles the case today is the reduced amount (Art. 18),
      // the one the payment would be taken at, and the form offers it
      assertEquals("1,200,000원", browser.id("dueToday").getText());
      assertTrue(browser.id("dueTodayHint").getText().contains("2022-03-"), "until the deadline");
      assertEquals("1,200,000", browser.id("paymentForm:amount_input").getAttribute("value"));
      opinionPeriodPassed(first);
      // between the opinion period and the imposition no payment is taken: the page says so
      browser.go("/inspector/case.xhtml?id=" + first).waitForText("1,500,000원");
      assertEquals("오늘은 납부를 받을 수 없습니다", browser.id("dueToday").getText());
      browser.go("/inspector/case.xhtml?id=" + first).waitForText("1,500,000원");
      impose(browser);
      assertEquals("1,500,000원", browser.id("dueToday").getText());
      assertEquals("1,500,000", browser.id("paymentForm:amount_input").getAttribute("value"));
      // a day the picker cannot read: the example is the portal's today, not the wall clock's
      browser.type("paymentForm:paidOn_input", "2022.02.20");
      browser.click("paymentForm:record").waitForText("올바른 날짜를 입력하세요. 예: " + TODAY);
      browser.type("paymentForm:paidOn_input", TODAY);
      browser.click("paymentForm:record").waitForText("납부를 기록했습니다.");
      assertEquals("납부 완료", browser.id("state").getText());

      // a visitor's fine, cancelled: the reason is required
      logVisitorCase(browser, facilityId, name, "2022-01-07 19:00");
      browser.click("cancelForm:cancel").waitForText("취소 사유를 입력하세요.");
      browser.type("cancelForm:reason", "동명이인 오기록");
      browser.click("cancelForm:cancel").waitForText("과태료를 취소했습니다.");
      assertEquals("취소", browser.id("state").getText());
      assertTrue(browser.id("history").getText().contains("동명이인 오기록"));
    }
  }

  /**
   * Logs an operator violation at the open inspection, checking the penalty shown before saving.
   */
  private static long logOperatorViolation(
      Browser browser, String at, String fine, String sanction) {
    browser.choose("violationForm:kind", "운영자(사업주)");
    browser.type("violationForm:occurredAt_input", at);
    browser.id("violationForm:occurredAt_input").sendKeys(Keys.TAB);
    browser.waitForText("저장하면 정해질 처분").waitForText(fine);
    assertEquals(sanction, browser.id("violationForm:previewSanction").getText());
    browser.type("violationForm:description", "QR 확인 없이 입장시킴");
    browser.click("violationForm:save");
    browser.waitForPath("/inspector/case.xhtml").waitForText("위반을 기록했습니다.");
    assertEquals(sanction, browser.id("sanction").getText());
    String url = browser.driver().getCurrentUrl();
    return Long.parseLong(url.replaceAll(".*[?&]id=(\\d+).*", "$1"));
  }

  /** The file input behind the styled "choose" button: hidden, but it takes a path. */
  private static org.openqa.selenium.WebElement photoInput(Browser browser) {
    browser.waitForAjax();
    return browser.driver().findElement(By.id("evidenceForm:photo_input"));
  }

  private static void sendPriorNotice(Browser browser) {
    browser.click("priorNoticeForm:send").waitForText("사전통지를 발송했습니다.");
    assertEquals("사전통지(의견 제출 기간)", browser.id("state").getText());
  }

  private static void impose(Browser browser) {
    browser.click("imposeForm:impose");
    browser.confirm();
    browser.waitForText("과태료를 부과했습니다.");
    assertEquals("부과", browser.id("state").getText());
  }

  /** The opinion period of the case ended ten days ago, as if the days had gone by. */
  private static void opinionPeriodPassed(long violationId) throws Exception {
    assertEquals(
        1,
        TestDatabase.update(
            "update fine_case set prior_notice_on = date '2022-01-31',"
                + " opinion_deadline = date '2022-02-10'"
                + " where id = (select fine_case_id from violation where id = ?)",
            violationId));
  }

  /** A 1×1 PNG. */
  private static final byte[] TINY_PNG =
      java.util.Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
}
