package kr.vaccinepass.portal.browser;

import java.net.URL;
import kr.vaccinepass.portal.testsupport.Browser;
import kr.vaccinepass.portal.testsupport.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;

/**
 * A user journey in a real browser: the portal is deployed exactly as built, and the test acts from
 * outside as a person would, at {@link #base}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class BrowserJourney {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  /**
   * As the signed-in inspector: logs a visitor's violation (홍길동, at that KST time) at the facility,
   * whose page shows its name, and lands on the new case's page.
   */
  static void logVisitorCase(Browser browser, long facilityId, String name, String at) {
    browser.go("/inspector/facility.xhtml?id=" + facilityId).waitForText(name);
    browser.choose("violationForm:kind", "이용자");
    browser.type("violationForm:occurredAt_input", at);
    browser.id("violationForm:occurredAt_input").sendKeys(Keys.TAB);
    browser.waitForText("100,000원");
    browser.type("violationForm:visitorName", "홍길동");
    browser.click("violationForm:save");
    browser.waitForPath("/inspector/case.xhtml").waitForText("위반을 기록했습니다.");
  }
}
