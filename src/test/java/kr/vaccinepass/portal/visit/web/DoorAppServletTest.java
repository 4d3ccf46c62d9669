package kr.vaccinepass.portal.visit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kr.vaccinepass.portal.pass.domain.DiningParty;
import kr.vaccinepass.portal.pass.domain.PassReason;
import kr.vaccinepass.portal.visit.domain.CheckinCode;
import kr.vaccinepass.portal.visit.domain.DoorMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every word the door app shows is in both bundles' texts, and its manifest names the app. */
class DoorAppServletTest {
  private static final Path DOOR = Path.of("src/main/webapp/door");

  /** The literal keys the app asks for: t("…") in its script, data-text="…" in its page. */
  private static Set<String> literalKeys() throws IOException {
    Set<String> keys = new TreeSet<>();
    collect(Files.readString(DOOR.resolve("door.js")), "\\bt\\(\"([a-zA-Z0-9_.]+)\"", keys);
    collect(Files.readString(DOOR.resolve("door.js")), "\"(door\\.[a-zA-Z0-9_.]+)\"", keys);
    collect(Files.readString(DOOR.resolve("index.html")), "data-text=\"([^\"]+)\"", keys);
    return keys;
  }

  private static void collect(String text, String regex, Set<String> into) {
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      into.add(m.group(1));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ko", "en"})
  void everyKeyTheAppUsesIsServed(String lang) throws IOException {
    JsonObject texts = DoorAppServlet.texts(Locale.forLanguageTag(lang));
    Set<String> keys = literalKeys();
    assertTrue(keys.size() > 30, "the app's keys were found: " + keys);
    Stream.of(CheckinCode.values()).map(c -> "scanner.result." + c.name()).forEach(keys::add);
    Stream.of(PassReason.values()).map(r -> "pass.reason." + r.name()).forEach(keys::add);
    Stream.of(DiningParty.values()).map(p -> "party." + p.name()).forEach(keys::add);
    Stream.of(DoorMode.values()).map(m -> "door.mode." + m.name()).forEach(keys::add);
    Stream.of("STALE", "UNPAIRED").map(m -> "door.mode." + m).forEach(keys::add);
    for (String key : keys) {
      assertTrue(texts.containsKey(key), lang + " serves " + key);
      assertFalse(texts.getString(key).isBlank(), lang + " " + key + " says something");
    }
  }

  @Test
  void theTwoLanguagesDiffer() {
    assertFalse(
        DoorAppServlet.texts(Locale.KOREAN)
            .getString("door.title")
            .equals(DoorAppServlet.texts(Locale.ENGLISH).getString("door.title")));
  }

  @ParameterizedTest(name = "lang={0}, browser={1}: {2}")
  @CsvSource({
    "en, ko, en",
    "ko, en, ko",
    "xx, en, ko",
    ", en, en",
    ", ko, ko",
    ", fr, ko",
    ", , ko"
  })
  void theLanguageIsKoreanUnlessEnglishIsAsked(String lang, String browser, String expected) {
    Locale chosen =
        DoorAppServlet.locale(lang, browser == null ? null : Locale.forLanguageTag(browser));
    assertEquals(expected, chosen.getLanguage());
  }

  @Test
  void theManifestMakesTheDoorInstallable() {
    JsonObject manifest = DoorAppServlet.manifest(Locale.KOREAN);
    assertEquals("방역패스 출입문", manifest.getString("name"));
    assertEquals("./", manifest.getString("start_url"));
    assertEquals("./", manifest.getString("scope"));
    assertEquals("standalone", manifest.getString("display"));
    assertEquals("icon.svg", manifest.getJsonArray("icons").getJsonObject(0).getString("src"));
    assertTrue(Files.exists(DOOR.resolve("icon.svg")));
  }

  /** The service worker keeps every file the page loads, so the door starts with no portal. */
  @Test
  void theServiceWorkerKeepsWhatThePageLoads() throws IOException {
    String worker = Files.readString(DOOR.resolve("sw.js"));
    Set<String> loaded = new TreeSet<>();
    collect(Files.readString(DOOR.resolve("index.html")), "(?:src|href)=\"([^\"#]+)\"", loaded);
    collect(Files.readString(DOOR.resolve("door.js")), "from \"\\./([^\"]+)\"", loaded);
    for (String file : loaded) {
      assertTrue(worker.contains("\"" + file + "\""), "sw.js caches " + file);
    }
    assertTrue(worker.contains("\"texts.json?lang=ko\"") && worker.contains("texts.json?lang=en"));
  }
}
