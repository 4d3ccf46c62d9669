package kr.vaccinepass.portal.browser;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import kr.vaccinepass.portal.demo.DemoData;
import kr.vaccinepass.portal.testsupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The door: the public demo wallet shows a QR that renews; the owner's scanner takes its token as a
 * hand-held scanner types it (then Enter) and shows green; an expired pass shows red with its
 * reason; the visit is in the owner's records and in their CSV export.
 */
class VisitJourneyIT extends BrowserJourney {
  private static final String FACILITY = "종로 코인노래연습장";

  @Test
  void walletQrAtTheScannerThenInTheRecordsAndTheExport() throws Exception {
    try (Browser browser = Browser.open(base)) {
      browser.go("/public/wallet.xhtml").waitForAjax();
      assertTrue(browser.id("walletForm:qr").getAttribute("src").startsWith("data:image/png"));
      String first = token(browser);
      new WebDriverWait(browser.driver(), Duration.ofSeconds(25))
          .until(d -> !token(browser).equals(first));
      String vaccinated = token(browser);
      assertNotEquals(first, vaccinated, "the QR renews itself");

      browser.signIn(DemoData.OWNER_EMAIL, DemoData.OWNER_PASSWORD);
      browser.go("/owner/scanner.xhtml").choose("scanForm:facility", FACILITY);
      scan(browser, vaccinated).waitForText("접종완료자입니다");
      assertTrue(browser.id("scanForm:result").getAttribute("class").contains("scan-green"));

      browser.go("/public/wallet.xhtml").choose("walletForm:profile", "접종 후 180일 경과, 추가 접종 없음");
      String expired = token(browser);
      browser.go("/owner/scanner.xhtml").choose("scanForm:facility", FACILITY);
      scan(browser, expired).waitForText("유효한 방역패스가 없습니다").waitForText("방역패스 유효기간(180일) 만료");
      assertTrue(browser.id("scanForm:result").getAttribute("class").contains("scan-red"));

      browser.go("/owner/visits.xhtml").choose("visitsForm:facility", FACILITY);
      browser.waitForText("QR 체크인").waitForText("확인됨");
      String csv =
          (String)
              ((JavascriptExecutor) browser.driver())
                  .executeAsyncScript(
                      "var done = arguments[arguments.length - 1];"
                          + "var form = document.getElementById('visitsForm');"
                          + "var data = new URLSearchParams(new FormData(form));"
                          + "data.append('visitsForm:exportCsv', 'visitsForm:exportCsv');"
                          + "fetch(form.action, {method: 'POST', body: data})"
                          + ".then(r => r.text()).then(done, e => done('failed: ' + e));");
      assertTrue(csv.contains("QR 체크인"), csv);
      assertTrue(csv.contains("접종 완료(기본 접종)"), csv);

      // the session ends while the scanner is open: it says so and goes to sign-in, never hangs
      browser.go("/owner/scanner.xhtml").waitForAjax();
      browser.driver().manage().deleteCookieNamed("JSESSIONID");
      browser.type("scanForm:token", "whatever the scanner typed");
      browser.id("scanForm:token").sendKeys(Keys.ENTER);
      browser.waitForText("응답을 받지 못했습니다").waitForPath("/public/login.xhtml");
    }
  }

  private static Browser scan(Browser browser, String token) {
    browser.type("scanForm:token", token);
    browser.id("scanForm:token").sendKeys(Keys.ENTER);
    return browser.waitForAjax();
  }

  /**
   * The wallet's current token. The QR renews every 15 s and replaces the field: a field replaced
   * between finding and reading it is read again.
   */
  private static String token(Browser browser) {
    return browser.waitFor(
        d -> {
          String value =
              d.findElement(org.openqa.selenium.By.id("walletForm:token")).getAttribute("value");
          return value == null || value.isBlank() ? null : value;
        });
  }
}
