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

/**
 * A verification-system incident, end to end: the administrator declares a nationwide incident; the
 * demo owner's door scanner at 종로 한옥카페 (not the karaoke the other journeys use) turns to incident
 * mode; the owner records a visitor they asked and one who showed a paper certificate; the records
 * say "unverified (system down)" with how; the administrator closes the incident (without a grace,
 * so no case of another journey is waived) and the scanner is back to normal.
 *
 * <p>An open nationwide incident would change every later journey on the same server: it is always
 * closed, through the page, else (when the page failed) in the database.
 */
class IncidentJourneyIT extends BrowserJourney {
  private static final String FACILITY = "종로 한옥카페";
  private static final String INCIDENT_MODE = "시스템 장애: 방역패스를 QR로 확인할 수 없습니다";

  @Test
  void anIncidentPutsTheScannerInIncidentModeUntilItIsClosed() throws Exception {
    String note = "브라우저 시험 QR 장애 " + ThreadLocalRandom.current().nextInt(1_000_000);
    boolean closed = false;
    try (Browser admin = Browser.open(base);
        Browser owner = Browser.open(base)) {
      try {
        admin.signIn(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
        admin.click("navAdminIncidents").waitForPath("/admin/incidents.xhtml");
        admin.waitForText("시스템 장애 (방역패스 확인 불가)");
        // the start defaults to now, the scope to nationwide
        admin.type("declareForm:note", note);
        admin.click("declareForm:declare");
        admin.confirm();
        admin.waitForText("장애를 선언했습니다.").waitForText(note);

        owner.signIn(DemoData.OWNER_EMAIL, DemoData.OWNER_PASSWORD);
        owner.go("/owner/scanner.xhtml").choose("scanForm:facility", FACILITY);
        owner.waitForText(INCIDENT_MODE).waitForText(note);
        // the banner of every signed-in page says that fines are not applied where checks failed
        assertTrue(
            owner.id("enforcementBannerText").getText().contains("시스템 장애 중입니다"),
            owner.id("enforcementBannerText").getText());
        assertTrue(owner.id("scanForm:token").isDisplayed(), "the QR input stays available");

        owner.click("scanForm:doorVERBAL").waitForText("기록했습니다: 구두 확인");
        owner.waitForText("오늘 장애 중 현장 확인: ");
        String afterOne = owner.id("scanForm:doorCount").getText();
        owner.click("scanForm:doorPAPER_CERTIFICATE").waitForText("기록했습니다: 종이 증명서");
        owner.waitFor(d -> !owner.id("scanForm:doorCount").getText().equals(afterOne));

        owner.go("/owner/visits.xhtml").choose("visitsForm:facility", FACILITY);
        owner.choose("visitsForm:method", "현장 확인(장애 중)");
        owner.waitForText("확인 불가(시스템 장애)").waitForText("종이 증명서");

        admin.go("/admin/incidents.xhtml").waitForText(note);
        admin.click(
            By.xpath(
                "//tr[td[contains(normalize-space(.), '"
                    + note
                    + "')]]//button[contains(@id, ':close')]"));
        admin.waitForAjax().waitForText(note);
        // closing with a grace: the dialog first states what the grace covers and what it waives
        admin.find("#closeForm\\:withGrace .ui-chkbox-box").click();
        admin.waitForAjax().waitForText("유예 사유");
        admin.click("closeForm:confirmClose").waitForText("지금까지 기록된 사건 중");
        String confirmation = admin.id("closeForm:closeConfirm").getText();
        for (String said : new String[] {"모든 유형", "시스템 장애로 확인하지 못한 경우만 유예", "부터"}) {
          assertTrue(confirmation.contains(said), said + " in " + confirmation);
        }
        assertTrue(
            admin.id("closeForm:count").getText().matches(".*\\d+건이 면제됩니다\\..*"),
            admin.id("closeForm:count").getText());
        assertEquals("장애 종료 및 유예 선언", admin.id("closeForm:confirmClose").getText());
        admin.click("closeForm:confirmClose").waitForText("장애를 종료하고 같은 기간의 벌칙 유예를 선언했습니다.");
        admin.waitForText("이 장애 기간의 벌칙 유예를 선언했습니다.");
        closed = true;

        owner.go("/owner/scanner.xhtml").waitForAjax();
        owner.waitForText(FACILITY);
        assertFalse(owner.text().contains(INCIDENT_MODE), owner.text());
        assertTrue(owner.driver().findElements(By.id("enforcementBannerText")).isEmpty());
        assertTrue(owner.driver().findElements(By.id("scanForm:doorVERBAL")).isEmpty());
      } finally {
        if (!closed) {
          closeInTheDatabase(note);
        }
      }
    }
  }

  /**
   * The page could not close it: end it just after its last door check (in the past of the test
   * clock, which the database's own now() is not).
   */
  private static void closeInTheDatabase(String note) throws Exception {
    TestDatabase.update(
        "update incident i set ends_at = greatest(i.starts_at + interval '1 second',"
            + " (select max(v.visited_at) + interval '1 millisecond' from visit v"
            + " where v.incident_id = i.id)), closed_at = i.starts_at + interval '1 second'"
            + " where i.note = ? and i.ends_at is null",
        note);
  }
}
