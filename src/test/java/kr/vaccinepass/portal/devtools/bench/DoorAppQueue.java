package kr.vaccinepass.portal.devtools.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import kr.vaccinepass.portal.devtools.bench.Doors.Door;
import kr.vaccinepass.portal.testsupport.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The queue of an outage drained by the door app itself ({@code -Dbench.door.app}, on by default):
 * a door paired in headless Chromium against the benchmark's server, then, with no door page open
 * (a page of the device API of the same origin, outside the app's scope, so no sync starts), {@code
 * bench.door.queue} records written into its IndexedDB queue as {@code answerAtDoor} keeps them,
 * and the app opened again: from the page's navigation start until {@code #queued[data-count]} is
 * 0. The batches and their latency are the page's own resource timings of its {@code door-visits}
 * requests.
 */
final class DoorAppQueue {
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final int WRITE_CHUNK = 1_000;

  /** What the app did: its batches as the page timed them, and the visits found afterwards. */
  record Result(
      int records,
      int written,
      int batches,
      double seconds,
      double firstBatchSeconds,
      double syncSeconds,
      double batchP50Ms,
      double batchP99Ms,
      double gapP50Ms,
      long left,
      long rejected,
      String mode,
      long visitRows,
      String userAgent) {
    double rate() {
      return seconds <= 0 ? 0 : records / seconds;
    }

    double syncRate() {
      return syncSeconds <= 0 ? 0 : records / syncSeconds;
    }
  }

  /** The figures a phase needs to count its visits afterwards. */
  interface VisitCounter {
    long visitRows(TokenMint.Token[] tokens) throws Exception;
  }

  private DoorAppQueue() {}

  static Result run(
      String host,
      int httpPort,
      TokenMint mint,
      Door door,
      int count,
      Duration clockOffset,
      VisitCounter visits)
      throws Exception {
    String origin = "http://" + host + ":" + httpPort;
    try (Browser browser = Browser.open(new URL(origin + "/"))) {
      WebDriver driver = browser.driver();
      JavascriptExecutor js = (JavascriptExecutor) driver;
      driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(15));
      // room for every request's timing, not the default 250 entries
      ((ChromiumDriver) driver)
          .executeCdpCommand(
              "Page.addScriptToEvaluateOnNewDocument",
              Map.of("source", "performance.setResourceTimingBufferSize(100000);"));

      // pairing, as an owner's link does; then away from the app before its queue fills
      driver.get(origin + "/door/#pair=" + door.secret());
      new WebDriverWait(driver, Duration.ofSeconds(60))
          .pollingEvery(Duration.ofMillis(200))
          .until(
              d -> {
                var body = d.findElement(By.tagName("body"));
                return "ready".equals(body.getAttribute("data-state"))
                    && "ready".equals(body.getAttribute("data-offline"));
              });
      String paired =
          String.valueOf(
              js.executeScript(
                  "return document.getElementById('banner').dataset.mode + ' '"
                      + " + document.getElementById('queued').dataset.count;"));
      Log.say(
          "App queue: door paired in Chromium (facility "
              + door.facilityId()
              + ", "
              + paired
              + "); leaving the app");
      driver.get(origin + "/api/v1/door/key");

      // the records, as answerAtDoor keeps them: the queue of an outage over the last hour
      long mintStart = System.nanoTime();
      Instant newest =
          Instant.now().plus(clockOffset).minusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
      long stepMillis = Math.max(1, 3_600_000L / count);
      TokenMint.Token[] tokens =
          mint.mint(count, i -> newest.minusMillis((count - 1 - i) * stepMillis).minusSeconds(1));
      int written = 0;
      for (int from = 0; from < count; from += WRITE_CHUNK) {
        JsonArrayBuilder records = Json.createArrayBuilder();
        JsonArrayBuilder seen = Json.createArrayBuilder();
        for (int i = from; i < Math.min(count, from + WRITE_CHUNK); i++) {
          Instant at = newest.minusMillis((count - 1 - i) * stepMillis);
          Claims claims = Claims.of(tokens[i].compact());
          records.add(
              Json.createObjectBuilder()
                  .add("id", UUID.randomUUID().toString())
                  .add("token", tokens[i].compact())
                  .add("at", ISO_MILLIS.format(at))
                  .add("outcome", "PASS")
                  .add("reason", "VACCINATED")
                  .add("party", "NONE")
                  .add("digest", claims.digest())
                  .add("facilityId", door.facilityId()));
          seen.add(claims.issuer() + "\u0000" + claims.nonce());
        }
        Object answer =
            js.executeAsyncScript(WRITE, records.build().toString(), seen.build().toString());
        if (!(answer instanceof Number n)) {
          throw new IllegalStateException("writing the door's queue failed: " + answer);
        }
        written = n.intValue();
      }
      Log.say(
          String.format(
              java.util.Locale.ROOT,
              "App queue: %d records in the door's IndexedDB queue (%d tokens signed and written"
                  + " in %.1f s)",
              written,
              count,
              (System.nanoTime() - mintStart) / 1e9));

      // the app opens and drains its queue
      long limitMs = Math.max(120_000L, count * 60L);
      driver.get(origin + "/door/");
      Object raw = js.executeAsyncScript(DRAINED, limitMs);
      JsonObject page;
      try (JsonReader reader = Json.createReader(new StringReader(String.valueOf(raw)))) {
        page = reader.readObject();
      }
      JsonArray entries = page.getJsonArray("batches");
      double[] durations = new double[entries.size()];
      double firstStart = Double.NaN;
      double lastEnd = Double.NaN;
      for (int i = 0; i < entries.size(); i++) {
        JsonArray e = entries.getJsonArray(i);
        double start = e.getJsonNumber(0).doubleValue();
        double end = e.getJsonNumber(1).doubleValue();
        durations[i] = end - start;
        firstStart = i == 0 ? start : Math.min(firstStart, start);
        lastEnd = i == 0 ? end : Math.max(lastEnd, end);
      }
      Arrays.sort(durations);
      // the app's own time between an answer and its next batch (IndexedDB, JSON)
      double[][] byStart = new double[entries.size()][];
      for (int i = 0; i < entries.size(); i++) {
        JsonArray e = entries.getJsonArray(i);
        byStart[i] =
            new double[] {e.getJsonNumber(0).doubleValue(), e.getJsonNumber(1).doubleValue()};
      }
      Arrays.sort(byStart, java.util.Comparator.comparingDouble(e -> e[0]));
      double[] gaps = new double[Math.max(0, byStart.length - 1)];
      for (int i = 1; i < byStart.length; i++) {
        gaps[i - 1] = byStart[i][0] - byStart[i - 1][1];
      }
      Arrays.sort(gaps);
      long left = page.getJsonNumber("left").longValue();
      return new Result(
          count,
          written,
          entries.size(),
          page.getJsonNumber("now").doubleValue() / 1000,
          entries.isEmpty() ? Double.NaN : firstStart / 1000,
          entries.isEmpty() ? Double.NaN : (lastEnd - firstStart) / 1000,
          percentile(durations, 50),
          percentile(durations, 99),
          percentile(gaps, 50),
          left,
          page.getJsonNumber("rejected").longValue(),
          page.getString("mode", "?"),
          visits.visitRows(tokens),
          page.getString("userAgent", "?"));
    }
  }

  private static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(sorted.length * p / 100.0) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** The claims the door reads from a token: its issuer and nonce, and verify.js's identity. */
  private record Claims(String issuer, String nonce, String digest) {
    static Claims of(String compact) throws Exception {
      byte[] payload = Base64.getUrlDecoder().decode(compact.split("\\.")[1]);
      JsonObject claims;
      try (JsonReader reader =
          Json.createReader(new StringReader(new String(payload, StandardCharsets.UTF_8)))) {
        claims = reader.readObject();
      }
      String iss = claims.getString("iss");
      String jti = claims.getString("jti");
      // verify.js identity(): SHA-256 of iss, 0, jti, 0 and the payload's bytes, in hex
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(iss.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(jti.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(payload);
      return new Claims(iss, jti, HexFormat.of().formatHex(sha.digest()));
    }
  }

  /**
   * Adds the records to the queue and their nonces to the seen ones, as store.keep() does (one
   * transaction for the chunk here); answers the queue's count, or a text saying what failed.
   */
  private static final String WRITE =
      """
      const done = arguments[arguments.length - 1];
      const records = JSON.parse(arguments[0]);
      const seen = JSON.parse(arguments[1]);
      const open = indexedDB.open("vaccinepass-door");
      open.onerror = () => done("open: " + open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains("queue")) {
          db.close();
          done("no queue store: was the door paired?");
          return;
        }
        const tx = db.transaction(["queue", "seen"], "readwrite", { durability: "strict" });
        const queue = tx.objectStore("queue");
        for (const r of records) queue.add(r);
        for (const key of seen) tx.objectStore("seen").put({ key, at: Date.now() });
        tx.onerror = () => done("write: " + tx.error);
        tx.oncomplete = () => {
          const c = db.transaction("queue").objectStore("queue").count();
          c.onsuccess = () => {
            db.close();
            done(c.result);
          };
          c.onerror = () => done("count: " + c.error);
        };
      };
      """;

  /**
   * Waits on the door page until its queue count reads 0 once the app is ready (or the limit
   * passes); answers the time since the navigation started, the door-visits requests' timings and
   * what is left.
   */
  private static final String DRAINED =
      """
      const done = arguments[arguments.length - 1];
      const limitMs = arguments[0];
      const finish = async () => {
        const now = performance.now();
        const el = document.getElementById("queued");
        const left = Number(el && el.dataset.count !== undefined ? el.dataset.count : -1);
        const batches = performance
          .getEntriesByType("resource")
          .filter((e) => e.name.includes("/door-visits"))
          .map((e) => [e.startTime, e.responseEnd]);
        let rejected = -1;
        try {
          rejected = await new Promise((resolve, reject) => {
            const open = indexedDB.open("vaccinepass-door");
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const c = open.result.transaction("rejected").objectStore("rejected").count();
              c.onsuccess = () => resolve(c.result);
              c.onerror = () => reject(c.error);
            };
          });
        } catch (e) {
          rejected = -1;
        }
        const banner = document.getElementById("banner");
        done(JSON.stringify({
          now, left, batches, rejected,
          mode: (banner && banner.dataset.mode) || "?",
          userAgent: navigator.userAgent,
        }));
      };
      const poll = () => {
        // the page says 0 until the app has counted its queue: only a ready door's 0 counts
        const el = document.getElementById("queued");
        const ready = document.body.dataset.state === "ready";
        if ((ready && el && el.dataset.count === "0") || performance.now() > limitMs) finish();
        else setTimeout(poll, 20);
      };
      poll();
      """;
}
