package kr.vaccinepass.portal.browser;

import java.net.URL;
import kr.vaccinepass.portal.demo.DemoData;
import kr.vaccinepass.portal.testsupport.Browser;
import kr.vaccinepass.portal.testsupport.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

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
   * The demo 종로 inspector signs in and opens an inspection, with those notes, at the facility,
   * whose page shows its name.
   */
  static void startInspection(Browser browser, long facilityId, String name, String notes) {
    browser
        .signIn(DemoData.INSPECTOR_EMAIL, DemoData.INSPECTOR_PASSWORD)
        .waitForPath("/inspector/dashboard.xhtml");
    browser.go("/inspector/facility.xhtml?id=" + facilityId).waitForText(name);
    browser.type("inspectionForm:notes", notes);
    browser.click("inspectionForm:open").waitForText("점검을 시작했습니다");
  }

  /**
   * As the signed-in inspector: finds the facility in the list by a part of its name (the search
   * runs after a pause: it waits for the one row left) and opens its page.
   */
  static void openFacility(Browser browser, String search, String name) {
    browser.go("/inspector/facilities.xhtml");
    browser.type("facilityListForm:facilities:globalFilter", search);
    browser.waitFor(
        ExpectedConditions.numberOfElementsToBe(
            By.cssSelector("#facilityListForm\\:facilities_data > tr"), 1));
    browser.waitForAjax().waitForText(name);
    browser.find("#facilityListForm\\:facilities a").click();
    browser.waitForPath("/inspector/facility.xhtml").waitForText("점검·위반 기록");
  }

  /**
   * On the facility page of an open inspection: logs the operator's violation at that KST time and
   * lands on the new case's page.
   */
  static void logOperatorCase(Browser browser, String at) {
    browser.choose("violationForm:kind", "운영자(사업주)");
    browser.type("violationForm:occurredAt_input", at);
    browser.id("violationForm:occurredAt_input").sendKeys(Keys.TAB);
    browser.waitForText("저장하면 정해질 처분");
    browser.type("violationForm:description", "QR 확인 없이 입장시킴");
    browser.click("violationForm:save");
    browser.waitForPath("/inspector/case.xhtml").waitForText("위반을 기록했습니다.");
  }

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
