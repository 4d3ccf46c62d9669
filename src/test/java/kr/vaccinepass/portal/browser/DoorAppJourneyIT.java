package kr.vaccinepass.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.vaccinepass.portal.demo.DemoData;
import kr.vaccinepass.portal.pass.domain.PassFacts;
import kr.vaccinepass.portal.pass.domain.PassKeys;
import kr.vaccinepass.portal.pass.domain.PassToken;
import kr.vaccinepass.portal.testsupport.Browser;
import kr.vaccinepass.portal.testsupport.DoorProxy;
import kr.vaccinepass.portal.testsupport.DoorProxy.Mode;
import kr.vaccinepass.portal.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The door app (issue 15, docs/door.md "Browser tests") in Chromium, with the network between the
 * browser and WildFly cut by {@link DoorProxy} (Chromium's own emulation misses the service
 * worker): pairing, online answers, N visitors admitted offline and found in PostgreSQL with their
 * real times after the network returns, a 503 flood answered at the door within the budget, a stale
 * snapshot refused, a key revoked in a new snapshot refused, and the same screenshot at two doors
 * stored once as an admission and once as a replay. One browser and one deployment for all; the
 * journeys run in order on the same doors.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DoorAppJourneyIT extends BrowserJourney {
  private static final PassFacts VACCINATED =
      new PassFacts(LocalDate.of(2021, 10, 1), null, null, null, null, 1980);
  private static final String ISSUER = "COOV";
  private static final String ISSUER_LABEL = "쿠브 (COOV)";
  private static final String ADDRESS = "서울특별시 종로구 종로 5";
  // the bundles' keys of what the door says (in the language it chose: the browser's)
  private static final String PASS = "scanner.result.PASS";
  private static final String NO_PASS = "scanner.result.NO_PASS";
  private static final String REPLAYED = "scanner.result.REPLAYED";
  private static final String REVOKED_KEY = "scanner.result.REVOKED_KEY";
  private static final String AT_DOOR = "door.answer.atDoor";
  private static final String MUST_RECONNECT = "door.mustReconnect";
  private static final Duration SYNC = Duration.ofSeconds(45);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static Browser browser;
  private static DoorProxy doorA;
  private static DoorProxy doorB;
  private static String nameA;
  private static String nameB;
  private static long facilityA;
  private static long facilityB;
  private static String secretA;
  private static KeyPair issuerKey;
  private static String kid;
  private static KeyPair doomedKey;
  private static String doomedKid;
  private static Long offsetMs;

  /** One browser, two doors (two proxies: two origins), two facilities, two issuer keys. */
  @BeforeEach
  void once() throws Exception {
    if (browser != null) {
      // a journey that failed half-way leaves no network cut behind
      doorA.matching("(?!)").mode(Mode.PASS);
      doorB.matching("(?!)").mode(Mode.PASS);
      return;
    }
    browser = Browser.open(base);
    doorA = DoorProxy.to(base.getHost(), base.getPort());
    doorB = DoorProxy.to(base.getHost(), base.getPort());
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    nameA = "출입문 노래방 A " + suffix;
    nameB = "출입문 노래방 B " + suffix;
    facilityA =
        TestDatabase.createFacility(nameA, "KARAOKE", DemoData.JONGNO, DemoData.OWNER_EMAIL);
    facilityB =
        TestDatabase.createFacility(nameB, "KARAOKE", DemoData.JONGNO, DemoData.OWNER_EMAIL);
    issuerKey = PassKeys.generate();
    kid = "doorit-" + suffix;
    doomedKey = PassKeys.generate();
    doomedKid = "doorit-doomed-" + suffix;
    signInAs(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
    addIssuerKey(kid, issuerKey);
    addIssuerKey(doomedKid, doomedKey);
  }

  @AfterAll
  static void closeAll() throws Exception {
    if (browser != null) {
      browser.close();
      doorA.close();
      doorB.close();
      browser = null;
    }
  }

  @Test
  @Order(1)
  void anOwnerPairsADoorWithADeviceKey() throws Exception {
    secretA = newDeviceKey(nameA, "정문");

    pair(doorA, secretA);

    assertFalse(driver().getCurrentUrl().contains("pair="), "the key left the address bar");
    assertFalse(driver().getCurrentUrl().contains("#"), driver().getCurrentUrl());
    assertEquals(nameA, driver().findElement(By.id("facility")).getText());
    waitForMode("ONLINE");
    assertEquals("0", queued());
    // the door reported itself (its heartbeat, at start) under its facility's key
    waitForDb(
        "select count(*) from door_state s join device_key k on k.id = s.device_key_id"
            + " where k.facility_id = ? and s.mode = 'ONLINE' and k.revoked_at is null",
        1,
        facilityA);
  }

  @Test
  @Order(2)
  void onlineTheServerAnswersAndRecords() throws Exception {
    openDoor(doorA);
    String valid = newNonce();
    String unvaccinated = newNonce();

    scan(token(VACCINATED, valid));
    assertAnswer("green", PASS);
    assertEquals("", text("answerNote"), "the server's own answer");
    scan(token(PassFacts.none(), unvaccinated));
    assertAnswer("red", NO_PASS);

    assertEquals("0", queued(), "nothing queued online");
    waitForMode("ONLINE");
    waitForDb(
        "select count(*) from visit where facility_id = ? and token_nonce = ? and not door_verified",
        1,
        facilityA,
        valid);
    assertEquals(0, count("select count(*) from visit where token_nonce = ?", unvaccinated));
    assertEquals(0, count("select count(*) from door_record where facility_id = ?", facilityA));
  }

  @Test
  @Order(3)
  void offlineTheDoorAdmitsAloneAndSendsEveryVisitOnceWithItsRealTime() throws Exception {
    openDoor(doorA);
    doorA.mode(Mode.DOWN);
    String[] nonces = {newNonce(), newNonce(), newNonce(), newNonce()};
    Map<String, Instant> admittedAt = new LinkedHashMap<>();

    String first = token(VACCINATED, nonces[0]);
    admittedAt.put(nonces[0], scanAndTime(first));
    assertAnswer("green", PASS);
    assertEquals(say(AT_DOOR), text("answerNote"));
    admittedAt.put(nonces[1], scanAndTime(token(VACCINATED, nonces[1])));
    assertAnswer("green", PASS);
    scan(token(PassFacts.none(), nonces[2]));
    assertAnswer("red", NO_PASS);
    admittedAt.put(nonces[3], scanAndTime(token(VACCINATED, nonces[3])));
    assertAnswer("green", PASS);
    // the first visitor's QR again (a screenshot passed back): this door admitted it already
    scan(first);
    assertAnswer("red", REPLAYED);
    assertEquals(say(AT_DOOR), text("answerNote"));
    assertEquals("5", queued(), "every answer kept to be sent");
    assertEquals("OFFLINE", mode());

    // the tab reloads with no portal: the app starts from its service worker's cache
    driver().navigate().refresh();
    waitForReady();
    assertEquals(nameA, text("facility"));
    assertEquals("5", queued(), "the queue is in IndexedDB");
    waitForMode("OFFLINE");
    Thread.sleep(2_000); // the queue's sync is tried (and fails) while the network is down
    assertEquals(0, count("select count(*) from door_record where facility_id = ?", facilityA));

    doorA.mode(Mode.PASS);
    waitFor(SYNC, d -> "0".equals(queued()));
    waitForMode("ONLINE");

    for (Map.Entry<String, Instant> admitted : admittedAt.entrySet()) {
      List<Instant> times =
          instants(
              "select visited_at from visit where facility_id = ? and token_nonce = ?"
                  + " and door_verified",
              facilityA,
              admitted.getKey());
      assertEquals(1, times.size(), "one door-verified visit for " + admitted.getKey());
      long off = Math.abs(Duration.between(admitted.getValue(), times.get(0)).toMillis());
      assertTrue(off < 2_000, "the time of the answer, " + off + " ms off");
    }
    assertEquals(
        3,
        count(
            "select count(*) from visit where facility_id = ? and token_nonce in (?, ?, ?, ?)",
            facilityA,
            nonces[0],
            nonces[1],
            nonces[2],
            nonces[3]),
        "none twice, the refused one not at all");
    assertEquals(
        5,
        count(
            "select count(*) from door_record where facility_id = ?"
                + " and synced_at > happened_at + interval '2 seconds'",
            facilityA),
        "five records, each with its time of answer, before its sync");
    assertEquals(
        1,
        count(
            "select count(*) from door_record where facility_id = ? and token_nonce = ?"
                + " and status = 'REFUSED' and server_code = 'NO_PASS'",
            facilityA,
            nonces[2]));
    assertEquals(
        2,
        count(
            "select count(*) from door_record where facility_id = ? and token_nonce = ?",
            facilityA,
            nonces[0]),
        "the admission and the second presentation");
  }

  @Test
  @Order(4)
  void underA503FloodTheDoorAnswersWithinTheBudget() throws Exception {
    openDoor(doorA);
    doorA.matching(".*/checkins$").mode(Mode.FLOOD_503);
    String nonce = newNonce();
    String token = token(VACCINATED, nonce);
    long before = doorA.count(Mode.FLOOD_503);

    long took = scan(token);

    assertAnswer("green", PASS);
    assertEquals(say(AT_DOOR), text("answerNote"));
    assertTrue(took < 3_000, "answered in " + took + " ms");
    assertTrue(doorA.count(Mode.FLOOD_503) > before, "the portal was asked and answered 503");
    waitForMode("DEGRADED");
    // the sync path is not flooded: the visit arrives door-verified
    waitFor(SYNC, d -> "0".equals(queued()));
    waitForDb(
        "select count(*) from visit where facility_id = ? and token_nonce = ? and door_verified",
        1,
        facilityA,
        nonce);
    doorA.mode(Mode.PASS);
  }

  @Test
  @Order(5)
  void aKeyRevokedInANewSnapshotIsRefusedOffline() throws Exception {
    signInAs(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
    browser.go("/admin/trust-list.xhtml").waitForText(doomedKid);
    driver()
        .findElement(
            By.xpath("//tr[td[contains(., '" + doomedKid + "')]]//button[contains(@id, 'revoke')]"))
        .click();
    browser.confirm().waitForAjax();
    browser.waitFor(
        d ->
            d.findElement(By.xpath("//tr[td[contains(., '" + doomedKid + "')]]"))
                .findElements(By.xpath(".//button[contains(@id, 'revoke')]"))
                .isEmpty());

    // the door, online again, takes the new snapshot: the key is in it, revoked
    openDoor(doorA);
    Pattern revoked =
        Pattern.compile("\"kid\":\"" + Pattern.quote(doomedKid) + "\"[^}]*\"revoked\":true");
    waitFor(Duration.ofSeconds(20), d -> revoked.matcher(storedSnapshot()).find());
    doorA.mode(Mode.DOWN);
    String nonce = newNonce();

    scan(token(doomedKey, doomedKid, VACCINATED, nonce));

    assertAnswer("red", REVOKED_KEY);
    assertEquals(say(AT_DOOR), text("answerNote"));
    doorA.mode(Mode.PASS);
    waitFor(SYNC, d -> "0".equals(queued()));
    assertEquals(
        1,
        count(
            "select count(*) from door_record where facility_id = ? and token_nonce = ?"
                + " and status = 'REFUSED' and server_code = 'REVOKED_KEY'",
            facilityA,
            nonce));
    assertEquals(0, count("select count(*) from visit where token_nonce = ?", nonce));
  }

  @Test
  @Order(6)
  void aDoorOfflineLongerThanItsSnapshotSaysItMustReconnect() throws Exception {
    openDoor(doorA);
    doorA.mode(Mode.DOWN);
    // 49 hours go by at the door (the snapshot holds 48): its clock entry moves on, the tab reloads
    ((JavascriptExecutor) driver())
        .executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "const open = indexedDB.open('vaccinepass-door');"
                + "open.onsuccess = () => {"
                + "  const tx = open.result.transaction('config', 'readwrite');"
                + "  const config = tx.objectStore('config');"
                + "  const get = config.get('clock');"
                + "  get.onsuccess = () => {"
                + "    const clock = get.result;"
                + "    clock.offsetMs += 49 * 3600 * 1000;"
                + "    config.put(clock, 'clock');"
                + "  };"
                + "  tx.oncomplete = () => { done(true); location.reload(); };"
                + "};");
    waitFor(Duration.ofSeconds(20), d -> "STALE".equals(mode()));
    waitForReady();
    String nonce = newNonce();

    scan(token(VACCINATED, nonce));

    assertAnswer("red", MUST_RECONNECT);
    assertEquals("STALE", mode());
    assertFalse(browser.text().contains(say(PASS)));
    assertEquals("0", queued(), "no answer, so nothing to send");
    doorA.mode(Mode.PASS);
    // online again: the new snapshot and the server's time put the door right
    driver().navigate().refresh();
    waitForReady();
    waitForMode("ONLINE");
    assertEquals(0, count("select count(*) from door_record where token_nonce = ?", nonce));
    assertEquals(0, count("select count(*) from visit where token_nonce = ?", nonce));
  }

  @Test
  @Order(7)
  void theSameScreenshotAtTwoDoorsOfflineIsOneAdmissionAndOneReplay() throws Exception {
    String secretB = newDeviceKey(nameB, "후문");
    pair(doorB, secretB);
    assertEquals(nameB, text("facility"));
    openDoor(doorA);
    waitForMode("ONLINE");
    doorA.mode(Mode.DOWN);
    doorB.mode(Mode.DOWN);
    String nonce = newNonce();
    String screenshot = token(VACCINATED, nonce);

    scan(screenshot);
    assertAnswer("green", PASS);
    openDoor(doorB);
    waitForMode("OFFLINE", "DEGRADED", "ONLINE");
    scan(screenshot);
    assertAnswer("green", PASS); // the other door cannot know
    assertEquals(say(AT_DOOR), text("answerNote"));

    // the later door syncs first, then the earlier one: the earlier takes the visit
    doorA.mode(Mode.PASS);
    doorB.mode(Mode.PASS);
    waitFor(SYNC, d -> "0".equals(queued()));
    openDoor(doorA);
    waitFor(SYNC, d -> "0".equals(queued()));

    assertEquals(
        1,
        count("select count(*) from visit where token_nonce = ?", nonce),
        "one admission across both facilities");
    assertEquals(
        1,
        count(
            "select count(*) from visit where token_nonce = ? and facility_id = ? and door_verified",
            nonce,
            facilityA));
    assertEquals(
        1,
        count(
            "select count(*) from door_record where facility_id = ? and token_nonce = ?"
                + " and status = 'REPLAY'",
            facilityB,
            nonce),
        "the second door's record is the replay");
    waitForDb(
        "select coalesce(sum(count), 0) from checkin_denial where facility_id = ?"
            + " and code = 'REPLAYED'",
        1,
        facilityB);
  }

  // ---- the portal's pages -----------------------------------------------------------------

  private void signInAs(String email, String password) {
    browser.go("/public/index.xhtml");
    driver().manage().deleteAllCookies();
    browser.signIn(email, password);
  }

  private void addIssuerKey(String keyId, KeyPair pair) {
    browser.go("/admin/trust-list.xhtml").waitForAjax();
    browser.choose("keyForm:issuer", ISSUER_LABEL);
    browser.type("keyForm:kid", keyId);
    browser.type("keyForm:publicKey", PassKeys.encodePublic((ECPublicKey) pair.getPublic()));
    browser.type("keyForm:validFrom_input", "2021-10-01 00:00");
    browser.id("keyForm:validFrom_input").sendKeys(Keys.TAB);
    browser.click("keyForm:save").waitForAjax();
    browser.waitFor(
        d -> !d.findElements(By.xpath("//tr[td[contains(., '" + keyId + "')]]")).isEmpty());
  }

  /** The owner makes a device key for the facility on the devices page; its secret. */
  private String newDeviceKey(String facility, String label) {
    signInAs(DemoData.OWNER_EMAIL, DemoData.OWNER_PASSWORD);
    browser.go("/owner/devices.xhtml").waitForAjax();
    browser.choose("deviceForm:facility", facility + " · " + ADDRESS);
    browser.type("deviceForm:label", label);
    browser.click("deviceForm:create").waitForAjax();
    return browser.waitFor(
        d -> {
          String value = browser.id("deviceForm:secret").getAttribute("value");
          return value == null || value.isBlank() ? null : value;
        });
  }

  // ---- the door ---------------------------------------------------------------------------

  private String doorUrl(DoorProxy door) {
    return door.origin() + base.getPath() + "door/";
  }

  private void pair(DoorProxy door, String secret) {
    driver().get(doorUrl(door) + "#pair=" + secret);
    waitForReady();
    // its files are cached: from now on it starts with no portal
    waitFor(
        Duration.ofSeconds(30),
        d -> "ready".equals(d.findElement(By.tagName("body")).getAttribute("data-offline")));
  }

  private void openDoor(DoorProxy door) {
    if (!driver().getCurrentUrl().startsWith(doorUrl(door))) {
      driver().get(doorUrl(door));
    }
    waitForReady();
  }

  private void waitForReady() {
    waitFor(
        Duration.ofSeconds(20),
        d -> "ready".equals(d.findElement(By.tagName("body")).getAttribute("data-state")));
  }

  private void waitForMode(String... modes) {
    waitFor(Duration.ofSeconds(20), d -> List.of(modes).contains(mode()));
  }

  private String mode() {
    return driver().findElement(By.id("banner")).getAttribute("data-mode");
  }

  private String queued() {
    return driver().findElement(By.id("queued")).getAttribute("data-count");
  }

  private String text(String id) {
    return driver().findElement(By.id(id)).getText();
  }

  private String answers() {
    return driver().findElement(By.id("result")).getAttribute("data-answers");
  }

  /** Types the token as a hand-held scanner does and waits for the answer; ms from Enter. */
  private long scan(String token) {
    String before = answers();
    ((JavascriptExecutor) driver())
        .executeScript("document.getElementById('token').value = arguments[0];", token);
    long start = System.nanoTime();
    driver().findElement(By.id("token")).sendKeys(Keys.ENTER);
    new WebDriverWait(driver(), Duration.ofSeconds(10))
        .pollingEvery(Duration.ofMillis(20))
        .until(d -> !String.valueOf(before).equals(answers()));
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** Scans and gives the portal's time of the answer (the middle of Enter and the answer). */
  private Instant scanAndTime(String token) throws Exception {
    Instant sent = serverNow();
    long took = scan(token);
    return sent.plusMillis(took / 2);
  }

  private void assertAnswer(String tone, String headlineKey) throws Exception {
    String said = text("headline") + " / " + text("detail");
    assertEquals(
        tone, driver().findElement(By.id("result")).getAttribute("data-tone"), "the door: " + said);
    assertEquals(say(headlineKey), text("headline"), "the door: " + said);
  }

  /** The bundle's text of that key in the language the door speaks. */
  private static String say(String key) throws java.io.IOException {
    String lang =
        String.valueOf(
            ((JavascriptExecutor) driver()).executeScript("return document.documentElement.lang;"));
    java.util.Properties texts = new java.util.Properties();
    try (var in =
        DoorAppJourneyIT.class.getResourceAsStream(
            "/kr/vaccinepass/portal/i18n/messages_"
                + ("en".equals(lang) ? "en" : "ko")
                + ".properties")) {
      texts.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return texts.getProperty(key);
  }

  /** The snapshot the door holds in IndexedDB, its payload decoded (ASCII-safe), or "". */
  private String storedSnapshot() {
    Object payload =
        ((JavascriptExecutor) driver())
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "const open = indexedDB.open('vaccinepass-door');"
                    + "open.onerror = () => done('');"
                    + "open.onsuccess = () => {"
                    + "  const get = open.result.transaction('config').objectStore('config')"
                    + "    .get('envelope');"
                    + "  get.onerror = () => done('');"
                    + "  get.onsuccess = () => done(get.result ? get.result.payload : '');"
                    + "};");
    String text = String.valueOf(payload);
    return text.isEmpty()
        ? ""
        : new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
  }

  private static WebDriver driver() {
    return browser.driver();
  }

  private static <T> T waitFor(Duration at, java.util.function.Function<WebDriver, T> until) {
    return new WebDriverWait(driver(), at).pollingEvery(Duration.ofMillis(200)).until(until);
  }

  // ---- tokens, as an issuer's app signs them, on the portal's clock ------------------------

  private static String newNonce() {
    return "doorit-" + UUID.randomUUID();
  }

  private String token(PassFacts facts, String nonce) throws Exception {
    return token(issuerKey, kid, facts, nonce);
  }

  private String token(KeyPair key, String keyId, PassFacts facts, String nonce) throws Exception {
    return PassToken.sign(
        (ECPrivateKey) key.getPrivate(),
        keyId,
        ISSUER,
        "holder-" + nonce,
        facts,
        serverNow(),
        nonce);
  }

  /** The portal's clock (it stands on a demo day): its snapshot's time, taken once. */
  private Instant serverNow() throws Exception {
    if (offsetMs == null) {
      long sent = System.currentTimeMillis();
      HttpResponse<String> answer =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base + "api/v1/door/snapshot"))
                  .header("Authorization", "Device " + secretA)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      long received = System.currentTimeMillis();
      assertEquals(200, answer.statusCode(), answer.body());
      Matcher payload = Pattern.compile("\"payload\":\"([^\"]+)\"").matcher(answer.body());
      assertTrue(payload.find(), answer.body());
      String json =
          new String(Base64.getUrlDecoder().decode(payload.group(1)), StandardCharsets.UTF_8);
      Matcher time = Pattern.compile("\"serverTime\":\"([^\"]+)\"").matcher(json);
      assertTrue(time.find(), json);
      offsetMs = Instant.parse(time.group(1)).toEpochMilli() - (sent + received) / 2;
    }
    return Instant.now().plusMillis(offsetMs);
  }

  // ---- PostgreSQL ---------------------------------------------------------------------------

  private static long count(String sql, Object... args) throws SQLException {
    try (Connection c = TestDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static List<Instant> instants(String sql, Object... args) throws SQLException {
    try (Connection c = TestDatabase.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      List<Instant> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          Timestamp at = r.getTimestamp(1);
          out.add(at.toInstant());
        }
      }
      return out;
    }
  }

  /** Waits (up to 15 s) until the query counts that many. */
  private static void waitForDb(String sql, long expected, Object... args) throws Exception {
    long last = -1;
    for (int i = 0; i < 75; i++) {
      last = count(sql, args);
      if (last == expected) {
        return;
      }
      Thread.sleep(200);
    }
    assertEquals(expected, last, sql);
  }
}
