package kr.vaccinepass.portal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kr.vaccinepass.portal.demo.DemoData;
import kr.vaccinepass.portal.testsupport.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sign-in, the session and the headers, over plain HTTP against the portal as built. The test
 * server trusts 127.0.0.1 as a proxy (arquillian.xml: portal.security.trustedProxies), so each
 * "browser" here names its own client address in X-Forwarded-For.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInOverHttpIT {
  private static final String FAILED = "이메일 또는 비밀번호가 올바르지 않습니다.";
  private static final Pattern SLOW_DOWN = Pattern.compile("로그인 실패가 많습니다\\. (\\d+)초 후에");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  private static int nextAddress = 10;

  /** A browser of its own: one cookie, one client address. */
  final class Visitor {
    final HttpClient http =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final String address;
    String session;
    String forwardedProto;

    Visitor() {
      this.address = "198.51.100." + (nextAddress++);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return send(request(path).GET());
    }

    HttpResponse<String> post(String path, Map<String, String> form)
        throws IOException, InterruptedException {
      String body =
          form.entrySet().stream()
              .map(
                  e ->
                      URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return send(
          request(path)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(base.toString() + path.substring(1)))
              .header("X-Forwarded-For", address)
              .header("Accept-Language", "ko-KR");
      if (session != null) {
        b.header("Cookie", "JSESSIONID=" + session);
      }
      if (forwardedProto != null) {
        b.header("X-Forwarded-Proto", forwardedProto);
      }
      return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder b)
        throws IOException, InterruptedException {
      HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      sessionCookie(response).ifPresent(c -> session = c.split(";", 2)[0].split("=", 2)[1]);
      return response;
    }

    /** Posts the sign-in form as a browser does: the page first, then its form. */
    HttpResponse<String> signIn(String email, String password)
        throws IOException, InterruptedException {
      HttpResponse<String> page = get("/public/login.xhtml");
      assertEquals(200, page.statusCode());
      Map<String, String> form = hiddenInputs(page.body());
      // what PrimeFaces' script adds to a form it submits under the CSP
      Matcher nonce =
          Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)").matcher(page.body());
      assertTrue(nonce.find(), "the page's CSP nonce");
      form.put("primefaces.nonce", nonce.group(1));
      form.put("loginForm:email", email);
      form.put("loginForm:password", password);
      form.put("loginForm:submit", "");
      HttpResponse<String> response = post("/public/login.xhtml", form);
      if (response.statusCode() != 302 && response.body().isBlank()) {
        throw new AssertionError(
            "an empty answer to the sign-in: " + response.statusCode() + " " + response.headers());
      }
      return response;
    }
  }

  static Optional<String> sessionCookie(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .findFirst();
  }

  static Map<String, String> hiddenInputs(String html) {
    Map<String, String> inputs = new LinkedHashMap<>();
    Matcher form =
        Pattern.compile("<form id=\"loginForm\".*?</form>", Pattern.DOTALL).matcher(html);
    assertTrue(form.find(), "the sign-in form");
    Matcher input = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>").matcher(form.group());
    while (input.find()) {
      String tag = input.group();
      Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(tag);
      Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(tag);
      if (name.find()) {
        inputs.put(name.group(1), value.find() ? value.group(1).replace("&amp;", "&") : "");
      }
    }
    assertTrue(inputs.containsKey("jakarta.faces.ViewState"), "the view state: " + inputs);
    return inputs;
  }

  private static void assertSignedIn(HttpResponse<String> response, String home) {
    assertEquals(302, response.statusCode(), response.body());
    assertTrue(
        response.headers().firstValue("Location").orElse("").endsWith(home),
        response.headers().toString());
  }

  private static void assertSentToSignIn(HttpResponse<String> response) {
    assertEquals(302, response.statusCode(), response.body());
    assertTrue(
        response.headers().firstValue("Location").orElse("").contains("/public/login.xhtml"),
        response.headers().toString());
  }

  @ParameterizedTest(name = "{0}: the session id changes at sign-in, the old one is worth nothing")
  @CsvSource({
    DemoData.OWNER_EMAIL + "," + DemoData.OWNER_PASSWORD + ",/owner/dashboard.xhtml",
    DemoData.INSPECTOR_EMAIL + "," + DemoData.INSPECTOR_PASSWORD + ",/inspector/dashboard.xhtml",
    DemoData.ADMIN_EMAIL + "," + DemoData.ADMIN_PASSWORD + ",/admin/dashboard.xhtml"
  })
  void theSessionIdChangesAtSignIn(String email, String password, String home) throws Exception {
    Visitor visitor = new Visitor();
    visitor.get("/public/login.xhtml");
    String planted = visitor.session;
    assertNotNull(planted, "the sign-in page holds a form, so it has a session");

    HttpResponse<String> signedIn = visitor.signIn(email, password);
    assertSignedIn(signedIn, home);
    assertTrue(sessionCookie(signedIn).isPresent(), "a new session cookie at sign-in");
    assertNotEquals(planted, visitor.session);

    HttpResponse<String> dashboard = visitor.get(home);
    assertEquals(200, dashboard.statusCode());
    assertTrue(dashboard.body().contains("userForm:signOut"), "signed in on the new id");

    Visitor attacker = new Visitor();
    attacker.session = planted;
    assertSentToSignIn(attacker.get(home));
  }

  @Test
  void aWrongPasswordLeavesTheSessionUsable() throws Exception {
    Visitor visitor = new Visitor();
    HttpResponse<String> failed = visitor.signIn(DemoData.OWNER_EMAIL, "wrong-password-1");
    assertTrue(failed.body().contains(FAILED), failed.body());

    HttpResponse<String> protectedPage = visitor.get("/owner/dashboard.xhtml");
    assertSentToSignIn(protectedPage);
    HttpResponse<String> login = visitor.get("/public/login.xhtml");
    assertEquals(200, login.statusCode());
    assertTrue(login.body().contains("loginForm"), "the sign-in page, not an empty page");

    assertSignedIn(
        visitor.signIn(DemoData.OWNER_EMAIL, DemoData.OWNER_PASSWORD), "/owner/dashboard.xhtml");
    HttpResponse<String> dashboard = visitor.get("/owner/facilities.xhtml");
    assertEquals(200, dashboard.statusCode());
    assertTrue(dashboard.body().contains("종로 한옥카페"), "the owner's facilities");
  }

  @Test
  void anAttackerElsewhereCannotLockTheAdministratorOut() throws Exception {
    Visitor attacker = new Visitor();
    for (int i = 0; i < 8; i++) {
      String body = attacker.signIn(DemoData.ADMIN_EMAIL, "guess-" + i).body();
      assertTrue(body.contains(FAILED) || SLOW_DOWN.matcher(body).find(), body);
    }
    Visitor admin = new Visitor();
    assertSignedIn(
        admin.signIn(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD), "/admin/dashboard.xhtml");
  }

  @Test
  void theSlowDownGrowsPerAccountAndAddress() throws Exception {
    Visitor visitor = new Visitor();
    for (int i = 1; i <= 5; i++) {
      String body = visitor.signIn(DemoData.INSPECTOR_EMAIL, "wrong-" + i).body();
      assertTrue(body.contains(FAILED), "free failure " + i + ": " + body);
    }
    assertTrue(visitor.signIn(DemoData.INSPECTOR_EMAIL, "wrong-6").body().contains(FAILED));
    assertEquals(1, slowDown(visitor.signIn(DemoData.INSPECTOR_EMAIL, "wrong-7").body()));
    Thread.sleep(1100);
    assertTrue(visitor.signIn(DemoData.INSPECTOR_EMAIL, "wrong-8").body().contains(FAILED));
    assertEquals(
        2,
        slowDown(visitor.signIn(DemoData.INSPECTOR_EMAIL, DemoData.INSPECTOR_PASSWORD).body()),
        "even the right password waits, from this address");

    Visitor elsewhere = new Visitor();
    assertSignedIn(
        elsewhere.signIn(DemoData.INSPECTOR_EMAIL, DemoData.INSPECTOR_PASSWORD),
        "/inspector/dashboard.xhtml");
    Thread.sleep(2100);
    assertSignedIn(
        visitor.signIn(DemoData.INSPECTOR_EMAIL, DemoData.INSPECTOR_PASSWORD),
        "/inspector/dashboard.xhtml");
  }

  @Test
  void theSlowDownGrowsPerAddressForEveryAccount() throws Exception {
    Visitor crowd = new Visitor();
    for (int i = 1; i <= 21; i++) {
      String body = crowd.signIn("nobody" + i + "@example.kr", "wrong-password").body();
      assertTrue(body.contains(FAILED), "failure " + i + ": " + body);
    }
    int first = slowDown(crowd.signIn("somebody@example.kr", "wrong-password").body());
    assertEquals(1, first);
    Visitor elsewhere = new Visitor();
    assertSignedIn(
        elsewhere.signIn(DemoData.OWNER_EMAIL, DemoData.OWNER_PASSWORD), "/owner/dashboard.xhtml");
    Thread.sleep(1100);
    assertTrue(crowd.signIn("nobody22@example.kr", "wrong-password").body().contains(FAILED));
    assertEquals(2, slowDown(crowd.signIn("nobody23@example.kr", "wrong-password").body()));
  }

  private static int slowDown(String body) {
    Matcher m = SLOW_DOWN.matcher(body);
    assertTrue(m.find(), "a slow-down message: " + body);
    return Integer.parseInt(m.group(1));
  }

  @Test
  void publicPagesAndResourcesCreateNoSession() throws Exception {
    Visitor visitor = new Visitor();
    for (String path :
        List.of(
            "/",
            "/public/index.xhtml",
            "/public/enforcement.xhtml",
            "/jakarta.faces.resource/portal/portal.css.xhtml",
            "/jakarta.faces.resource/core.js.xhtml?ln=primefaces")) {
      HttpResponse<String> response = visitor.get(path);
      assertTrue(response.statusCode() < 400, path + " " + response.statusCode());
      assertTrue(sessionCookie(response).isEmpty(), path + ": " + response.headers());
      assertTrue(response.headers().firstValue("Content-Security-Policy").isPresent(), path);
      assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
    }
  }

  @Test
  void everyPageCarriesTheSecurityHeaders() throws Exception {
    Visitor anonymous = new Visitor();
    HttpResponse<String> landing = anonymous.get("/public/index.xhtml");
    assertPageHeaders(landing, "camera=()");
    String csp = landing.headers().allValues("Content-Security-Policy").get(0);
    assertEquals(1, landing.headers().allValues("Content-Security-Policy").size(), "one policy");
    assertTrue(csp.matches(".*script-src 'self' 'nonce-[^']+'.*"), csp);
    assertFalse(csp.contains("unsafe-eval"), csp);
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);

    Visitor owner = new Visitor();
    assertSignedIn(
        owner.signIn(DemoData.OWNER_EMAIL, DemoData.OWNER_PASSWORD), "/owner/dashboard.xhtml");
    assertPageHeaders(owner.get("/owner/dashboard.xhtml"), "camera=()");
    assertPageHeaders(owner.get("/owner/scanner.xhtml"), "camera=(self)");
  }

  private static void assertPageHeaders(HttpResponse<String> page, String camera) {
    assertEquals(200, page.statusCode(), page.uri().toString());
    var h = page.headers();
    assertEquals(1, h.allValues("Content-Security-Policy").size(), h.toString());
    assertTrue(h.firstValue("Content-Security-Policy").get().contains("'nonce-"), h.toString());
    assertEquals("DENY", h.firstValue("X-Frame-Options").orElse(""));
    assertEquals("nosniff", h.firstValue("X-Content-Type-Options").orElse(""));
    assertEquals("same-origin", h.firstValue("Referrer-Policy").orElse(""));
    String permissions = h.firstValue("Permissions-Policy").orElse("");
    assertTrue(permissions.contains(camera), page.uri() + ": " + permissions);
  }

  @Test
  void theSessionCookieIsSameSiteAndSecureOverHttps() throws Exception {
    Visitor plain = new Visitor();
    String cookie = sessionCookie(plain.get("/public/login.xhtml")).orElseThrow();
    assertTrue(cookie.contains("SameSite=Lax"), cookie);
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertFalse(cookie.toLowerCase().contains("secure"), cookie);

    Visitor viaTls = new Visitor();
    viaTls.forwardedProto = "https";
    HttpResponse<String> page = viaTls.get("/public/login.xhtml");
    String secure = sessionCookie(page).orElseThrow();
    assertTrue(secure.toLowerCase().contains("; secure"), secure);
    assertTrue(secure.contains("SameSite=Lax"), secure);
    assertTrue(page.headers().firstValue("Strict-Transport-Security").isPresent());
    HttpResponse<String> signedIn = viaTls.signIn(DemoData.OWNER_EMAIL, DemoData.OWNER_PASSWORD);
    String renewed = sessionCookie(signedIn).orElseThrow();
    assertTrue(
        renewed.toLowerCase().contains("; secure") && renewed.contains("SameSite=Lax"), renewed);
  }
}
