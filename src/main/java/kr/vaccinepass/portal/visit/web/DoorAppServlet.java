package kr.vaccinepass.portal.visit.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;

/**
 * The door app's words and its web app manifest (docs/door.md section 5), from the portal's ko/en
 * bundles, so the app, which is plain HTML and JavaScript, shows the same texts as the portal's
 * pages. Public on purpose (web.xml): the words of a public app hold no secret, and a door fetches
 * them without a session; its service worker keeps both languages for the day the portal is away.
 */
@WebServlet(urlPatterns = {DoorAppServlet.TEXTS, DoorAppServlet.MANIFEST})
public class DoorAppServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  static final String TEXTS = "/door/texts.json";
  static final String MANIFEST = "/door/manifest.webmanifest";
  static final String BUNDLE = "kr.vaccinepass.portal.i18n.messages";

  /** The bundle keys the door shows: its own, and the scanner's answers, reasons and parties. */
  static final List<String> PREFIXES =
      List.of("door.", "scanner.result.", "pass.reason.", "party.");

  static final List<String> KEYS =
      List.of(
          "scanner.party",
          "scanner.party.hint",
          "scanner.token",
          "scanner.token.hint",
          "scanner.check",
          "scanner.camera",
          "scanner.camera.unavailable",
          "scanner.ready",
          "scanner.replayedHint",
          "scanner.soloDinerHint",
          "lang.ko",
          "lang.en");

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Locale locale = locale(request.getParameter("lang"), request.getLocale());
    boolean manifest = request.getServletPath().equals(MANIFEST);
    JsonObject body = manifest ? manifest(locale) : texts(locale);
    response.setContentType(
        manifest ? "application/manifest+json;charset=UTF-8" : "application/json;charset=UTF-8");
    // the service worker keeps its own copy; the browser asks again each time it is online
    response.setHeader("Cache-Control", "no-cache");
    response.getOutputStream().write(body.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Korean unless English is asked for, by the parameter or else by the browser. */
  static Locale locale(String lang, Locale browser) {
    if (lang != null) {
      return "en".equals(lang) ? Locale.ENGLISH : Locale.KOREAN;
    }
    return browser != null && "en".equals(browser.getLanguage()) ? Locale.ENGLISH : Locale.KOREAN;
  }

  static JsonObject texts(Locale locale) {
    ResourceBundle bundle = bundle(locale);
    TreeSet<String> keys = new TreeSet<>(KEYS);
    for (String key : bundle.keySet()) {
      if (PREFIXES.stream().anyMatch(key::startsWith)) {
        keys.add(key);
      }
    }
    JsonObjectBuilder json = Json.createObjectBuilder();
    keys.forEach(key -> json.add(key, bundle.getString(key)));
    return json.build();
  }

  static JsonObject manifest(Locale locale) {
    ResourceBundle bundle = bundle(locale);
    return Json.createObjectBuilder()
        .add("name", bundle.getString("door.app.name"))
        .add("short_name", bundle.getString("door.app.shortName"))
        .add("description", bundle.getString("door.app.description"))
        .add("lang", locale.getLanguage())
        .add("id", "./")
        .add("start_url", "./")
        .add("scope", "./")
        .add("display", "standalone")
        .add("orientation", "portrait")
        .add("background_color", "#f4f6f8")
        .add("theme_color", "#0b5394")
        .add(
            "icons",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("src", "icon.svg")
                        .add("sizes", "any")
                        .add("type", "image/svg+xml")
                        .add("purpose", "any")))
        .build();
  }

  private static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(BUNDLE, locale, DoorAppServlet.class.getClassLoader());
  }
}
