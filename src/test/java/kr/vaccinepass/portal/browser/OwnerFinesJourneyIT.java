package kr.vaccinepass.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ThreadLocalRandom;
import kr.vaccinepass.portal.demo.DemoData;
import kr.vaccinepass.portal.testsupport.Browser;
import kr.vaccinepass.portal.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Money from both sides, at a karaoke of 종로구 made for this test (the test clock stands on
 * 2022-02-20): the inspector's payment of an operator's fine is refused for an absurd amount and
 * for a day before the prior notice, each next to its field, then recorded; a visitor's fine is
 * noticed too. The owner then sees the visitor's case and its state but no amount of it to pay, and
 * the operator's paid case, once waived, as a refund due.
 */
class OwnerFinesJourneyIT extends BrowserJourney {

  @Test
  void theOwnerSeesAVisitorsCaseWithoutAnAmountAndAPaidWaivedCaseAsARefund() throws Exception {
    String name = "종로 납부시험 노래방 " + ThreadLocalRandom.current().nextInt(1_000_000);
    long facilityId =
        TestDatabase.createFacility(name, "KARAOKE", DemoData.JONGNO, DemoData.OWNER_EMAIL);
    try (Browser browser = Browser.open(base)) {
      startInspection(browser, facilityId, name, "납부 점검");

      // the operator's fine: 1,500,000원, after the prior notice 1,200,000원 until 2022-03-02
      browser.choose("violationForm:kind", "운영자(사업주)");
      browser.type("violationForm:occurredAt_input", "2022-01-05 12:00");
      browser.id("violationForm:occurredAt_input").sendKeys(Keys.TAB);
      browser.waitForText("저장하면 정해질 처분").waitForText("1,500,000원");
      browser.type("violationForm:description", "QR 확인 없이 입장시킴");
      browser.click("violationForm:save");
      browser.waitForPath("/inspector/case.xhtml").waitForText("위반을 기록했습니다.");
      long operatorCase = idInUrl(browser);
      browser.click("priorNoticeForm:send").waitForText("사전통지를 발송했습니다.");
      assertEquals("1,200,000", browser.id("paymentForm:amount_input").getAttribute("value"));

      browser.type("paymentForm:amount_input", "1000000000000");
      browser.click("paymentForm:record").waitForText("최대 금액");
      String absurd = browser.id("paymentForm:amountMessage").getText();
      assertTrue(absurd.contains("2,625,000원"), absurd);
      assertEquals("사전통지(의견 제출 기간)", browser.id("state").getText());

      // a minus sign typed stays in the field and is refused there, never recorded as positive
      browser.type("paymentForm:amount_input", "-1200000");
      assertTrue(
          browser.id("paymentForm:amount_input").getAttribute("value").startsWith("-"),
          "the field keeps the minus sign: "
              + browser.id("paymentForm:amount_input").getAttribute("value"));
      browser.click("paymentForm:record").waitForText("음수(-)는 입력할 수 없습니다");
      assertTrue(
          browser.id("paymentForm:amountMessage").getText().contains("0원 이상"),
          browser.id("paymentForm:amountMessage").getText());
      assertEquals("사전통지(의견 제출 기간)", browser.id("state").getText());

      browser.type("paymentForm:amount_input", "1200000");
      browser.type("paymentForm:paidOn_input", "2022-01-05");
      browser.click("paymentForm:record").waitForText("사전통지일(2022-02-20) 이후여야");
      assertTrue(
          browser.id("paymentForm:paidOnMessage").getText().contains("2022-02-20"),
          "the refusal stands next to the day");
      assertEquals("사전통지(의견 제출 기간)", browser.id("state").getText());

      browser.type("paymentForm:paidOn_input", "2022-02-20");
      browser.click("paymentForm:record").waitForText("납부를 기록했습니다.");
      assertEquals("자진 납부(감경)", browser.id("state").getText());

      // a visitor's fine, noticed: 100,000원, 80,000원 if the visitor pays within the period
      logVisitorCase(browser, facilityId, name, "2022-01-07 19:00");
      browser.click("priorNoticeForm:send").waitForText("사전통지를 발송했습니다.");
      browser.click("userForm:signOut").waitForPath("/public/index.xhtml");

      // a grace declaration waives the paid case, as GraceServiceIT shows it does (declaring one
      // here would waive other journeys' cases of 종로 on that day)
      assertEquals(
          1,
          TestDatabase.update(
              "update fine_case set state = 'WAIVED', state_before_waiver = state, refund_due = true"
                  + " where id = (select fine_case_id from violation where id = ?)",
              operatorCase));

      browser.signIn(DemoData.OWNER_EMAIL, DemoData.OWNER_PASSWORD);
      browser.go("/owner/violations.xhtml?facility=" + facilityId).waitForText("홍*동");
      WebElement visitorRow = row(browser, "홍*동");
      String visitor = visitorRow.getText();
      assertTrue(visitor.contains("사전통지(의견 제출 기간)"), "its state: " + visitor);
      assertTrue(visitor.contains("방문자 본인에게 부과"), visitor);
      assertFalse(visitor.contains("80,000원") || visitor.contains("100,000원"), visitor);
      assertFalse(visitor.contains("자진 납부 시"), visitor);

      String operator = row(browser, "면제(유예)").getText();
      assertTrue(operator.contains("환급 예정 1,200,000원"), operator);
      assertFalse(operator.contains("자진 납부 시"), operator);
    }
  }

  private static long idInUrl(Browser browser) {
    return Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
  }

  /** The row of the owner's table that holds the text. */
  private static WebElement row(Browser browser, String text) {
    return browser
        .driver()
        .findElements(By.cssSelector("#violationsForm\\:cases_data > tr"))
        .stream()
        .filter(r -> r.getText().contains(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row with " + text + ": " + browser.text()));
  }
}
