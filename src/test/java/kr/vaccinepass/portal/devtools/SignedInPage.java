package kr.vaccinepass.portal.devtools;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person at the portal while the doors hammer it: signs in through the JSF form (GET the login
 * page, POST it back with its {@code jakarta.faces.ViewState} and the session cookie) and opens a
 * page that needs the sign-in, timing both. Its cookies are the session's and, behind a balancer,
 * the balancer's (the benchmark, the cluster test).
 */
public final class SignedInPage {
  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

  private final String base;
  private final HttpClient http;

  public SignedInPage(String base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** Signs in; answers the milliseconds it took (the form, the POST, the redirect's page). */
  public double signIn(String email, String password) throws IOException, InterruptedException {
    long start = System.nanoTime();
    HttpResponse<String> form = get("/public/login.xhtml");
    if (form.statusCode() != 200) {
      throw new IOException("login page: " + form.statusCode());
    }
    Matcher m = VIEW_STATE.matcher(form.body());
    if (!m.find()) {
      throw new IOException("no jakarta.faces.ViewState on the login page");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("loginForm", "loginForm");
    fields.put("loginForm:continue", "");
    fields.put("loginForm:email", email);
    fields.put("loginForm:password", password);
    fields.put("loginForm:submit", "");
    fields.put("jakarta.faces.ViewState", m.group(1).replace("&#58;", ":"));
    String body =
        fields.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpResponse<String> posted =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/public/login.xhtml"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String location = posted.headers().firstValue("Location").orElse(null);
    if (posted.statusCode() != 302 && posted.statusCode() != 303 || location == null) {
      throw new IOException("sign-in refused (" + posted.statusCode() + ")");
    }
    HttpResponse<String> home = get(URI.create(base).resolve(location).getRawPath());
    if (home.statusCode() != 200) {
      throw new IOException("home page after sign-in: " + home.statusCode());
    }
    return (System.nanoTime() - start) / 1e6;
  }

  /** Opens a page that needs the sign-in; answers the milliseconds, or fails if signed out. */
  public double open(String path) throws IOException, InterruptedException {
    long start = System.nanoTime();
    HttpResponse<String> page = get(path);
    double millis = (System.nanoTime() - start) / 1e6;
    if (page.statusCode() != 200 || page.body().contains("id=\"loginForm\"")) {
      throw new IOException(path + " did not open signed in (" + page.statusCode() + ")");
    }
    return millis;
  }

  /** A page with this person's cookies, as it came (no redirect followed). */
  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
