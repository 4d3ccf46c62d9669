package kr.vaccinepass.portal.devtools.bench;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.stream.IntStream;
import kr.vaccinepass.portal.demo.DemoData;
import kr.vaccinepass.portal.devtools.PortalCluster;
import kr.vaccinepass.portal.devtools.PortalProcess;
import kr.vaccinepass.portal.devtools.SignedInPage;
import kr.vaccinepass.portal.devtools.bench.Doors.Door;
import org.HdrHistogram.Histogram;

/**
 * The check-in benchmark: the portal in benchmark mode on its own PostgreSQL (durable) and ports,
 * driven open-loop over a fixed set of connections. In one run: the highest rate of verified
 * check-ins it sustains (batched writes, the default), the latencies at fractions of it, two times
 * that rate to see it shed load (and that every acknowledged check-in is in the database, and
 * whether a signed-in person can still work), the no-op endpoint's highest rate (the ceiling of
 * HTTP on this machine), and the highest rate again with the server restarted writing one commit
 * per check-in. docs/benchmarks.md says how to run it and what it prints.
 */
final class CheckinBenchmark {
  private static final String HOST = "127.0.0.1";
  private static final String NOOP_PATH = "/api/v1/benchmark/noop";
  private static final int CREATED = 201;
  private static final int OK = 200;

  private final BenchConfig config;
  private final PortalProcess portal;
  private final String run = randomId();
  private final List<String> report = new ArrayList<>();

  private OpenLoop loop;
  private List<Door> doors;
  private TokenMint mint;
  private Duration clockOffset;
  private double mintNanosPerToken = 400_000; // a first guess, measured from the first step on
  private final List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
  private boolean keepAcknowledged;

  private DoorBenchmark doors2;

  /** Through the balancer of a cluster of that many nodes, instead of one server (or null). */
  private PortalCluster cluster;

  private int clusterNodes;
  private Map<String, String> clusterSettings = Map.of();
  private String clusterName;

  /**
   * The batched search only, through a balancer in front of {@code nodes} nodes (the balancer on
   * the benchmark's HTTP port), with those portal settings on every node.
   */
  void throughBalancer(
      PortalCluster cluster, int nodes, Map<String, String> settings, String name) {
    this.cluster = cluster;
    this.clusterNodes = nodes;
    this.clusterSettings = settings;
    this.clusterName = name;
  }

  /**
   * After the batched search, the door-first benchmark on the same server, instead of the latency,
   * overload, no-op and per-request phases.
   */
  void thenDoors() {
    doors2 = new DoorBenchmark(config, portal, run);
  }

  CheckinBenchmark(BenchConfig config, PortalProcess portal) {
    this.config = config;
    this.portal = portal;
  }

  /** A search for the highest sustained rate: the passing step with the highest target. */
  private record Search(OpenLoop.Result best, List<OpenLoop.Result> steps) {
    double rate() {
      return best == null ? 0 : best.targetRate;
    }
  }

  void run() throws Exception {
    portal.startEmbeddedDatabase(config.dbPort);
    startServer("batched");
    try (Connection db = portal.connect()) {
      doors = Doors.open(db, Instant.now().plus(clockOffsetGuess()));
    }
    calibrate();
    mint = new TokenMint(portal.dataDir(), run);
    Log.say(
        "Doors: facilities "
            + doors.stream().map(d -> String.valueOf(d.facilityId())).toList()
            + "; issuers' demo keys from "
            + portal.dataDir().resolve("demo-issuer-keys.properties"));

    Search batched;
    Map<Double, OpenLoop.Result> latencies = new LinkedHashMap<>();
    OpenLoop.Result overload = null;
    Overload overloadFacts = null;
    Search noop = null;
    try (BenchLock lock = BenchLock.acquire(config.lockFile)) {
      warmUp();
      keepAcknowledged = true;
      batched = search("check-ins (batched)", this::checkinStep, config.startRate);
      if (batched.best() == null) {
        throw new IllegalStateException("not even the lowest rate was sustained: see the steps");
      }
      if (cluster != null) {
        loop.close();
        String line = "Through the balancer, " + clusterName + ": " + summary(batched);
        printSteps(clusterName, batched, line);
        report.add(line);
        return;
      }
      if (doors2 != null) {
        keepAcknowledged = false;
        pause();
        doors2.run(clockOffset, batched.rate());
        loop.close();
        printSteps("batched", batched, "Check-ins: " + summary(batched));
        return;
      }
      for (double load : config.latencyLoads) {
        double rate = load * batched.rate();
        latencies.put(load, logged("latency at " + percent(load), checkinStep(rate)));
        pause();
      }
      if (config.overload) {
        overloadFacts = new Overload();
        overloadFacts.signIn();
        double rate = config.overloadFactor * batched.rate();
        overload = logged("overload", checkinStep(rate, overloadFacts::during));
        overloadFacts.awaitPage();
        keepAcknowledged = false;
        overloadFacts.verify(overload);
        pause();
      }
      keepAcknowledged = false;
      if (config.noop) {
        noop = search("no-op", this::noopStep, Math.max(config.startRate, batched.rate()));
      }
    }

    Search perRequest = null;
    if (config.perRequest) {
      portal.stopWildFly();
      startServer("per-request");
      calibrate();
      try (BenchLock lock = BenchLock.acquire(config.lockFile)) {
        warmUp();
        perRequest =
            search(
                "check-ins (per-request)",
                this::checkinStep,
                Math.min(config.startRate, Math.max(10, batched.rate() / 2)));
      }
    }
    loop.close();
    print(batched, latencies, overload, overloadFacts, noop, perRequest);
  }

  // --- the server

  private void startServer(String writeMode) throws Exception {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("portal.demo", "true");
    properties.put("portal.benchmark", "true");
    properties.put("portal.checkin.writeMode", writeMode);
    properties.put("portal.data.keys", PortalProcess.dataKey(portal.dataDir()));
    properties.put("portal.telephony.secret", "benchmark-telephony-secret");
    // the pass applies on that date; the portal's clock ticks on from there
    properties.put("portal.clock.start", config.clockStart);
    // the check-in path's settings for an experiment, e.g. -Dportal.checkin.maxInFlight=4
    Map<String, String> experiment = new java.util.TreeMap<>();
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith("portal.checkin.") && !name.endsWith(".writeMode"))
        .forEach(name -> experiment.put(name, System.getProperty(name)));
    properties.putAll(experiment);
    Log.say("Server: write mode " + writeMode + (experiment.isEmpty() ? "" : ", " + experiment));
    long start = System.nanoTime();
    if (cluster != null) {
      properties.putAll(clusterSettings);
      Log.say(
          "Cluster: " + clusterName + (clusterSettings.isEmpty() ? "" : ", " + clusterSettings));
      cluster.start(clusterNodes, config.httpPort, properties);
      Log.say("Balancer up at " + cluster.balancerUrl() + " in " + secondsSince(start) + " s");
    } else {
      portal.startWildFly(config.httpPort, config.portOffset, config.serverHeap, properties);
      Log.say(
          "Portal up at "
              + portal.baseUrl()
              + " in "
              + secondsSince(start)
              + " s (log: "
              + portal.consoleLog()
              + ")");
    }
    if (loop != null) {
      loop.close();
    }
    loop = new OpenLoop(HOST, config.httpPort, config.connections, 60_000);
  }

  private static long secondsSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000_000;
  }

  /** Before the first answer: the clock start, a few seconds late; good enough for the key rows. */
  private Duration clockOffsetGuess() {
    return Duration.between(Instant.now(), java.time.OffsetDateTime.parse(config.clockStart));
  }

  private void calibrate() throws Exception {
    clockOffset = Doors.clockOffset(HOST, config.httpPort, doors.get(0));
    Log.say("Portal clock: " + Instant.now().plus(clockOffset).truncatedTo(ChronoUnit.MILLIS));
  }

  private void warmUp() throws Exception {
    if (config.warmupSeconds <= 0) {
      return;
    }
    Log.say("Warm-up: " + config.warmupSeconds + " s at " + rate(config.startRate) + "/s");
    boolean keep = keepAcknowledged;
    keepAcknowledged = false;
    logged("warm-up", checkinStep(config.startRate, config.warmupSeconds, null));
    noopStepOf(config.startRate, Math.min(config.warmupSeconds, 3));
    keepAcknowledged = keep;
    pause();
  }

  // --- steps

  private OpenLoop.Result checkinStep(double rate) {
    return checkinStep(rate, null);
  }

  private OpenLoop.Result checkinStep(double rate, StepListener listener) {
    return checkinStep(rate, config.stepSeconds, listener);
  }

  /** Started with the time of the first request, for what runs beside the load. */
  private interface StepListener {
    void started(long startNanos, double seconds);
  }

  /**
   * One step of check-ins: the tokens made first (each issued a second before its scheduled time,
   * by the portal's clock, so that none is stale or early when it goes out), then the load.
   */
  private OpenLoop.Result checkinStep(double rate, double seconds, StepListener listener) {
    try {
      int n = Math.max(1, (int) Math.round(rate * seconds));
      long mintMillis = (long) (n * mintNanosPerToken * 1.3 / 1e6) + 300;
      long t0Millis = System.currentTimeMillis() + mintMillis;
      Instant portalT0 = Instant.ofEpochMilli(t0Millis).plus(clockOffset);
      double intervalNanos = 1e9 / rate;
      long mintStart = System.nanoTime();
      TokenMint.Token[] tokens =
          mint.mint(
              n,
              i ->
                  portalT0
                      .plusNanos((long) (i * intervalNanos))
                      .minusSeconds(1)
                      .truncatedTo(ChronoUnit.SECONDS));
      byte[][] requests = new byte[n][];
      IntStream.range(0, n)
          .parallel()
          .forEach(
              i -> {
                Door door = doors.get(i % doors.size());
                requests[i] =
                    HttpConnection.post(
                        HOST,
                        config.httpPort,
                        door.path(),
                        door.authorization(),
                        "{\"token\":\"" + tokens[i].compact() + "\"}");
              });
      mintNanosPerToken = (double) (System.nanoTime() - mintStart) / n;
      if (n * mintNanosPerToken > 1e9) {
        Log.say(
            String.format(
                Locale.ROOT, "(%d tokens made in %.1f s)", n, n * mintNanosPerToken / 1e9));
      }
      long late = System.currentTimeMillis() - t0Millis;
      if (late > 0) {
        // the tokens are that much older when they go out; they live 15 s + 5 s of skew
        if (late > 3000) {
          Log.say("Tokens took " + late + " ms longer than planned: consider shorter steps");
        }
        t0Millis = System.currentTimeMillis() + 20;
      }
      long startNanos = System.nanoTime() + (t0Millis - System.currentTimeMillis()) * 1_000_000;
      if (listener != null) {
        listener.started(startNanos, seconds);
      }
      OpenLoop.Result result = loop.run(requests, rate, startNanos, CREATED, config.drainSeconds);
      if (keepAcknowledged) {
        for (int i = 0; i < n; i++) {
          if (result.status[i] == CREATED) {
            acknowledged.add(tokens[i].nonce());
          }
        }
      }
      lastTokens = tokens;
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private TokenMint.Token[] lastTokens;

  private OpenLoop.Result noopStep(double rate) {
    return noopStepOf(rate, config.stepSeconds);
  }

  /** One step of the no-op: the same body as a check-in (a real token), no work behind it. */
  private OpenLoop.Result noopStepOf(double rate, double seconds) {
    try {
      int n = Math.max(1, (int) Math.round(rate * seconds));
      Door door = doors.get(0);
      String token =
          lastTokens != null
              ? lastTokens[0].compact()
              : mint.mint(1, i -> Instant.now())[0].compact();
      byte[] request =
          HttpConnection.post(
              HOST,
              config.httpPort,
              NOOP_PATH,
              door.authorization(),
              "{\"token\":\"" + token + "\"}");
      byte[][] requests = new byte[n][];
      java.util.Arrays.fill(requests, request);
      long startNanos = System.nanoTime() + 50_000_000;
      return loop.run(requests, rate, startNanos, OK, config.drainSeconds);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // --- the search for the highest sustained rate

  private boolean sustained(OpenLoop.Result r) {
    return r.achievedRate >= config.minAchieved * r.targetRate
        && (double) r.errors() / r.requests <= config.maxErrorRatio;
  }

  /**
   * Steps the rate up by {@code bench.stepFactor} until a step is not sustained (achieved rate
   * below {@code bench.minAchieved} of the target, or errors), then halves the gap between the last
   * sustained and the first failed rate {@code bench.refineSteps} times. If the first step already
   * fails, steps down instead.
   */
  private Search search(String what, DoubleFunction<OpenLoop.Result> step, double start) {
    Log.say("Search: " + what + ", from " + rate(start) + "/s");
    List<OpenLoop.Result> steps = new ArrayList<>();
    OpenLoop.Result best = null;
    double failed = Double.NaN;
    double rate = start;
    while (rate <= config.maxRate) {
      OpenLoop.Result r = logged(what, step.apply(rate));
      steps.add(r);
      pause();
      if (!sustained(r)) {
        failed = rate;
        break;
      }
      best = r;
      rate *= config.stepFactor;
    }
    for (rate = start / config.stepFactor; best == null && rate >= 5; rate /= config.stepFactor) {
      OpenLoop.Result r = logged(what, step.apply(rate));
      steps.add(r);
      pause();
      if (sustained(r)) {
        best = r;
      } else {
        failed = rate;
      }
    }
    for (int i = 0; i < config.refineSteps && best != null && !Double.isNaN(failed); i++) {
      double mid = Math.sqrt(best.targetRate * failed);
      if (failed / best.targetRate < 1.03) {
        break;
      }
      OpenLoop.Result r = logged(what, step.apply(mid));
      steps.add(r);
      pause();
      if (sustained(r)) {
        best = r;
      } else {
        failed = mid;
      }
    }
    Log.say(
        "Highest sustained "
            + what
            + ": "
            + (best == null ? "none" : rate(best.targetRate) + "/s")
            + (Double.isNaN(failed) ? "" : " (" + rate(failed) + "/s was not)"));
    return new Search(best, steps);
  }

  private OpenLoop.Result logged(String what, OpenLoop.Result r) {
    Log.say(
        String.format(
            Locale.ROOT,
            "%-24s target %7s/s  sent %6d  ok %6d  achieved %7s/s (%5.1f%%)  p50 %7s  p99 %7s"
                + "  p99.9 %7s ms  %s  others: %s",
            what,
            rate(r.targetRate),
            r.requests,
            r.ok(),
            rate(r.achievedRate),
            100 * r.achievedRate / r.targetRate,
            ms(r.millis(50)),
            ms(r.millis(99)),
            ms(r.millis(99.9)),
            sustained(r) ? "sustained" : "NOT sustained",
            r.others()));
    return r;
  }

  private void pause() {
    try {
      Thread.sleep((long) (config.pauseSeconds * 1000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // --- the overload: the page beside the load, and the database afterwards

  /** What the overload phase saw besides the load itself. */
  private final class Overload {
    private Thread page;
    double signInMillis = Double.NaN;
    final Histogram pageMillis = new Histogram(3_600_000, 3);
    final List<String> pageFailures = Collections.synchronizedList(new ArrayList<>());
    long acknowledgedTotal;
    long missingTotal;
    long acknowledgedHere;
    long missingHere;
    long refusedYetRecorded;

    private SignedInPage person;

    /** Signs in as the demo inspector before the load (the sign-in's time, unloaded). */
    void signIn() {
      person = new SignedInPage(portal.baseUrl());
      try {
        signInMillis = person.signIn(DemoData.INSPECTOR_EMAIL, DemoData.INSPECTOR_PASSWORD);
        Log.say("Signed in as " + DemoData.INSPECTOR_EMAIL + " in " + ms(signInMillis) + " ms");
      } catch (Exception e) {
        person = null;
        pageFailures.add("sign-in: " + e);
      }
    }

    /** While the load runs: opens the inspector's dashboard every second, signed in. */
    void during(long startNanos, double seconds) {
      if (person == null) {
        return;
      }
      long end = startNanos + (long) (seconds * 1e9);
      page =
          new Thread(
              () -> {
                try {
                  sleepUntil(startNanos + 500_000_000L);
                  while (System.nanoTime() < end) {
                    long next = System.nanoTime() + (long) (config.pageEverySeconds * 1e9);
                    try {
                      pageMillis.recordValue(
                          Math.max(1, Math.round(person.open("/inspector/dashboard.xhtml"))));
                    } catch (java.io.IOException e) {
                      pageFailures.add(e.getMessage());
                    }
                    sleepUntil(next);
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "signed-in-page");
      page.setDaemon(true);
      page.start();
    }

    void awaitPage() throws InterruptedException {
      if (page != null) {
        page.join(120_000);
      }
    }

    /** Every acknowledged check-in is in the visit table, by its nonce. */
    void verify(OpenLoop.Result overload) throws SQLException {
      List<String> here = new ArrayList<>();
      List<String> refused = new ArrayList<>();
      for (int i = 0; i < overload.requests; i++) {
        if (overload.status[i] == CREATED) {
          here.add(lastTokens[i].nonce());
        } else if (overload.status[i] != OpenLoop.UNSENT) {
          refused.add(lastTokens[i].nonce());
        }
      }
      try (Connection db = portal.connect()) {
        long[] all = missing(db, acknowledged);
        acknowledgedTotal = all[0];
        missingTotal = all[1];
        long[] now = missing(db, here);
        acknowledgedHere = now[0];
        missingHere = now[1];
        long[] notAcknowledged = missing(db, refused);
        refusedYetRecorded = notAcknowledged[0] - notAcknowledged[1];
      }
      Log.say(
          "Database: "
              + missingHere
              + " of "
              + acknowledgedHere
              + " acknowledged in the overload missing; "
              + missingTotal
              + " of "
              + acknowledgedTotal
              + " acknowledged since the start missing; "
              + refusedYetRecorded
              + " answered otherwise yet recorded");
    }
  }

  /** {count, how many of them no visit has as its token_nonce}. */
  private static long[] missing(Connection db, List<String> nonces) throws SQLException {
    boolean auto = db.getAutoCommit();
    db.setAutoCommit(false);
    try (Statement s = db.createStatement()) {
      s.execute("create temporary table bench_nonce (nonce varchar(64)) on commit drop");
      try (PreparedStatement insert =
          db.prepareStatement("insert into bench_nonce (nonce) values (?)")) {
        int batch = 0;
        synchronized (nonces) {
          for (String nonce : nonces) {
            insert.setString(1, nonce);
            insert.addBatch();
            if (++batch % 5000 == 0) {
              insert.executeBatch();
            }
          }
        }
        insert.executeBatch();
      }
      s.execute("analyze bench_nonce");
      ResultSet rs =
          s.executeQuery(
              // a join, not "not exists" in the filter: that is a subplan per nonce, each a
              // scan of every partition (token_nonce has no index), hours at 200,000 nonces
              "select count(*), count(*) filter (where v.token_nonce is null) from bench_nonce n"
                  + " left join (select distinct token_nonce from visit"
                  + " where token_nonce is not null) v on v.token_nonce = n.nonce");
      rs.next();
      long[] result = {rs.getLong(1), rs.getLong(2)};
      db.commit();
      return result;
    } finally {
      db.setAutoCommit(auto);
    }
  }

  // --- the report

  private void print(
      Search batched,
      Map<Double, OpenLoop.Result> latencies,
      OpenLoop.Result overload,
      Overload facts,
      Search noop,
      Search perRequest) {
    List<String> out = new ArrayList<>();
    out.add("");
    out.add("CHECK-IN BENCHMARK  " + environment());
    out.add("");
    Log.Table max = new Log.Table("measure", "target /s", "achieved /s", "p50 ms", "p99 ms");
    row(max, "max sustained check-ins (batched)", batched.best());
    if (noop != null) {
      row(max, "max no-op (ceiling)", noop.best());
    }
    if (perRequest != null) {
      row(max, "max sustained check-ins (per-request)", perRequest.best());
    }
    out.add(max.toString());
    Log.Table ratios = new Log.Table("ratio", "value");
    if (noop != null && noop.rate() > 0) {
      ratios.row("check-in (batched) / no-op", ratio(batched.rate(), noop.rate()));
    }
    if (perRequest != null && perRequest.rate() > 0) {
      ratios.row("batched / per-request", ratio(batched.rate(), perRequest.rate()));
    }
    out.add(ratios.toString());
    Log.Table latency =
        new Log.Table(
            "check-ins (batched) at",
            "target /s",
            "achieved /s",
            "p50 ms",
            "p99 ms",
            "p99.9 ms",
            "not 201");
    latencies.forEach(
        (load, r) ->
            latency.row(
                percent(load) + " of max",
                rate(r.targetRate),
                rate(r.achievedRate),
                ms(r.millis(50)),
                ms(r.millis(99)),
                ms(r.millis(99.9)),
                r.errors()));
    out.add(latency.toString());
    if (overload != null) {
      out.add(
          "Overload: "
              + percent(config.overloadFactor)
              + " of max = "
              + rate(overload.targetRate)
              + "/s for "
              + trim(config.stepSeconds)
              + " s ("
              + overload.requests
              + " requests)");
      out.add("");
      Log.Table answers = new Log.Table("answer", "count", "p50 ms", "p99 ms");
      overload.byStatus.forEach(
          (status, count) -> {
            Histogram h = overload.latencyByStatus.get(status);
            answers.row(
                OpenLoop.statusName(status)
                    + (status == CREATED ? " (committed)" : status == 503 ? " (shed)" : ""),
                count,
                ms(OpenLoop.Result.percentile(h, 50)),
                ms(OpenLoop.Result.percentile(h, 99)));
          });
      out.add(answers.toString());
      if (!overload.refusals.isEmpty()) {
        out.add("Refusal codes: " + overload.refusals);
        out.add("");
      }
      Log.Table checks = new Log.Table("check", "result");
      checks.row(
          "acknowledged (201) in the overload, found in the database",
          (facts.acknowledgedHere - facts.missingHere)
              + " of "
              + facts.acknowledgedHere
              + " (missing "
              + facts.missingHere
              + ")");
      checks.row(
          "acknowledged in every measured batched step, found",
          (facts.acknowledgedTotal - facts.missingTotal)
              + " of "
              + facts.acknowledgedTotal
              + " (missing "
              + facts.missingTotal
              + ")");
      checks.row("answered otherwise (not 201), yet recorded", facts.refusedYetRecorded);
      checks.row(
          "inspector sign-in just before the overload",
          Double.isNaN(facts.signInMillis) ? "failed" : ms(facts.signInMillis) + " ms");
      Histogram p = facts.pageMillis;
      checks.row(
          "inspector dashboard during the overload",
          p.getTotalCount() == 0
              ? "not opened"
              : p.getTotalCount()
                  + " opens: median "
                  + p.getValueAtPercentile(50)
                  + " ms, max "
                  + p.getMaxValue()
                  + " ms");
      if (!facts.pageFailures.isEmpty()) {
        checks.row("page failures", facts.pageFailures.size() + ": " + facts.pageFailures.get(0));
      }
      out.add(checks.toString());
    }
    Log.Table steps =
        new Log.Table("every step", "target /s", "achieved /s", "p50 ms", "p99 ms", "sustained");
    stepRows(steps, "batched", batched);
    stepRows(steps, "no-op", noop);
    stepRows(steps, "per-request", perRequest);
    out.add(steps.toString());
    report.addAll(out);
    out.forEach(System.out::println);
  }

  List<String> report() {
    return report;
  }

  /** The search's highest sustained rate and its latency, in one line. */
  private static String summary(Search search) {
    return "highest sustained "
        + rate(search.rate())
        + " check-ins/s, p50 "
        + ms(search.best().millis(50))
        + " ms, p99 "
        + ms(search.best().millis(99))
        + " ms";
  }

  /** Every step of the search as a table, then the line with the environment. */
  private void printSteps(String name, Search search, String line) {
    Log.Table steps =
        new Log.Table("every step", "target /s", "achieved /s", "p50 ms", "p99 ms", "sustained");
    stepRows(steps, name, search);
    System.out.println(steps);
    System.out.println(line + " " + environment());
  }

  private void stepRows(Log.Table table, String name, Search search) {
    if (search == null) {
      return;
    }
    for (OpenLoop.Result r : search.steps()) {
      table.row(
          name,
          rate(r.targetRate),
          rate(r.achievedRate),
          ms(r.millis(50)),
          ms(r.millis(99)),
          sustained(r) ? "yes" : "no: " + shortfall(r));
    }
  }

  /** Why a step was not sustained: its achieved share, and the answers other than expected. */
  private String shortfall(OpenLoop.Result r) {
    String achieved =
        r.achievedRate < config.minAchieved * r.targetRate
            ? String.format(Locale.ROOT, "achieved %.0f%%", 100 * r.achievedRate / r.targetRate)
            : "";
    String others = r.errors() == 0 ? "" : r.others();
    return achieved.isEmpty() || others.isEmpty() ? achieved + others : achieved + "; " + others;
  }

  private static void row(Log.Table table, String name, OpenLoop.Result r) {
    if (r == null) {
      table.row(name, "-", "-", "-", "-");
    } else {
      table.row(name, rate(r.targetRate), rate(r.achievedRate), ms(r.millis(50)), ms(r.millis(99)));
    }
  }

  private String environment() {
    return String.format(
        Locale.ROOT,
        "(%d cores, Java %s, %d connections, steps of %s s, server heap %s, PostgreSQL fsync=on"
            + " synchronous_commit=on; %s)",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        config.connections,
        trim(config.stepSeconds),
        config.serverHeap,
        Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  static String rate(double rate) {
    return rate >= 100
        ? String.valueOf(Math.round(rate))
        : String.format(Locale.ROOT, "%.1f", rate);
  }

  static String ms(double millis) {
    if (Double.isNaN(millis)) {
      return "-";
    }
    return millis >= 100
        ? String.valueOf(Math.round(millis))
        : String.format(Locale.ROOT, "%.2f", millis);
  }

  private static String ratio(double a, double b) {
    return String.format(Locale.ROOT, "%.2f", a / b);
  }

  private static String percent(double fraction) {
    return Math.round(fraction * 100) + "%";
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }

  private static void sleepUntil(long nanos) throws InterruptedException {
    for (long wait = nanos - System.nanoTime(); wait > 0; wait = nanos - System.nanoTime()) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }

  private static String randomId() {
    byte[] b = new byte[4];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
