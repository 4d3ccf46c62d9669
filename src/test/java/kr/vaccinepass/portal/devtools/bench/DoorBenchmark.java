package kr.vaccinepass.portal.devtools.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.vaccinepass.portal.demo.DemoData;
import kr.vaccinepass.portal.devtools.PortalProcess;
import kr.vaccinepass.portal.devtools.bench.Doors.Door;
import org.HdrHistogram.Histogram;

/**
 * The door-first benchmark ({@code -Dbench.suite=door}, docs/benchmarks.md): on the server and
 * database of the check-in search that ran just before it, many doors, each a facility with its own
 * device key, send records they verified themselves in batches ({@code POST
 * /api/v1/facilities/{id}/door-visits}, up to 200 records and 128 KB each, every door's next batch
 * after the answer to its last). Every record is a fresh signed token the server verifies again. It
 * prints the records a second the server answered {@code STORED}, checks them against the visit
 * rows in PostgreSQL, and the time one door takes to drain a queue of 10,000 records: sent by this
 * Java client, then ({@code bench.door.app}) by the door app itself in headless Chromium ({@link
 * DoorAppQueue}).
 */
final class DoorBenchmark {
  private static final String HOST = "127.0.0.1";
  private static final int MAX_RECORDS = 200;
  private static final int MAX_BYTES = 131_072;
  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

  private final BenchConfig config;
  private final PortalProcess portal;
  private final String run;
  private final List<String> report = new ArrayList<>();

  DoorBenchmark(BenchConfig config, PortalProcess portal, String run) {
    this.config = config;
    this.portal = portal;
    this.run = run + "d";
  }

  List<String> report() {
    return report;
  }

  /** What one ingestion run did. */
  private static final class Ingest {
    final Histogram batchMicros = new Histogram(600_000_000L, 3);
    final AtomicLong stored = new AtomicLong();
    final AtomicLong otherRecords = new AtomicLong();
    final AtomicLong failedBatches = new AtomicLong();
    final java.util.Map<String, Long> statuses = new java.util.concurrent.ConcurrentHashMap<>();
    int records;
    int batches;
    double seconds;
    long visitRows;

    double rate() {
      return stored.get() / seconds;
    }
  }

  /**
   * Runs both phases; {@code checkinRate} is the highest sustained check-in rate of the same run.
   */
  void run(Duration clockOffset, double checkinRate) throws Exception {
    TokenMint mint = new TokenMint(portal.dataDir(), run);
    List<Door> doors;
    Door queueDoor;
    Door appDoor;
    try (Connection db = portal.connect()) {
      Instant now = Instant.now().plus(clockOffset);
      long owner = Doors.demoOwner(db);
      List<Long> facilities = facilities(db, owner, config.doorFacilities + 2, now);
      List<Door> all = Doors.keys(db, owner, facilities, now);
      doors = all.subList(0, config.doorFacilities);
      queueDoor = all.get(config.doorFacilities);
      appDoor = all.get(config.doorFacilities + 1);
    }
    Log.say(
        "Door-first: "
            + doors.size()
            + " doors, "
            + config.doorRecords
            + " records, "
            + config.doorConnections
            + " doors sending at once");

    // warm-up of the sync path (not reported): a tenth of the records, at most 5,000
    int warm = Math.min(5_000, Math.max(doors.size(), config.doorRecords / 10));
    Ingest warmUp = ingest(mint, doors, warm, clockOffset);
    Log.say(summary("door warm-up", warmUp));
    pause();

    Ingest ingest = ingest(mint, doors, config.doorRecords, clockOffset);
    Log.say(summary("door-first", ingest));
    pause();

    Ingest queue = drainQueue(mint, queueDoor, config.doorQueue, clockOffset);
    Log.say(summary("queue of " + config.doorQueue, queue));

    DoorAppQueue.Result app = null;
    if (config.doorApp) {
      pause();
      app =
          DoorAppQueue.run(
              HOST, config.httpPort, mint, appDoor, config.doorQueue, clockOffset, this::visitRows);
      Log.say(appSummary(app));
      if (app.visitRows() != app.records() || app.left() != 0) {
        Log.say(
            "App queue: NOT DRAINED: "
                + app.visitRows()
                + " door-verified visits of "
                + app.records()
                + " records, "
                + app.left()
                + " still queued, "
                + app.rejected()
                + " set aside");
      }
    }

    print(checkinRate, ingest, queue, app);
  }

  /**
   * {@code count} records spread over the doors, each door's batches in order, {@code
   * bench.door.connections} doors sending at once (closed loop: a door sends its next batch when
   * the last is answered).
   */
  private Ingest ingest(TokenMint mint, List<Door> doors, int count, Duration clockOffset)
      throws Exception {
    long mintStart = System.nanoTime();
    // the door answered 2 s ago; the token was issued a second before that
    Instant at = Instant.now().plus(clockOffset).minusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
    TokenMint.Token[] tokens = mint.mint(count, i -> at.minusSeconds(1));
    List<List<byte[]>> perDoor = new ArrayList<>();
    for (int d = 0; d < doors.size(); d++) {
      List<String> records = new ArrayList<>();
      for (int i = d; i < count; i += doors.size()) {
        records.add(record(tokens[i], at));
      }
      perDoor.add(batches(doors.get(d), records));
    }
    Log.say(
        String.format(
            Locale.ROOT,
            "(%d tokens signed and %d batches made in %.1f s)",
            count,
            perDoor.stream().mapToInt(List::size).sum(),
            (System.nanoTime() - mintStart) / 1e9));
    Ingest result = new Ingest();
    result.records = count;
    result.batches = perDoor.stream().mapToInt(List::size).sum();
    int threads = Math.min(config.doorConnections, doors.size());
    Thread[] senders = new Thread[threads];
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int first = t;
      senders[t] =
          new Thread(
              () -> {
                try (HttpConnection connection =
                    new HttpConnection(HOST, config.httpPort, 120_000)) {
                  // this thread's doors take turns, each batch after the last one's answer
                  List<List<byte[]>> mine = new ArrayList<>();
                  for (int d = first; d < perDoor.size(); d += threads) {
                    mine.add(perDoor.get(d));
                  }
                  int longest = mine.stream().mapToInt(List::size).max().orElse(0);
                  for (int b = 0; b < longest; b++) {
                    for (List<byte[]> door : mine) {
                      if (b < door.size()) {
                        send(connection, door.get(b), result);
                      }
                    }
                  }
                }
              },
              "door-" + t);
      senders[t].start();
    }
    for (Thread t : senders) {
      t.join();
    }
    result.seconds = (System.nanoTime() - start) / 1e9;
    result.visitRows = visitRows(tokens);
    return result;
  }

  /** One door's queue of {@code count} records, oldest first, one batch after the other. */
  private Ingest drainQueue(TokenMint mint, Door door, int count, Duration clockOffset)
      throws Exception {
    // the queue of an outage: a record every 0.36 s over the last hour, the newest 2 s ago
    Instant newest = Instant.now().plus(clockOffset).minusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
    long stepMillis = Math.max(1, 3_600_000L / count);
    TokenMint.Token[] tokens =
        mint.mint(count, i -> newest.minusMillis((count - 1 - i) * stepMillis).minusSeconds(1));
    List<String> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      records.add(record(tokens[i], newest.minusMillis((count - 1 - i) * stepMillis)));
    }
    List<byte[]> batches = batches(door, records);
    Ingest result = new Ingest();
    result.records = count;
    result.batches = batches.size();
    long start = System.nanoTime();
    try (HttpConnection connection = new HttpConnection(HOST, config.httpPort, 120_000)) {
      for (byte[] batch : batches) {
        send(connection, batch, result);
      }
    }
    result.seconds = (System.nanoTime() - start) / 1e9;
    result.visitRows = visitRows(tokens);
    return result;
  }

  private void send(HttpConnection connection, byte[] batch, Ingest result) {
    long sent = System.nanoTime();
    try {
      HttpConnection.Answer answer = connection.send(batch, 200, true);
      result.batchMicros.recordValue(
          Math.min(600_000_000L, Math.max(1, (System.nanoTime() - sent) / 1000)));
      if (answer.status() != 200) {
        result.failedBatches.incrementAndGet();
        result.statuses.merge(
            "batch " + answer.status() + " " + code(answer.body()), 1L, Long::sum);
        return;
      }
      Matcher m = STATUS.matcher(answer.body());
      while (m.find()) {
        if (m.group(1).equals("STORED")) {
          result.stored.incrementAndGet();
        } else {
          result.otherRecords.incrementAndGet();
          result.statuses.merge(m.group(1), 1L, Long::sum);
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      result.failedBatches.incrementAndGet();
      result.statuses.merge("batch " + e.getClass().getSimpleName(), 1L, Long::sum);
    }
  }

  private static String code(String body) {
    Matcher m = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"").matcher(body == null ? "" : body);
    return m.find() ? m.group(1) : "?";
  }

  /** A record as the door app sends it: admitted, fully vaccinated, no dining party. */
  private static String record(TokenMint.Token token, Instant at) {
    return "{\"id\":\""
        + token.nonce()
        + "\",\"token\":\""
        + token.compact()
        + "\",\"at\":\""
        + at
        + "\",\"outcome\":\"PASS\",\"reason\":\"VACCINATED\",\"party\":\"NONE\"}";
  }

  /** The door's batches: records in order, each batch up to 200 records and 128 KB. */
  private List<byte[]> batches(Door door, List<String> records) {
    String path = "/api/v1/facilities/" + door.facilityId() + "/door-visits";
    List<byte[]> batches = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    int inBatch = 0;
    String head = "{\"records\":[";
    String tail = "]}";
    for (String record : records) {
      int bytes = record.getBytes(StandardCharsets.UTF_8).length;
      int size = head.length() + body.length() + (inBatch > 0 ? 1 : 0) + bytes + tail.length();
      if (inBatch == MAX_RECORDS || (inBatch > 0 && size > MAX_BYTES)) {
        batches.add(request(path, door, head + body + tail));
        body.setLength(0);
        inBatch = 0;
      }
      body.append(inBatch > 0 ? "," : "").append(record);
      inBatch++;
    }
    if (inBatch > 0) {
      batches.add(request(path, door, head + body + tail));
    }
    return batches;
  }

  private byte[] request(String path, Door door, String json) {
    return HttpConnection.post(HOST, config.httpPort, path, door.authorization(), json);
  }

  /** The door-verified visits of these tokens in PostgreSQL. */
  private long visitRows(TokenMint.Token[] tokens) throws SQLException {
    try (Connection db = portal.connect();
        PreparedStatement q =
            db.prepareStatement(
                "select count(*) from visit where door_verified and token_nonce = any(?)")) {
      String[] nonces = new String[tokens.length];
      for (int i = 0; i < tokens.length; i++) {
        nonces[i] = tokens[i].nonce();
      }
      q.setArray(1, db.createArrayOf("text", nonces));
      ResultSet rs = q.executeQuery();
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Facilities of the demo owner for the doors, of the types the pass covers at that time. */
  private static List<Long> facilities(Connection db, long owner, int count, Instant now)
      throws SQLException {
    List<String> types = new ArrayList<>();
    try (PreparedStatement q =
        db.prepareStatement(
            "select distinct f.type_code from facility f where f.owner_id = ? and f.status ="
                + " 'ACTIVE' and exists (select 1 from facility_type_coverage c where c.type_code"
                + " = f.type_code and c.covered_from <= ? and (c.covered_until is null or"
                + " c.covered_until > ?)) order by 1")) {
      java.sql.Timestamp t = java.sql.Timestamp.from(now);
      q.setLong(1, owner);
      q.setTimestamp(2, t);
      q.setTimestamp(3, t);
      ResultSet rs = q.executeQuery();
      while (rs.next()) {
        types.add(rs.getString(1));
      }
    }
    if (types.isEmpty()) {
      throw new IllegalStateException("no facility type the pass covers at " + now);
    }
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement insert = db.prepareStatement(VisitTableBenchmark.INSERT_FACILITY)) {
      for (int i = 0; i < count; i++) {
        insert.setLong(1, owner);
        insert.setString(2, "벤치마크 출입구 " + (i + 1));
        insert.setString(3, types.get(i % types.size()));
        insert.setString(4, VisitTableBenchmark.businessNumber(800_000_000L + i));
        insert.setString(5, DemoData.JONGNO);
        insert.setString(6, "서울특별시 종로구 출입구로 " + (i + 1));
        insert.setInt(7, 50);
        ResultSet rs = insert.executeQuery();
        rs.next();
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  private String summary(String what, Ingest r) {
    return String.format(
        Locale.ROOT,
        "%-18s %6d records in %4d batches, %.2f s: STORED %6d (%s/s), other %d %s, failed batches"
            + " %d; batch p50 %s ms p99 %s ms; door-verified visit rows %d",
        what,
        r.records,
        r.batches,
        r.seconds,
        r.stored.get(),
        CheckinBenchmark.rate(r.rate()),
        r.otherRecords.get(),
        r.statuses,
        r.failedBatches.get(),
        CheckinBenchmark.ms(r.batchMicros.getValueAtPercentile(50) / 1000.0),
        CheckinBenchmark.ms(r.batchMicros.getValueAtPercentile(99) / 1000.0),
        r.visitRows);
  }

  private String appSummary(DoorAppQueue.Result a) {
    return String.format(
        Locale.ROOT,
        "%-18s %6d records (%d written) in %4d batches, %.2f s from the page's start (first batch"
            + " at %.2f s, batches %.2f s: %s/s): %s/s; batch p50 %s ms p99 %s ms, the app's own"
            + " time between an answer and the next batch p50 %s ms; left %d,"
            + " rejected %d, mode %s; door-verified visit rows %d",
        "app queue",
        a.records(),
        a.written(),
        a.batches(),
        a.seconds(),
        a.firstBatchSeconds(),
        a.syncSeconds(),
        CheckinBenchmark.rate(a.syncRate()),
        CheckinBenchmark.rate(a.rate()),
        CheckinBenchmark.ms(a.batchP50Ms()),
        CheckinBenchmark.ms(a.batchP99Ms()),
        CheckinBenchmark.ms(a.gapP50Ms()),
        a.left(),
        a.rejected(),
        a.mode(),
        a.visitRows());
  }

  private void print(double checkinRate, Ingest ingest, Ingest queue, DoorAppQueue.Result app) {
    List<String> out = new ArrayList<>();
    out.add("");
    out.add("=".repeat(30) + " door-first results " + "=".repeat(30));
    out.add(
        String.format(
            Locale.ROOT,
            "(%d cores, Java %s, %d doors, %d sending at once, PostgreSQL fsync=on; %s)",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            config.doorFacilities,
            config.doorConnections,
            Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    Log.Table t =
        new Log.Table(
            "measure",
            "records",
            "batches",
            "seconds",
            "STORED /s",
            "batch p50 ms",
            "batch p99 ms",
            "STORED",
            "visit rows",
            "other answers");
    row(t, "door-first ingestion", ingest);
    row(t, "queue of " + config.doorQueue + ", one door", queue);
    out.add(t.toString());
    if (app != null) {
      out.add("(the app's queue: " + app.userAgent() + ")");
      Log.Table a =
          new Log.Table(
              "queue of " + config.doorQueue + ", one door",
              "records",
              "batches",
              "seconds",
              "records /s",
              "batch p50 ms",
              "batch p99 ms",
              "visit rows",
              "left, rejected");
      a.row(
          "Java client (first batch to last answer)",
          queue.records,
          queue.batches,
          String.format(Locale.ROOT, "%.2f", queue.seconds),
          CheckinBenchmark.rate(queue.records / queue.seconds),
          CheckinBenchmark.ms(queue.batchMicros.getValueAtPercentile(50) / 1000.0),
          CheckinBenchmark.ms(queue.batchMicros.getValueAtPercentile(99) / 1000.0),
          queue.visitRows,
          "-");
      a.row(
          "door app, from the page's start",
          app.records(),
          app.batches(),
          String.format(Locale.ROOT, "%.2f", app.seconds()),
          CheckinBenchmark.rate(app.rate()),
          CheckinBenchmark.ms(app.batchP50Ms()),
          CheckinBenchmark.ms(app.batchP99Ms()),
          app.visitRows(),
          app.left() + ", " + app.rejected());
      a.row(
          "door app, first batch to last answer",
          app.records(),
          app.batches(),
          String.format(Locale.ROOT, "%.2f", app.syncSeconds()),
          CheckinBenchmark.rate(app.syncRate()),
          "",
          "",
          "",
          "");
      out.add(a.toString());
    }
    Log.Table ratio = new Log.Table("ratio", "value");
    ratio.row("check-ins /s (highest sustained, same run)", CheckinBenchmark.rate(checkinRate));
    ratio.row(
        "door-first STORED /s ÷ check-ins /s",
        checkinRate <= 0 ? "-" : String.format(Locale.ROOT, "%.2f", ingest.rate() / checkinRate));
    ratio.row(
        "STORED answers = door-verified visit rows",
        ingest.stored.get() == ingest.visitRows && queue.stored.get() == queue.visitRows
            ? "yes"
            : "NO");
    if (app != null) {
      ratio.row(
          "door app's queue: door-verified visit rows = records",
          app.visitRows() == app.records() && app.left() == 0
              ? "yes"
              : "NO (" + app.visitRows() + " of " + app.records() + ", " + app.left() + " left)");
    }
    out.add(ratio.toString());
    report.addAll(out);
    out.forEach(System.out::println);
  }

  private static void row(Log.Table t, String name, Ingest r) {
    t.row(
        name,
        r.records,
        r.batches,
        String.format(Locale.ROOT, "%.2f", r.seconds),
        CheckinBenchmark.rate(r.rate()),
        CheckinBenchmark.ms(r.batchMicros.getValueAtPercentile(50) / 1000.0),
        CheckinBenchmark.ms(r.batchMicros.getValueAtPercentile(99) / 1000.0),
        r.stored.get(),
        r.visitRows,
        r.statuses.isEmpty() && r.failedBatches.get() == 0 ? "none" : r.statuses.toString());
  }

  private void pause() throws InterruptedException {
    Thread.sleep((long) (config.pauseSeconds * 1000));
  }
}
