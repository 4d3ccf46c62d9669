package kr.vaccinepass.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import kr.vaccinepass.portal.demo.DemoData;
import kr.vaccinepass.portal.testsupport.Browser;
import kr.vaccinepass.portal.testsupport.TestData;
import kr.vaccinepass.portal.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Bad input in the address or the body gets the portal's own pages and messages, never an empty
 * page, a server's plain page or an exception's text: ids that are not ids, an owner without a
 * facility, a multipart body where no upload exists, a photo over the limit.
 */
class BadInputJourneyIT extends BrowserJourney {
  private static final String NOT_FOUND = "페이지를 찾을 수 없음";
  private static final String BOUNDARY = "----portal-test-boundary";

  @Test
  void idsThatAreNotIdsAnswerThePortals404Page() throws Exception {
    try (Browser browser = Browser.open(base)) {
      browser
          .signIn(DemoData.INSPECTOR_EMAIL, DemoData.INSPECTOR_PASSWORD)
          .waitForPath("/inspector/dashboard.xhtml");
      for (String page :
          new String[] {
            "/inspector/case.xhtml?id=abc",
            "/inspector/facility.xhtml?id=1%20or%201=1",
            "/inspector/evidence/photo?id=abc",
            "/inspector/evidence/photo",
            "/inspector/evidence/photo?id=999999999"
          }) {
        browser.go(page).waitForText(NOT_FOUND);
        assertTrue(browser.text().contains("방역패스 포털"), page + ": in the portal's layout");
        assertFalse(browser.text().contains("Exception"), page + ": " + browser.text());
        HttpResponse<String> plain = get(browser, page);
        assertEquals(404, plain.statusCode(), page);
        assertTrue(plain.body().contains(NOT_FOUND), page + ": " + plain.body());
      }
    }
  }

  @Test
  void anOwnerWithoutAFacilityIsToldSoOnTheDevicesPage() throws Exception {
    String email = TestData.email("nofacility");
    try (Browser browser = Browser.open(base)) {
      browser.go("/public/signup.xhtml");
      browser
          .type("signupForm:email", email)
          .type("signupForm:name", "시설 없는 사업주")
          .type("signupForm:phone", "010-3333-4444")
          .type("signupForm:password", TestData.PASSWORD)
          .type("signupForm:passwordConfirmation", TestData.PASSWORD)
          .click("signupForm:submit")
          .waitForPath("/public/login.xhtml");
      browser.signIn(email, TestData.PASSWORD).waitForPath("/owner/");
      browser.go("/owner/devices.xhtml").waitForText("출입 단말기");
      browser.type("deviceForm:label", "입구 단말기");
      browser.click("deviceForm:create").waitForText("먼저 시설을 등록하세요.");
      String page = browser.driver().getPageSource();
      assertFalse(page.contains("Exception") || page.contains("longValue"), page);
      assertFalse(browser.text().contains("요청을 처리하지 못했습니다"), "no unexpected error");
    }
  }

  @Test
  void anAjaxFailureAnswersNoExceptionText() throws Exception {
    // a view state that was never issued: the view cannot be restored (ViewExpiredException)
    String form =
        "jakarta.faces.partial.ajax=true&jakarta.faces.source=loginForm%3Asubmit"
            + "&jakarta.faces.partial.execute=%40all&jakarta.faces.partial.render=%40all"
            + "&loginForm=loginForm&jakarta.faces.ViewState=not-a-view-state";
    HttpResponse<String> r =
        http()
            .send(
                request(null, "/public/login.xhtml")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Faces-Request", "partial/ajax")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertTrue(r.body().contains("partial-response"), r.statusCode() + " " + r.body());
    for (String leak : new String[] {"Exception", "could not be restored", "not-a-view-state"}) {
      assertFalse(r.body().contains(leak), leak + " in " + r.body());
    }
  }

  @Test
  void aMultipartBodyIsRefusedWhereNoUploadExists() throws Exception {
    // nobody signed in: the sign-in page takes no file
    HttpResponse<String> anonymous = send(null, "/public/login.xhtml", multipart(100), false);
    assertEquals(415, anonymous.statusCode());
    assertTrue(anonymous.body().contains("이 화면에는 파일을 올릴 수 없습니다."), anonymous.body());

    try (Browser browser = Browser.open(base)) {
      browser
          .signIn(DemoData.INSPECTOR_EMAIL, DemoData.INSPECTOR_PASSWORD)
          .waitForPath("/inspector/dashboard.xhtml");
      // an inspector, on a page without an upload
      HttpResponse<String> elsewhere =
          send(browser, "/inspector/dashboard.xhtml", multipart(100), false);
      assertEquals(415, elsewhere.statusCode());
      assertTrue(elsewhere.body().contains("이 화면에는 파일을 올릴 수 없습니다."), elsewhere.body());
      // on the upload page, more than a photo's limit: refused before it is read
      byte[] large = multipart(6 * 1024 * 1024);
      HttpResponse<String> tooLarge = send(browser, "/inspector/case.xhtml", large, false);
      assertEquals(413, tooLarge.statusCode());
      assertTrue(tooLarge.body().contains("5MB 이하만 첨부할 수 있습니다"), tooLarge.body());
      HttpResponse<String> ajax = send(browser, "/inspector/case.xhtml", large, true);
      assertEquals(200, ajax.statusCode());
      assertTrue(ajax.body().contains("/error/upload.xhtml?reason=tooLarge"), ajax.body());
    }
  }

  @Test
  void aPhotoOverTheLimitIsRefusedOnTheCasePage() throws Exception {
    String name = "종로 업로드시험 노래방 " + ThreadLocalRandom.current().nextInt(1_000_000);
    long facilityId =
        TestDatabase.createFacility(name, "KARAOKE", DemoData.JONGNO, DemoData.OWNER_EMAIL);
    Path justOver = Files.createTempFile("evidence", ".png");
    Path far = Files.createTempFile("evidence", ".png");
    Path huge = Files.createTempFile("evidence", ".png");
    try (Browser browser = Browser.open(base)) {
      startInspection(browser, facilityId, name, "업로드 점검");
      logOperatorCase(browser, "2022-01-05 12:00");
      String casePage = browser.path();

      // a little over 5 MB: the page says so next to the field, and the case stays open
      Files.write(justOver, new byte[5 * 1024 * 1024 + 1024]);
      photoInput(browser).sendKeys(justOver.toString());
      browser.click("evidenceForm:attach").waitForText("사진은 5MB 이하만 첨부할 수 있습니다.");
      assertTrue(browser.path().startsWith("/inspector/case.xhtml"), browser.path());

      // beyond what the server reads at all: the page says so (or the server's answer arrived)
      Files.write(huge, new byte[12 * 1024 * 1024]);
      photoInput(browser).sendKeys(huge.toString());
      browser.click("evidenceForm:attach");
      browser.waitFor(
          d ->
              browser.text().contains("사진을 올리지 못했습니다")
                  || browser.text().contains("증거 사진은 5MB 이하만 첨부할 수 있습니다."));
      browser.go(casePage).waitForText("증거 사진");

      // far over: refused unparsed, with the portal's page saying why
      Files.write(far, new byte[8 * 1024 * 1024]);
      photoInput(browser).sendKeys(far.toString());
      browser.click("evidenceForm:attach").waitForPath("/error/upload.xhtml");
      browser.waitForText("증거 사진은 5MB 이하만 첨부할 수 있습니다.");
    } finally {
      Files.deleteIfExists(justOver);
      Files.deleteIfExists(far);
      Files.deleteIfExists(huge);
    }
  }

  @Test
  void aNoticeDownloadPostedForAnotherCaseAnswersThe404Page() throws Exception {
    String name = "종로 통지서시험 노래방 " + ThreadLocalRandom.current().nextInt(1_000_000);
    long facilityId =
        TestDatabase.createFacility(name, "KARAOKE", DemoData.JONGNO, DemoData.OWNER_EMAIL);
    try (Browser browser = Browser.open(base)) {
      startInspection(browser, facilityId, name, "통지서 점검");
      logOperatorCase(browser, "2022-01-05 12:00");
      browser.click("priorNoticeForm:send").waitForText("사전통지를 발송했습니다.");
      browser.id("documentsForm:priorNoticePdf");
      String url = browser.driver().getCurrentUrl();
      long caseId = Long.parseLong(url.replaceAll(".*[?&]id=(\\d+).*", "$1"));
      String viewState =
          browser
              .driver()
              .findElements(By.name("jakarta.faces.ViewState"))
              .get(0)
              .getAttribute("value");

      // the crafted form itself is right: for the page's own case it answers the PDF
      HttpResponse<String> own = downloadPriorNotice(browser, caseId, viewState);
      assertEquals(200, own.statusCode(), own.body());
      assertTrue(
          own.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"),
          own.headers().toString());

      // the case now belongs to 강남구; and an id that does not exist
      TestDatabase.update(
          "update violation set sigungu_code = ? where id = ?", DemoData.GANGNAM, caseId);
      for (long id : new long[] {caseId, 999_999_999L}) {
        HttpResponse<String> refused = downloadPriorNotice(browser, id, viewState);
        assertEquals(404, refused.statusCode(), id + ": " + refused.body());
        assertTrue(refused.body().contains(NOT_FOUND), id + ": " + refused.body());
        assertFalse(refused.body().contains("일시적인 오류"), id + ": " + refused.body());
        assertFalse(refused.body().contains("%PDF"), id + ": no notice");
      }
    }
  }

  @Test
  void aFacilityNameAndAddressPastTheirLimitAreRefusedNotCut() throws Exception {
    String name = "종로 길이시험 카페 " + ThreadLocalRandom.current().nextInt(1_000_000);
    long facilityId =
        TestDatabase.createFacility(name, "RESTAURANT_CAFE", DemoData.JONGNO, DemoData.OWNER_EMAIL);
    try (Browser browser = Browser.open(base)) {
      browser
          .signIn(DemoData.OWNER_EMAIL, DemoData.OWNER_PASSWORD)
          .waitForPath("/owner/dashboard.xhtml");
      browser.go("/owner/facility-form.xhtml?id=" + facilityId).waitForText("시설 정보 수정");
      // past the fields' maxlength, as a script or a pasted form sends it
      ((org.openqa.selenium.JavascriptExecutor) browser.driver())
          .executeScript(
              "arguments[0].value = '카'.repeat(100000); arguments[1].value = '서'.repeat(100000);",
              browser.id("facilityForm:name"),
              browser.id("facilityForm:roadAddress"));
      browser.click("facilityForm:save").waitForText("시설명은 100자 이하로 입력하세요.");
      browser.waitForText("주소는 200자 이하로 입력하세요.");
      assertFalse(browser.text().contains("저장했습니다"), browser.text());
    }
    try (var db = TestDatabase.connect();
        var query = db.prepareStatement("select name, road_address from facility where id = ?")) {
      query.setLong(1, facilityId);
      try (var row = query.executeQuery()) {
        assertTrue(row.next());
        assertEquals(name, row.getString(1), "the name is not cut to 100 and stored");
        assertFalse(row.getString(2).startsWith("서서서"), "nor the address");
      }
    }
  }

  /** The case page's prior-notice download, posted as the browser would (not AJAX). */
  private HttpResponse<String> downloadPriorNotice(Browser browser, long caseId, String viewState)
      throws Exception {
    String form =
        "documentsForm=documentsForm&documentsForm%3ApriorNoticePdf="
            + "&jakarta.faces.ViewState="
            + java.net.URLEncoder.encode(viewState, StandardCharsets.UTF_8);
    return http()
        .send(
            request(browser, "/inspector/case.xhtml?id=" + caseId)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static org.openqa.selenium.WebElement photoInput(Browser browser) {
    browser.waitForAjax();
    return browser.driver().findElement(By.id("evidenceForm:photo_input"));
  }

  /** A multipart body with one file part of that many bytes. */
  private static byte[] multipart(int fileBytes) {
    String head =
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
            + "Content-Type: image/png\r\n\r\n";
    String tail = "\r\n--" + BOUNDARY + "--\r\n";
    byte[] h = head.getBytes(StandardCharsets.UTF_8);
    byte[] t = tail.getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[h.length + fileBytes + t.length];
    System.arraycopy(h, 0, body, 0, h.length);
    System.arraycopy(t, 0, body, h.length + fileBytes, t.length);
    return body;
  }

  private HttpResponse<String> get(Browser browser, String path) throws Exception {
    return http()
        .send(
            request(browser, path).GET().build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(Browser browser, String path, byte[] body, boolean ajax)
      throws Exception {
    HttpRequest.Builder request =
        request(browser, path)
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (ajax) {
      request.header("Faces-Request", "partial/ajax");
    }
    try {
      return http()
          .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new AssertionError("the refusal was not read: " + e, e);
    }
  }

  /** A request to the portal as the browser's signed-in user (its cookies), or nobody. */
  private HttpRequest.Builder request(Browser browser, String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
            .header("Accept-Language", "ko");
    if (browser != null) {
      request.header(
          "Cookie",
          browser.driver().manage().getCookies().stream()
              .map(c -> c.getName() + "=" + c.getValue())
              .collect(Collectors.joining("; ")));
    }
    return request;
  }

  private static HttpClient http() {
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }
}
