package kr.vaccinepass.portal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.vaccinepass.portal.demo.DemoData;
import kr.vaccinepass.portal.devtools.PortalCluster;
import kr.vaccinepass.portal.devtools.PortalProcess;
import kr.vaccinepass.portal.devtools.SignedInPage;
import kr.vaccinepass.portal.devtools.bench.Doors;
import kr.vaccinepass.portal.devtools.bench.TokenMint;
import kr.vaccinepass.portal.testsupport.PostgresControl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two WildFly nodes with the HA configuration behind HAProxy, started as the cluster command starts
 * them (docs/operations.md, "Cluster"): they form one JGroups cluster over TCP on loopback, the
 * balancer spreads new visitors over both and keeps a visitor on one node, and when the node of a
 * signed-in owner is killed ({@code kill -9}) the balancer takes it out within seconds while the
 * owner is answered by the other node, still signed in (the session was replicated). Prints the
 * time the balancer took (docs/benchmarks.md).
 */
class ClusterIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static PortalCluster cluster;

  @BeforeAll
  static void startTwoNodes() throws Exception {
    boolean installed;
    try {
      PortalCluster.haproxy();
      installed = true;
    } catch (IllegalStateException missing) {
      installed = false;
    }
    // as the browser tests do without Chromium: skipped with a message, except under CI
    assertTrue(
        installed || !"true".equals(System.getenv("CI")),
        "CI=true but HAProxy is not installed (apt-get install haproxy)");
    Assumptions.assumeTrue(
        installed,
        "HAProxy is not installed (apt-get install haproxy): the cluster test is skipped");
    Path work = Path.of("target/cluster-it").toAbsolutePath();
    Path data = work.resolve("data");
    cluster =
        new PortalCluster(
            Path.of(System.getProperty("jboss.home")),
            Path.of(System.getProperty("portal.war")),
            data,
            work,
            Path.of(System.getProperty("portal.configure.script")),
            line -> System.out.println("[cluster-it] " + line));
    Files.createDirectories(data);
    cluster.database().startEmbeddedDatabase(freePort());
    cluster.start(
        2,
        freePort(),
        Map.of(
            "portal.demo",
            "true",
            // a weekday lunchtime while the pass was enforced: the demo owner's doors check in
            "portal.clock.start",
            PortalProcess.DEFAULT_CLOCK_START,
            "portal.data.keys",
            PortalProcess.dataKey(data),
            "portal.telephony.secret",
            "cluster-it-telephony-secret"));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void twoNodesFormOneClusterBehindTheBalancerAndADeadNodeIsTakenOut() throws Exception {
    // one JGroups cluster: node2 joined the view node1 made, and node1 saw it join
    Path first = cluster.node(1).consoleLog();
    Path second = cluster.node(2).consoleLog();
    waitUntil(
        Duration.ofSeconds(60),
        () ->
            Files.readString(second)
                .matches("(?s).*WFLYCLJG0033: [^\\n]*'node2' joined cluster [^\\n]*\\(2\\).*"),
        "node2 joined a cluster view of two members (" + second + ")");
    waitUntil(
        Duration.ofSeconds(60),
        () -> Files.readString(first).contains("ISPN100000: Node node2 joined the cluster"),
        "node1 saw node2 join (" + first + ")");

    // new visitors are spread over both nodes
    Set<String> nodes = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      HttpResponse<String> page = get("public/index.xhtml", null);
      assertEquals(200, page.statusCode());
      nodes.add(page.headers().firstValue("X-Portal-Node").orElse("?"));
      assertTrue(
          page.headers().allValues("Set-Cookie").stream()
              .anyMatch(c -> c.startsWith("PORTAL_NODE=")),
          "the balancer gives a new visitor its node's cookie");
    }
    assertEquals(Set.of("node1", "node2"), nodes);

    // an owner signs in through the balancer, and stays on one node
    SignedInPage owner = new SignedInPage(cluster.balancerUrl().replaceAll("/$", ""));
    owner.signIn(DemoData.OWNER_EMAIL, DemoData.OWNER_PASSWORD);
    HttpResponse<String> dashboard = owner.get("/owner/dashboard.xhtml");
    assertEquals(200, dashboard.statusCode(), "signed in");
    String home = dashboard.headers().firstValue("X-Portal-Node").orElseThrow();
    for (int i = 0; i < 3; i++) {
      assertEquals(
          home, owner.get("/owner/dashboard.xhtml").headers().firstValue("X-Portal-Node").get());
    }
    int dead = home.equals("node1") ? 1 : 2;
    String other = dead == 1 ? "node2" : "node1";

    aNonceAdmittedAtOneNodeIsAReplayAtTheOtherWithoutTheDatabase();

    try (Connection db = cluster.database().connect()) {
      Load.Setup setup = Load.Setup.setUp(db);
      revokedOnOneNodeIsRefusedOnTheOther(setup);

      // check-ins through the balancer, each door retrying its token until answered, while the
      // owner's node dies
      try (Load load = new Load(setup, cluster.database().dataDir())) {
        load.start();
        Thread.sleep(4000);
        long before = load.acknowledged.size();
        long killedAt = System.nanoTime();
        killOwnersNode(owner, dead, home, other);
        Thread.sleep(4000);
        load.stop();
        long afterKill = load.acknowledged.size() - before;
        double seconds = (System.nanoTime() - killedAt) / 1e9;
        load.assertNothingLostNorTwice(db);
        System.out.println(
            "CLUSTER: under check-in load, "
                + load.acknowledged.size()
                + " check-ins acknowledged ("
                + before
                + " in 4 s before the kill, "
                + afterKill
                + String.format(" in the %.1f s after it", seconds)
                + "), "
                + load.retries.get()
                + " retries of a token after a failed try, every acknowledged check-in in"
                + " PostgreSQL once, none twice");
      }
    }
  }

  /**
   * A token admitted at one facility through node1 is shown at another facility through node2:
   * node2 refuses it as a replay from the nonce claims the nodes share, before anything is written,
   * so even with PostgreSQL stopped (a refusal found by the database's unique claim would be a 503
   * then).
   */
  private static void aNonceAdmittedAtOneNodeIsAReplayAtTheOtherWithoutTheDatabase()
      throws Exception {
    Doors.Door first;
    Doors.Door second;
    Load.Setup setup;
    PostgresControl postgres;
    try (Connection db = cluster.database().connect()) {
      setup = Load.Setup.setUp(db);
      first = setup.doors().get(0);
      second =
          setup.doors().stream()
              .filter(d -> d.facilityId() != first.facilityId())
              .findFirst()
              .orElseThrow();
      postgres = PostgresControl.of(db);
    }
    // each node has met both doors (their keys are cached, as at a door in use)
    for (Doors.Door door : List.of(first, second)) {
      for (String node : List.of("node1", "node2")) {
        assertTrue(checkIn(door, "not-a-token", node).statusCode() != 401, "the key works");
      }
    }
    TokenMint mint = new TokenMint(cluster.database().dataDir(), "replay" + System.nanoTime());
    TokenMint.Token token = mint.mint(1, i -> setup.portalNow())[0];
    HttpResponse<String> admitted = checkIn(first, token.compact(), "node1");
    assertEquals(201, admitted.statusCode(), admitted.body());
    postgres.stop();
    try {
      long asked = System.nanoTime();
      HttpResponse<String> replayed = checkIn(second, token.compact(), "node2");
      long tookMs = (System.nanoTime() - asked) / 1_000_000;
      assertEquals("node2", replayed.headers().firstValue("X-Portal-Node").orElse("?"));
      assertEquals(
          409, replayed.statusCode(), "a replay, with PostgreSQL down: " + replayed.body());
      assertTrue(replayed.body().contains("REPLAYED"), replayed.body());
      System.out.println(
          "CLUSTER: a nonce admitted at node1 was refused as a replay at node2 in "
              + tookMs
              + " ms, with PostgreSQL stopped");
    } finally {
      postgres.start();
    }
    // both nodes write again once PostgreSQL is back
    for (String node : List.of("node1", "node2")) {
      waitUntil(
          Duration.ofSeconds(30),
          () ->
              checkIn(first, mint.mint(1, i -> setup.portalNow())[0].compact(), node).statusCode()
                  == 201,
          node + " writes check-ins again");
    }
  }

  /** A door unpairs itself at one node; the other node, which had its key cached, refuses it. */
  private static void revokedOnOneNodeIsRefusedOnTheOther(Load.Setup setup) throws Exception {
    Doors.Door door = setup.spare();
    for (String node : List.of("node1", "node2")) {
      HttpResponse<String> probe = checkIn(door, "not-a-token", node);
      assertEquals(node, probe.headers().firstValue("X-Portal-Node").orElse("?"), "pinned");
      assertTrue(probe.statusCode() != 401, "the key works at " + node + ": " + probe.body());
    }
    HttpResponse<String> unpaired =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(cluster.balancerUrl() + "api/v1/door/pairing"))
                .header("Authorization", door.authorization())
                .header("Cookie", "PORTAL_NODE=node1")
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    long revokedAt = System.nanoTime();
    assertEquals(204, unpaired.statusCode(), unpaired.body());
    while (checkIn(door, "not-a-token", "node2").statusCode() != 401) {
      assertTrue(System.nanoTime() - revokedAt < 5_000_000_000L, "node2 still takes the key");
    }
    long tookMs = (System.nanoTime() - revokedAt) / 1_000_000;
    System.out.println(
        "CLUSTER: a device key revoked at node1 was refused at node2 " + tookMs + " ms later");
    assertTrue(tookMs < 1000, "refused at the other node after " + tookMs + " ms");
  }

  private static HttpResponse<String> checkIn(Doors.Door door, String token, String node)
      throws java.io.IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(cluster.balancerUrl() + door.path().substring(1)))
            .timeout(Duration.ofSeconds(5))
            .header("Authorization", door.authorization())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}"));
    if (node != null) {
      request.header("Cookie", "PORTAL_NODE=" + node);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Check-ins through the balancer on four threads, each a fresh token at one of the demo owner's
   * doors, tried again (the same token) after a timeout, a broken connection or a 5xx until
   * answered, as a door does.
   */
  private static final class Load implements AutoCloseable {
    record Setup(List<Doors.Door> doors, Duration clockOffset, Connection db) {
      static Setup setUp(Connection db) throws Exception {
        long owner = Doors.demoOwner(db);
        URI balancer = URI.create(cluster.balancerUrl());
        long someFacility;
        try (var q = db.prepareStatement("select min(id) from facility where owner_id = ?")) {
          q.setLong(1, owner);
          var rs = q.executeQuery();
          rs.next();
          someFacility = rs.getLong(1);
        }
        Doors.Door probe = Doors.keys(db, owner, List.of(someFacility), Instant.now()).get(0);
        Duration offset = Doors.clockOffset(balancer.getHost(), balancer.getPort(), probe);
        return new Setup(Doors.open(db, Instant.now().plus(offset)), offset, db);
      }

      Doors.Door spare() throws Exception {
        long owner = Doors.demoOwner(db);
        return Doors.keys(db, owner, List.of(doors.get(0).facilityId()), portalNow()).get(0);
      }

      Instant portalNow() {
        return Instant.now().plus(clockOffset);
      }
    }

    private static final int THREADS = 4;
    private static final Pattern VISIT_ID = Pattern.compile("\"visitId\"\\s*:\\s*(\\d+)");

    final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    final List<String> refused = new CopyOnWriteArrayList<>();
    final AtomicInteger retries = new AtomicInteger();
    final AtomicInteger unanswered = new AtomicInteger();
    private final Setup setup;
    private final TokenMint mint;
    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    private final List<Future<?>> loops = new ArrayList<>();
    private volatile boolean stopping;

    Load(Setup setup, Path dataDir) throws Exception {
      this.setup = setup;
      this.mint = new TokenMint(dataDir, "cluster" + System.currentTimeMillis());
    }

    void start() {
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        loops.add(threads.submit(() -> loop(thread)));
      }
    }

    private Void loop(int thread) throws Exception {
      int n = thread;
      while (!stopping) {
        TokenMint.Token token = mint.mint(1, i -> setup.portalNow())[0];
        Doors.Door door = setup.doors().get(n++ % setup.doors().size());
        answer(door, token);
      }
      return null;
    }

    /** Tries the token until it is answered, for at most 10 s of its 15 s life. */
    private void answer(Doors.Door door, TokenMint.Token token) throws InterruptedException {
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (true) {
        try {
          HttpResponse<String> r = checkIn(door, token.compact(), null);
          if (r.statusCode() / 100 == 2) {
            Matcher id = VISIT_ID.matcher(r.body());
            acknowledged.put(token.nonce(), id.find() ? Long.parseLong(id.group(1)) : -1L);
            return;
          }
          if (r.statusCode() < 500 && r.statusCode() != 429) {
            refused.add(token.nonce() + " " + r.statusCode() + " " + r.body());
            return;
          }
        } catch (java.io.IOException e) {
          // the node died under the request: the door tries again
        }
        retries.incrementAndGet();
        if (System.nanoTime() > deadline) {
          unanswered.incrementAndGet();
          return;
        }
        Thread.sleep(200);
      }
    }

    void stop() throws Exception {
      stopping = true;
      for (Future<?> loop : loops) {
        loop.get(30, TimeUnit.SECONDS);
      }
    }

    /** Every acknowledged check-in is stored once, with the visit its answer named. */
    void assertNothingLostNorTwice(Connection db) throws Exception {
      assertEquals(List.of(), refused, "no check-in refused");
      assertEquals(0, unanswered.get(), "every check-in answered within 10 s of retries");
      assertTrue(acknowledged.size() > 50, "some load: " + acknowledged.size());
      Map<String, List<Long>> stored = new HashMap<>();
      try (var q =
          db.prepareStatement("select token_nonce, id from visit where token_nonce like ?")) {
        q.setString(1, acknowledged.keySet().iterator().next().replaceAll("-\\d+$", "") + "-%");
        var rs = q.executeQuery();
        while (rs.next()) {
          stored.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
        }
      }
      List<String> missing = new ArrayList<>();
      List<String> twice = new ArrayList<>();
      acknowledged.forEach(
          (nonce, id) -> {
            List<Long> visits = stored.getOrDefault(nonce, List.of());
            if (visits.isEmpty()) {
              missing.add(nonce);
            } else if (id >= 0 && !visits.contains(id)) {
              missing.add(nonce + " (answered visit " + id + ", stored " + visits + ")");
            }
          });
      stored.forEach(
          (nonce, visits) -> {
            if (visits.size() > 1) {
              twice.add(nonce + " " + visits);
            }
          });
      assertEquals(List.of(), missing, "acknowledged check-ins missing from PostgreSQL");
      assertEquals(List.of(), twice, "check-ins stored twice");
    }

    @Override
    public void close() {
      stopping = true;
      threads.shutdownNow();
    }
  }

  /**
   * The owner's node dies: the balancer sees it within seconds; meanwhile and after, the owner's
   * requests are answered by the other node, still signed in (the session was replicated).
   */
  private static void killOwnersNode(SignedInPage owner, int dead, String home, String other)
      throws Exception {
    long killed = System.nanoTime();
    cluster.node(dead).kill();
    int answered = 0;
    while (!cluster.balancerSays(dead).startsWith("DOWN")) {
      assertTrue(
          System.nanoTime() - killed < 15_000_000_000L, "the balancer still sends to " + home);
      HttpResponse<String> page = owner.get("/owner/dashboard.xhtml");
      if (page.statusCode() == 200) {
        assertEquals(other, page.headers().firstValue("X-Portal-Node").orElse("?"));
        answered++;
      }
      Thread.sleep(100);
    }
    long tookMs = (System.nanoTime() - killed) / 1_000_000;
    HttpResponse<String> after = owner.get("/owner/dashboard.xhtml");
    assertEquals(200, after.statusCode(), "still signed in on the other node: " + after.headers());
    assertEquals(other, after.headers().firstValue("X-Portal-Node").orElse("?"));
    assertTrue(after.body().contains("userForm:signOut"), "the owner's page, signed in");
    System.out.println(
        "CLUSTER: the balancer took "
            + home
            + " out "
            + tookMs
            + " ms after kill -9; "
            + answered
            + " requests of its signed-in owner answered by "
            + other
            + " meanwhile, still signed in");
    assertTrue(tookMs < 10_000, "taken out in " + tookMs + " ms");
  }

  private static HttpResponse<String> get(String path, String node) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(cluster.balancerUrl() + path))
            .timeout(Duration.ofSeconds(20));
    if (node != null) {
      request.header("Cookie", "PORTAL_NODE=" + node);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  interface Check {
    boolean holds() throws Exception;
  }

  private static void waitUntil(Duration at, Check check, String what) throws Exception {
    long deadline = System.nanoTime() + at.toNanos();
    while (!check.holds()) {
      assertTrue(System.nanoTime() < deadline, what);
      Thread.sleep(250);
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
