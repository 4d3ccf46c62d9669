package kr.vaccinepass.portal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
import kr.vaccinepass.portal.devtools.bench.Doors;
import kr.vaccinepass.portal.devtools.bench.TokenMint;

/**
 * Check-ins on four threads against one address (the balancer, or one node), each a fresh token at
 * one of the demo owner's doors, tried again (the same token) after a timeout, a broken connection
 * or a 5xx until answered, as a door does; then the check that every acknowledged check-in is in
 * PostgreSQL once.
 */
final class CheckinLoad implements AutoCloseable {
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** The demo owner's doors and the portal's clock as seen from here. */
  record Setup(List<Doors.Door> doors, Duration clockOffset, Connection db) {
    static Setup setUp(Connection db, String baseUrl) throws Exception {
      long owner = Doors.demoOwner(db);
      URI base = URI.create(baseUrl);
      long someFacility;
      try (var q = db.prepareStatement("select min(id) from facility where owner_id = ?")) {
        q.setLong(1, owner);
        var rs = q.executeQuery();
        rs.next();
        someFacility = rs.getLong(1);
      }
      Doors.Door probe = Doors.keys(db, owner, List.of(someFacility), Instant.now()).get(0);
      Duration offset = Doors.clockOffset(base.getHost(), base.getPort(), probe);
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
  static final Pattern VISIT_ID = Pattern.compile("\"visitId\"\\s*:\\s*(\\d+)");

  /** Nonce → the visit its answer named (-1 when none was named). */
  final Map<String, Long> acknowledged = new ConcurrentHashMap<>();

  /** Nonce → when it was first sent (System.nanoTime()). */
  final Map<String, Long> sent = new ConcurrentHashMap<>();

  final List<String> refused = new CopyOnWriteArrayList<>();
  final Set<String> unanswered = ConcurrentHashMap.newKeySet();
  final AtomicInteger retries = new AtomicInteger();
  private final Setup setup;
  private final String baseUrl;
  private final Duration tryFor;
  private final TokenMint mint;
  private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);
  private final List<Future<?>> loops = new ArrayList<>();
  private volatile boolean stopping;

  /**
   * @param baseUrl where the check-ins go, ending in a slash
   * @param tryFor how long a token is tried again before it counts as unanswered
   */
  CheckinLoad(Setup setup, Path dataDir, String baseUrl, Duration tryFor) throws Exception {
    this.setup = setup;
    this.baseUrl = baseUrl;
    this.tryFor = tryFor;
    this.mint = new TokenMint(dataDir, "load" + System.currentTimeMillis());
  }

  /** One check-in at that address, pinned to a node by the balancer's cookie unless null. */
  static HttpResponse<String> checkIn(String baseUrl, Doors.Door door, String token, String node)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + door.path().substring(1)))
            .timeout(Duration.ofSeconds(5))
            .header("Authorization", door.authorization())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}"));
    if (node != null) {
      request.header("Cookie", "PORTAL_NODE=" + node);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

  /** Tries the token until it is answered, for at most {@link #tryFor}. */
  private void answer(Doors.Door door, TokenMint.Token token) throws InterruptedException {
    long deadline = System.nanoTime() + tryFor.toNanos();
    sent.put(token.nonce(), System.nanoTime());
    while (true) {
      try {
        HttpResponse<String> r = checkIn(baseUrl, door, token.compact(), null);
        if (r.statusCode() / 100 == 2) {
          Matcher id = VISIT_ID.matcher(r.body());
          acknowledged.put(token.nonce(), id.find() ? Long.parseLong(id.group(1)) : -1L);
          return;
        }
        if (r.statusCode() < 500 && r.statusCode() != 429) {
          refused.add(token.nonce() + " " + r.statusCode() + " " + r.body());
          return;
        }
      } catch (IOException e) {
        // the node died under the request, or did not answer in time: the door tries again
      }
      retries.incrementAndGet();
      if (System.nanoTime() > deadline || stopping) {
        unanswered.add(token.nonce());
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

  /** Nonce → the visits stored with it, for the tokens of this load. */
  Map<String, List<Long>> stored(Connection db) throws Exception {
    Map<String, List<Long>> stored = new HashMap<>();
    try (var q =
        db.prepareStatement("select token_nonce, id from visit where token_nonce like ?")) {
      q.setString(1, sent.keySet().iterator().next().replaceAll("-\\d+$", "") + "-%");
      var rs = q.executeQuery();
      while (rs.next()) {
        stored.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
      }
    }
    return stored;
  }

  /** Every acknowledged check-in is stored once, with the visit its answer named; none twice. */
  void assertAcknowledgedStoredOnce(Connection db) throws Exception {
    assertTrue(acknowledged.size() > 50, "some load: " + acknowledged.size());
    Map<String, List<Long>> stored = stored(db);
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

  /** As {@link #assertAcknowledgedStoredOnce}, and every check-in was answered, none refused. */
  void assertNothingLostNorTwice(Connection db) throws Exception {
    assertEquals(List.of(), refused, "no check-in refused");
    assertEquals(Set.of(), unanswered, "every check-in answered within " + tryFor);
    assertAcknowledgedStoredOnce(db);
  }

  @Override
  public void close() {
    stopping = true;
    threads.shutdownNow();
  }
}
