package kr.vaccinepass.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.HttpURLConnection;
import java.net.URL;
import kr.vaccinepass.portal.demo.DemoData;
import kr.vaccinepass.portal.testsupport.Browser;
import kr.vaccinepass.portal.testsupport.TestData;
import org.junit.jupiter.api.Test;

/**
 * What somebody who is not signed in gets: the sign-in page, then back; error pages in the layout.
 */
class AnonymousAccessIT extends BrowserJourney {

  @Test
  void anOwnerPageSendsToSignInAndBackAfterwards() throws Exception {
    try (Browser browser = Browser.open(base)) {
      browser.go("/owner/facilities.xhtml").waitForPath("/public/login.xhtml");
      assertTrue(browser.text().contains("로그인"));
      browser.type("loginForm:email", DemoData.OWNER_EMAIL);
      browser.type("loginForm:password", DemoData.OWNER_PASSWORD);
      browser.click("loginForm:submit").waitForPath("/owner/facilities.xhtml");
      browser.waitForText("종로 한옥카페");
    }
  }

  @Test
  void aWrongPasswordIsToldPlainly() throws Exception {
    try (Browser browser = Browser.open(base)) {
      browser.go("/public/login.xhtml");
      browser
          .type("loginForm:email", DemoData.OWNER_EMAIL)
          .type("loginForm:password", "wrong-password-1");
      browser.click("loginForm:submit").waitForText("이메일 또는 비밀번호가 올바르지 않습니다.");
      assertTrue(browser.path().startsWith("/public/login.xhtml"));
    }
  }

  /**
   * One mistyped password used to leave the form mechanism's mark in the session, after which every
   * protected page answered an empty 200 until the cookie was dropped.
   */
  @Test
  void aWrongPasswordDoesNotBlankTheProtectedPages() throws Exception {
    try (Browser browser = Browser.open(base)) {
      browser.go("/public/login.xhtml");
      browser
          .type("loginForm:email", DemoData.OWNER_EMAIL)
          .type("loginForm:password", "wrong-password-1");
      browser.click("loginForm:submit").waitForText("이메일 또는 비밀번호가 올바르지 않습니다.");
      browser.go("/owner/facilities.xhtml").waitForPath("/public/login.xhtml");
      assertTrue(browser.text().contains("로그인"), "the sign-in page, not an empty one");
      browser.type("loginForm:email", DemoData.OWNER_EMAIL);
      browser.type("loginForm:password", DemoData.OWNER_PASSWORD);
      browser.click("loginForm:submit").waitForPath("/owner/facilities.xhtml");
      browser.waitForText("종로 한옥카페");
      browser.go("/owner/dashboard.xhtml");
      assertFalse(browser.text().isBlank(), "the dashboard has content");
      browser.go("/owner/facilities.xhtml").waitForText("종로 한옥카페");
    }
  }

  /** Failures slow the address down; they never lock the account (see SignInOverHttpIT). */
  @Test
  void aFewWrongPasswordsDoNotStopTheRightOne() throws Exception {
    String email = TestData.email("throttled");
    try (Browser browser = Browser.open(base)) {
      browser.go("/public/signup.xhtml");
      browser
          .type("signupForm:email", email)
          .type("signupForm:name", "잠금 시험")
          .type("signupForm:phone", "010-1111-2222")
          .type("signupForm:password", TestData.PASSWORD)
          .type("signupForm:passwordConfirmation", TestData.PASSWORD)
          .click("signupForm:submit")
          .waitForPath("/public/login.xhtml");
      for (int i = 1; i <= 5; i++) {
        browser.type("loginForm:email", email).type("loginForm:password", "wrong-password-" + i);
        browser.click("loginForm:submit").waitForText("이메일 또는 비밀번호가 올바르지 않습니다.");
      }
      browser.type("loginForm:email", email).type("loginForm:password", TestData.PASSWORD);
      browser.click("loginForm:submit").waitForPath("/owner/dashboard.xhtml");
    }
  }

  @Test
  void errorPagesUseTheLayoutAndShowNoTrace() throws Exception {
    try (Browser browser = Browser.open(base)) {
      browser.go("/public/no-such-page.xhtml").waitForText("페이지를 찾을 수 없음");
      assertTrue(browser.text().contains("방역패스 포털"), "in the portal's layout");
      assertFalse(browser.text().contains("Exception"));
      browser.go("/owner/facility-form.xhtml?id=abc");
      assertFalse(browser.text().contains("Exception"), browser.text());
    }
  }

  @Test
  void protectedPagesNeedARoleOverPlainHttpToo() throws Exception {
    for (String page :
        new String[] {
          "/owner/dashboard.xhtml", "/inspector/facilities.xhtml", "/admin/accounts.xhtml"
        }) {
      HttpURLConnection c = (HttpURLConnection) new URL(base, page.substring(1)).openConnection();
      c.setInstanceFollowRedirects(false);
      int status = c.getResponseCode();
      assertEquals(302, status, page);
      assertTrue(c.getHeaderField("Location").contains("/public/login.xhtml"), page);
    }
    HttpURLConnection landing =
        (HttpURLConnection) new URL(base, "public/index.xhtml").openConnection();
    assertEquals(200, landing.getResponseCode());
  }

  /** The door app loads its rules module without a session: public on purpose (security.md). */
  @Test
  void theDoorsRulesModuleIsServedWithoutASession() throws Exception {
    HttpURLConnection c = (HttpURLConnection) new URL(base, "door/pass-rules.js").openConnection();
    c.setInstanceFollowRedirects(false);
    assertEquals(200, c.getResponseCode());
    assertTrue(c.getContentType().contains("javascript"), c.getContentType());
    try (var in = c.getInputStream()) {
      String body = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(body.contains("export function decide("), "the module's decide");
    }
  }

  /**
   * The door app starts without a session (its key is in the browser): its page, worker, words and
   * manifest are public on purpose, the camera is allowed there, and the API stays closed.
   */
  @Test
  void theDoorAppIsServedWithoutASession() throws Exception {
    HttpURLConnection page = (HttpURLConnection) new URL(base, "door/").openConnection();
    page.setInstanceFollowRedirects(false);
    assertEquals(200, page.getResponseCode());
    assertTrue(page.getHeaderField("Permissions-Policy").startsWith("camera=(self)"));
    try (var in = page.getInputStream()) {
      assertTrue(
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
              .contains("door.js"));
    }
    for (String path :
        new String[] {"door/sw.js", "door/texts.json?lang=en", "door/manifest.webmanifest"}) {
      HttpURLConnection c = (HttpURLConnection) new URL(base, path).openConnection();
      c.setInstanceFollowRedirects(false);
      assertEquals(200, c.getResponseCode(), path);
    }
    HttpURLConnection snapshot =
        (HttpURLConnection) new URL(base, "api/v1/door/snapshot").openConnection();
    assertEquals(401, snapshot.getResponseCode(), "the snapshot needs a device key");
  }
}
