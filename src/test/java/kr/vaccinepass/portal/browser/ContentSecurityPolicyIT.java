package kr.vaccinepass.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import kr.vaccinepass.portal.demo.DemoData;
import kr.vaccinepass.portal.testsupport.Browser;
import org.junit.jupiter.api.Test;

/**
 * The pages work under the Content-Security-Policy: the browser refuses nothing on them (PrimeFaces
 * scripts and handlers carry the page's nonce; the chart, the scanner and the wallet's QR load).
 */
class ContentSecurityPolicyIT extends BrowserJourney {

  @Test
  void publicPagesRefuseNothing() throws Exception {
    try (Browser browser = Browser.open(base)) {
      browser.go("/public/index.xhtml").waitForAjax();
      browser.go("/public/enforcement.xhtml").waitForAjax();
      browser.choose("statusForm:sido", "서울특별시");
      browser.choose("statusForm:sigungu", "종로구"); // its options came by AJAX, without a session
      assertEquals(
          List.of(),
          browser.driver().manage().getCookies().stream()
              .filter(c -> c.getName().equals("JSESSIONID"))
              .toList(),
          "no session for the landing and the status page");
      browser.click("langForm:en").waitForText("Are vaccine-pass fines applied now?");
      browser.go("/public/index.xhtml").waitForAjax();
      browser.click("langForm:ko").waitForText("과태료 부과 현황");
      browser.go("/public/wallet.xhtml").waitForAjax();
      browser.go("/public/login.xhtml").waitForAjax();
      assertEquals(List.of(), browser.securityPolicyViolations());

      // the control: a script without the nonce is refused, and the test sees it
      ((org.openqa.selenium.JavascriptExecutor) browser.driver())
          .executeScript(
              "var s = document.createElement('script');"
                  + " s.textContent = 'window.injected = true;'; document.body.appendChild(s);");
      assertEquals(
          null,
          ((org.openqa.selenium.JavascriptExecutor) browser.driver())
              .executeScript("return window.injected;"));
      assertFalse(browser.securityPolicyViolations().isEmpty(), "the refusal is seen");
    }
  }

  @Test
  void theInspectorsPagesRefuseNothing() throws Exception {
    try (Browser browser = Browser.open(base)) {
      browser.signIn(DemoData.INSPECTOR_EMAIL, DemoData.INSPECTOR_PASSWORD).waitForAjax();
      for (String page :
          List.of(
              "/inspector/dashboard.xhtml",
              "/inspector/facilities.xhtml",
              "/inspector/violations.xhtml")) {
        browser.go(page).waitForAjax();
        assertEquals(List.of(), browser.securityPolicyViolations(), page);
      }
    }
  }

  @Test
  void theOwnersPagesRefuseNothing() throws Exception {
    try (Browser browser = Browser.open(base)) {
      browser.signIn(DemoData.OWNER_EMAIL, DemoData.OWNER_PASSWORD).waitForAjax();
      for (String page :
          List.of(
              "/owner/dashboard.xhtml",
              "/owner/facilities.xhtml",
              "/owner/visits.xhtml",
              "/owner/scanner.xhtml",
              "/owner/devices.xhtml",
              "/owner/violations.xhtml")) {
        browser.go(page).waitForAjax();
        assertEquals(List.of(), browser.securityPolicyViolations(), page);
      }
      browser.id("langForm:en").click();
      browser.waitForText("Sign out");
      assertEquals(List.of(), browser.securityPolicyViolations());
    }
  }

  @Test
  void theAdministratorsPagesRefuseNothing() throws Exception {
    try (Browser browser = Browser.open(base)) {
      browser.signIn(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD).waitForAjax();
      for (String page :
          List.of(
              "/admin/dashboard.xhtml",
              "/admin/accounts.xhtml",
              "/admin/enforcement.xhtml",
              "/admin/calendar.xhtml",
              "/admin/grace.xhtml")) {
        browser.go(page).waitForAjax();
        assertEquals(List.of(), browser.securityPolicyViolations(), page);
      }
    }
  }
}
