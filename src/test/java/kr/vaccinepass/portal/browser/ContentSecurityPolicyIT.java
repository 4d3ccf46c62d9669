package kr.vaccinepass.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
      browser.go("/public/wallet.xhtml").waitForAjax();
      browser.go("/public/login.xhtml").waitForAjax();
      assertEquals(List.of(), browser.securityPolicyViolations());
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
