package kr.vaccinepass.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import kr.vaccinepass.portal.demo.DemoData;
import kr.vaccinepass.portal.testsupport.Browser;
import kr.vaccinepass.portal.testsupport.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The door's answers and the door's facility: one QR admits one person (read twice at once it is
 * one presentation; shown again later it is refused, red, and counted as a refusal), and the device
 * remembers the facility it stands at across sessions, for its owner only.
 */
class ScannerJourneyIT extends BrowserJourney {
  /** The demo owner's alphabetically first facility, where a new session used to start. */
  private static final String FIRST = "강남 스포츠센터";

  /** The door of this journey: the demo owner's second facility. */
  private static final String DOOR = "종로 코인노래연습장";

  private static final String USED = "이미 사용된 QR입니다 — 입장 불가";

  @Test
  void aQrShownAgainIsRefusedAndTheDoorKeepsItsFacility() throws Exception {
    try (Browser browser = Browser.open(base)) {
      browser.signIn(DemoData.OWNER_EMAIL, DemoData.OWNER_PASSWORD);
      browser.go("/owner/scanner.xhtml").waitForAjax();
      assertEquals(FIRST, browser.id("scanForm:doorFacility").getText(), "a new device");

      browser.choose("scanForm:facility", DOOR);
      browser.waitFor(d -> DOOR.equals(browser.id("scanForm:doorFacility").getText()));
      Cookie door = browser.driver().manage().getCookieNamed("portal-door-facility");
      assertNotNull(door, "the device remembers its door");
      assertTrue(door.isHttpOnly(), "no script reads it");
      assertEquals("Strict", door.getSameSite());
      assertTrue(door.getPath().endsWith("/owner/scanner.xhtml"), door.getPath());
      long refusedBefore = refusalsToday(browser);

      String token = freshToken(browser);
      browser.go("/owner/scanner.xhtml").waitForAjax();
      assertEquals(DOOR, browser.id("scanForm:doorFacility").getText());
      present(browser, token).waitForText("접종완료자입니다");
      assertEquals("green", tone(browser));
      String answers = browser.id("scanForm:result").getAttribute("data-answers");

      // the hand-held scanner types it again at once (or the camera reads it again): one person
      present(browser, token);
      assertEquals("green", tone(browser), "read twice at once is one presentation");
      assertEquals(answers, browser.id("scanForm:result").getAttribute("data-answers"));

      // the same QR shown again later (a screenshot passed on): refused, unmistakably
      Thread.sleep(3_500);
      present(browser, token).waitForText(USED);
      assertEquals("red", tone(browser));
      assertTrue(browser.id("scanForm:result").getAttribute("class").contains("scan-red"));
      assertFalse(browser.text().contains("접종완료자입니다"), browser.text());

      // counted where refusals are counted (the counts are written every 5 s)
      new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
          .pollingEvery(Duration.ofSeconds(2))
          .until(d -> refusalsToday(browser) == refusedBefore + 1);

      // a new session on the same device: the scanner opens at the door's facility
      signOut(browser);
      browser.signIn(DemoData.OWNER_EMAIL, DemoData.OWNER_PASSWORD);
      browser.go("/owner/scanner.xhtml").waitForAjax();
      assertEquals(DOOR, browser.id("scanForm:doorFacility").getText());
      assertTrue(browser.id("scanForm:facility_label").getText().contains(DOOR));

      // another owner on this device: the cookie names a facility that is not theirs, ignored
      signOut(browser);
      String stranger = TestData.email("door");
      browser.go("/public/signup.xhtml");
      browser
          .type("signupForm:email", stranger)
          .type("signupForm:name", "다른 사업주")
          .type("signupForm:phone", "010-5555-6666")
          .type("signupForm:password", TestData.PASSWORD)
          .type("signupForm:passwordConfirmation", TestData.PASSWORD)
          .click("signupForm:submit")
          .waitForPath("/public/login.xhtml");
      browser.signIn(stranger, TestData.PASSWORD).waitForPath("/owner/");
      browser.go("/owner/scanner.xhtml").waitForAjax();
      assertNotNull(browser.driver().manage().getCookieNamed("portal-door-facility"));
      assertFalse(browser.driver().getPageSource().contains(DOOR), "not another owner's door");
    }
  }

  /**
   * On a phone (390×844, the door held in one hand) the answer is in sight without scrolling: the
   * verdict comes right under the facility and the input, and the header stays compact.
   */
  @Test
  void onAPhoneTheAnswerIsInSightWithoutScrolling() throws Exception {
    try (Browser browser = Browser.open(base)) {
      browser.signIn(DemoData.OWNER_EMAIL, DemoData.OWNER_PASSWORD);
      String token = freshToken(browser);
      ((org.openqa.selenium.chrome.ChromeDriver) browser.driver())
          .executeCdpCommand(
              "Emulation.setDeviceMetricsOverride",
              java.util.Map.of(
                  "width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
      browser.go("/owner/scanner.xhtml").waitForAjax();
      present(browser, token).waitForText("접종완료자입니다");
      JavascriptExecutor js = (JavascriptExecutor) browser.driver();
      js.executeScript("window.scrollTo(0, 0);");
      assertEquals(390L, js.executeScript("return window.innerWidth;"), "a phone's viewport");
      assertEquals(0L, js.executeScript("return Math.round(window.scrollY);"), "not scrolled");
      long bottom =
          (Long)
              js.executeScript(
                  "return Math.ceil(document.getElementById('scanForm:result')"
                      + ".getBoundingClientRect().bottom);");
      long height = (Long) js.executeScript("return window.innerHeight;");
      java.nio.file.Path shot =
          java.nio.file.Path.of("target", "screenshots", "scanner-phone-390x844.png");
      java.nio.file.Files.createDirectories(shot.getParent());
      java.nio.file.Files.write(
          shot,
          ((org.openqa.selenium.TakesScreenshot) browser.driver())
              .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
      assertTrue(bottom <= height, "the answer ends at " + bottom + " of " + height + " px");
      assertTrue(
          (Long)
                  js.executeScript(
                      "return Math.floor(document.getElementById('scanForm:doorFacility')"
                          + ".getBoundingClientRect().top);")
              >= 0,
          "the facility's name is in sight too");
    }
  }

  /** Shows a token as a hand-held scanner does (its text, then Enter) and waits for the answer. */
  private static Browser present(Browser browser, String token) {
    browser.waitForAjax();
    ((JavascriptExecutor) browser.driver())
        .executeScript("document.getElementById('scanForm:token').value = arguments[0];", token);
    browser.id("scanForm:token").sendKeys(Keys.ENTER);
    return browser.waitForAjax();
  }

  private static String tone(Browser browser) {
    return browser.id("scanForm:result").getAttribute("data-tone");
  }

  private static long refusalsToday(Browser browser) {
    browser.go("/owner/visits.xhtml").choose("visitsForm:facility", DOOR);
    return Long.parseLong(browser.id("visitsForm:todayRefusals").getText().trim());
  }

  private static void signOut(Browser browser) {
    browser.click("userForm:signOut").waitForPath("/public/index.xhtml");
    browser.waitForAjax();
  }

  /** A token the wallet has just made, so that it lives through the journey's seconds. */
  private static String freshToken(Browser browser) {
    browser.go("/public/wallet.xhtml").waitForAjax();
    String first = token(browser);
    new WebDriverWait(browser.driver(), Duration.ofSeconds(25))
        .until(d -> !token(browser).equals(first));
    return token(browser);
  }

  private static String token(Browser browser) {
    return browser.waitFor(
        d -> {
          String value = d.findElement(By.id("walletForm:token")).getAttribute("value");
          return value == null || value.isBlank() ? null : value;
        });
  }
}
