package kr.vaccinepass.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import kr.vaccinepass.portal.demo.DemoData;
import kr.vaccinepass.portal.testsupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The owner pairs a door from the devices page: a QR code for another device (with its warning)
 * that reads as the door app's address with a key in the fragment, and this browser sent to the
 * door app with its own key in the fragment, never in a query string. The door, reporting with that
 * key, shows as offline on the owner's page and in the administrators' doors per 시군구.
 */
class DoorPairingJourneyIT extends BrowserJourney {
  /** The demo owner's alphabetically first facility, in 강남구: the first row to pair. */
  private static final String FIRST = "강남 스포츠센터";

  @Test
  void theOwnerPairsThisBrowserAndTheDoorsStateReachesTheAdministrators() throws Exception {
    try (Browser browser = Browser.open(base)) {
      browser.signIn(DemoData.OWNER_EMAIL, DemoData.OWNER_PASSWORD);
      browser.go("/owner/devices.xhtml").waitForText("출입문 앱 연결");
      assertTrue(
          browser.id("pairForm:pairFacilities:0:pairHere").getText().contains("이 브라우저를 출입문으로 연결"));
      assertTrue(browser.text().contains(FIRST), browser.text());

      // a QR code for a second device: the same address, with a warning
      browser.click("pairForm:pairFacilities:0:pairQr").waitForAjax();
      browser.waitForText("이 QR을 스캔하는 사람은 누구나 이 시설의 출입문 앱을 열 수 있습니다");
      String qr = read(browser.id("pairForm:pairingQr").getAttribute("src"));
      String door = base.toString().replaceAll("/$", "") + "/door/#pair=vpd_";
      assertTrue(qr.startsWith(door), qr + " is not under " + door);
      assertFalse(qr.contains("?"), "no query string: " + qr);
      screenshot(browser, "devices-pairing-qr.png");

      // this browser: sent to the door app with the key in the fragment. Scripts are off for the
      // landing, so that a door app which takes the key out of the address cannot hide it here.
      ChromeDriver chrome = (ChromeDriver) browser.driver();
      chrome.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
      browser.id("pairForm:pairFacilities:0:pairHere").click();
      browser.waitFor(d -> d.getCurrentUrl().contains("/door/") ? true : null);
      String landed = browser.driver().getCurrentUrl();
      chrome.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
      URI url = URI.create(landed);
      assertTrue(url.getPath().endsWith("/door/"), landed);
      assertEquals(null, url.getQuery(), "the key is in no query string");
      assertTrue(("#" + url.getRawFragment()).startsWith("#pair=vpd_"), landed);
      String secret = url.getRawFragment().substring("pair=".length());
      assertFalse(qr.endsWith(secret), "the QR code's key is another key");

      // the door reports with that key: offline, three visits queued
      HttpResponse<String> put = reportOffline(secret);
      assertEquals(204, put.statusCode(), put.body());

      browser.go("/owner/devices.xhtml").waitForAjax();
      assertTrue(browser.id("deviceForm:facility_label").getText().contains(FIRST));
      WebElement row = row(browser, secret.substring(0, 10));
      assertEquals("오프라인", row.findElement(By.cssSelector("[id$=':doorState']")).getText());
      assertEquals("3건", row.findElement(By.cssSelector("[id$=':queued']")).getText());
      assertEquals("방금", row.findElement(By.cssSelector("[id$=':lastSeen']")).getText());
      assertTrue(row.getText().contains("출입문 앱"), row.getText());
      ((org.openqa.selenium.JavascriptExecutor) browser.driver())
          .executeScript("arguments[0].scrollIntoView({block: 'center'});", row);
      screenshot(browser, "devices-door-state.png");

      // the administrators: 강남구 counts a degraded door and its queued visits
      browser.click("userForm:signOut").waitForPath("/public/index.xhtml");
      browser.signIn(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
      browser.go("/admin/dashboard.xhtml").waitForText("출입문 상태 (시군구별)");
      String panel = browser.id("doorRegions").getText();
      assertTrue(panel.contains("서울특별시 강남구"), panel);
      assertFalse(panel.contains("24시간 안에 보고한 출입문이 없습니다"), panel);
      assertFalse(browser.text().contains("???"), browser.text());
      browser.id("doorRegions:doorsChart");
      screenshot(browser, "admin-dashboard-doors.png");
    }
  }

  /** A picture of the page for a reviewer, under target/screenshots. */
  private static void screenshot(Browser browser, String name) throws java.io.IOException {
    java.nio.file.Path shot = java.nio.file.Path.of("target", "screenshots", name);
    java.nio.file.Files.createDirectories(shot.getParent());
    java.nio.file.Files.write(
        shot,
        ((org.openqa.selenium.TakesScreenshot) browser.driver())
            .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
  }

  /** The device-key row whose prefix is shown, on the devices page. */
  private static WebElement row(Browser browser, String prefix) {
    return browser.waitFor(
        d ->
            d.findElements(By.cssSelector("[id='deviceForm:keys'] tbody tr")).stream()
                .filter(r -> r.getText().contains(prefix))
                .findFirst()
                .orElse(null));
  }

  private HttpResponse<String> reportOffline(String secret) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(base.toString().replaceAll("/$", "") + "/api/v1/door/state"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Device " + secret)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"mode\":\"OFFLINE\",\"queued\":3}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** The text of a QR code given as a data: PNG. */
  private static String read(String dataUri) throws Exception {
    assertTrue(dataUri.startsWith("data:image/png;base64,"), dataUri);
    BufferedImage image =
        ImageIO.read(
            new ByteArrayInputStream(
                Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1))));
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    return new QRCodeReader()
        .decode(
            new BinaryBitmap(
                new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
        .getText();
  }
}
