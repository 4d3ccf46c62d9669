package kr.vaccinepass.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import kr.vaccinepass.portal.demo.DemoData;
import kr.vaccinepass.portal.testsupport.Browser;
import kr.vaccinepass.portal.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The 13 December grace, in the browser. The seed holds the declaration of that day; the
 * administrator first revokes it, as if declared by mistake, so that the day is fined again. The
 * inspector then logs an operator violation of 2021-12-13 12:05 and it is fined 1,500,000원; the
 * administrator declares the whole day's grace, reads the confirmation (the scope in words and the
 * number of cases the dry run counted), confirms, and watches it applied below the form; the
 * inspector's list shows the case waived with the declaration's reason; the administrator revokes
 * it and the case is back where it was. The database is left as the migration made it for the tests
 * that follow.
 */
class GraceJourneyIT extends BrowserJourney {
  private static final String SEED_REASON = "방역패스 과태료 부과 첫날";

  @Test
  void aGraceDeclaredAfterTheFactWaivesTheCaseAndItsRevocationRestoresIt() throws Exception {
    String name = "종로 유예시험 PC방 " + ThreadLocalRandom.current().nextInt(1_000_000);
    long facilityId =
        TestDatabase.createFacility(name, "PC_ROOM", DemoData.JONGNO, DemoData.OWNER_EMAIL);
    String reason = "시스템 장애로 12월 13일 당일 전체 벌칙 유예 " + facilityId;
    try (Browser browser = Browser.open(base)) {
      browser.signIn(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
      browser.go("/admin/grace.xhtml").waitForText(SEED_REASON);
      revoke(browser, SEED_REASON, "재선언 시험을 위해 철회");

      signOutAndIn(browser, DemoData.INSPECTOR_EMAIL, DemoData.INSPECTOR_PASSWORD);
      browser.go("/inspector/facility.xhtml?id=" + facilityId).waitForText(name);
      browser.type("inspectionForm:notes", "12월 13일 점심 점검");
      browser.click("inspectionForm:open").waitForText("점검을 시작했습니다");
      browser.choose("violationForm:kind", "운영자(사업주)");
      browser.type("violationForm:occurredAt_input", "2021-12-13 12:05");
      browser.id("violationForm:occurredAt_input").sendKeys(Keys.TAB);
      browser.waitForText("저장하면 정해질 처분").waitForText("1,500,000원");
      assertFalse(browser.text().contains("면제 선언에 해당합니다"), "no grace covers it now");
      browser.click("violationForm:save");
      browser.waitForPath("/inspector/case.xhtml").waitForText("위반을 기록했습니다.");
      String caseUrl = browser.driver().getCurrentUrl();
      assertEquals("사전통지 전", browser.id("state").getText());

      signOutAndIn(browser, DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
      browser.go("/admin/grace.xhtml").waitForText(SEED_REASON);
      browser.type("declareForm:day_input", "2021-12-13");
      browser.id("declareForm:day_input").sendKeys(Keys.TAB);
      browser.type("declareForm:reason", reason);
      browser.type("declareForm:announcementRef", "질병관리청 2021-12-13 19:30 발표");
      long toWaive = casesToWaiveOn13December();
      assertTrue(toWaive >= 1, "at least the case just logged");
      browser.click("declareForm:declare");
      // the confirmation states the scope in words and the count of the dry run
      browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("confirmForm:count")));
      assertEquals("전국", browser.id("confirmForm:places").getText());
      assertEquals("모든 유형", browser.id("confirmForm:types").getText());
      assertEquals("전체 벌칙 유예", browser.id("confirmForm:kind").getText());
      assertEquals(
          "2021-12-13 00:00부터 2021-12-14 00:00 전까지", browser.id("confirmForm:window").getText());
      assertEquals(
          String.format("지금까지 기록된 사건 중 %,d건이 면제됩니다.", toWaive),
          browser.id("confirmForm:count").getText());
      assertEquals(List.of(), browser.securityPolicyViolations(), "the dialog opens under the CSP");
      assertEquals(
          0,
          count("select count(*) from grace_declaration where reason = ?", reason),
          "nothing declared before the confirmation");
      browser.click("confirmForm:confirmDeclare");
      // the result and the progress are shown below the form where the administrator clicked
      browser.waitFor(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("declareForm:declareProgress"), "유예를 선언했습니다."));
      browser.waitFor(
          ExpectedConditions.visibilityOfElementLocated(By.id("declareForm:progressText")));
      waitForStatus(browser, reason, "적용됨");
      assertTrue(
          browser.id("declareForm:declareProgress").getText().contains("적용됨"),
          browser.id("declareForm:declareProgress").getText());
      assertTrue(row(browser, reason).contains("전국"), row(browser, reason));

      signOutAndIn(browser, DemoData.INSPECTOR_EMAIL, DemoData.INSPECTOR_PASSWORD);
      browser.go("/inspector/violations.xhtml");
      browser.type("violationsForm:from_input", "2021-12-13");
      browser.id("violationsForm:from_input").sendKeys(Keys.TAB);
      browser.waitForAjax();
      browser.type("violationsForm:to_input", "2021-12-13");
      browser.id("violationsForm:to_input").sendKeys(Keys.TAB);
      browser.waitForAjax().waitForText(name);
      String listed = row(browser, name);
      assertTrue(listed.contains("면제(유예)") && listed.contains(reason), listed);
      browser.driver().get(caseUrl);
      browser.waitForText(reason);
      assertEquals("면제(유예)", browser.id("state").getText());

      signOutAndIn(browser, DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
      browser.go("/admin/grace.xhtml").waitForText(reason);
      revoke(browser, reason, "선언 범위 재검토");

      signOutAndIn(browser, DemoData.INSPECTOR_EMAIL, DemoData.INSPECTOR_PASSWORD);
      browser.driver().get(caseUrl);
      browser.waitForText(name);
      assertEquals("사전통지 전", browser.id("state").getText(), "back where it was");
      assertTrue(browser.id("history").getText().contains("선언 범위 재검토"));
    } finally {
      // the seed's declaration as the migration made it, for the tests that follow
      TestDatabase.update(
          "update grace_declaration set status = 'APPLIED', revoked_at = null, revoked_by = null,"
              + " revoke_reason = null where declared_by is null"
              + " and starts_at = timestamptz '2021-12-13 00:00:00+09'");
    }
  }

  /** The cases of 2021-12-13 (KST) a nationwide full grace would waive now. */
  private static long casesToWaiveOn13December() throws Exception {
    return count(
        "select count(*) from violation v join fine_case f on f.id = v.fine_case_id"
            + " where v.occurred_at >= timestamptz '2021-12-13 00:00:00+09'"
            + " and v.occurred_at < timestamptz '2021-12-14 00:00:00+09'"
            + " and f.state not in ('CANCELLED', 'WAIVED')",
        null);
  }

  private static long count(String sql, String arg) throws Exception {
    try (Connection c = TestDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      if (arg != null) {
        s.setString(1, arg);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static void signOutAndIn(Browser browser, String email, String password) {
    browser.click("userForm:signOut").waitForPath("/public/index.xhtml");
    browser.signIn(email, password);
  }

  /** Revokes the declaration whose row holds that text, and waits until it is revoked. */
  private static void revoke(Browser browser, String rowText, String why) {
    browser.click(
        By.xpath("//tr[contains(., '" + rowText + "')]//button[contains(@id, ':revoke')]"));
    browser.waitFor(
        ExpectedConditions.visibilityOfElementLocated(By.id("revokeForm:revokeReason")));
    browser.type("revokeForm:revokeReason", why);
    browser.click("revokeForm:confirmRevoke").waitForText("유예 선언을 철회했습니다.");
    waitForStatus(browser, rowText, "철회됨");
  }

  /** Waits until the declaration's row shows that status (its batch work polled to the end). */
  private static void waitForStatus(Browser browser, String rowText, String status) {
    browser.waitFor(
        ExpectedConditions.textToBePresentInElementLocated(
            By.xpath("//tr[contains(., '" + rowText + "')]"), status));
  }

  private static String row(Browser browser, String text) {
    return browser.driver().findElement(By.xpath("//tr[contains(., '" + text + "')]")).getText();
  }
}
