package kr.vaccinepass.portal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.vaccinepass.portal.devtools.PortalProcess;
import kr.vaccinepass.portal.devtools.bench.TokenMint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One WildFly node over PostgreSQL, killed ({@code kill -9}) while a batch of check-ins is being
 * written: PostgreSQL holds the batch's insert (a test transaction locks the visit table), so the
 * node dies with the batch sent and not committed. After the restart every check-in that was
 * answered 201 is in PostgreSQL once, and of the batch in flight nothing is (a batch is one
 * transaction: all of it or none); the node writes again without anything done by hand.
 */
class NodeCrashIT {
  /**
   * The node's port offset: the tests' server is at 100, the benchmark's at 300, a cluster's 500…
   */
  private static final int OFFSET = 400;

  private static PortalProcess node;
  private static Map<String, String> properties;

  @BeforeAll
  static void startOneNode() throws Exception {
    Path work = Path.of("target/node-crash-it").toAbsolutePath();
    Path data = work.resolve("data");
    Files.createDirectories(data);
    node =
        new PortalProcess(
            Path.of(System.getProperty("jboss.home")),
            Path.of(System.getProperty("portal.war")),
            data,
            work.resolve("node"),
            line -> System.out.println("[node-crash-it] " + line));
    node.startEmbeddedDatabase(Waits.freePort());
    properties =
        Map.of(
            "portal.demo",
            "true",
            "portal.clock.start",
            PortalProcess.DEFAULT_CLOCK_START,
            // the restarted node's clock goes on from where it was, as a real clock does
            "portal.clock.anchor",
            java.time.Instant.now().toString(),
            "portal.data.keys",
            PortalProcess.dataKey(data),
            "portal.telephony.secret",
            "node-crash-it-telephony-secret");
    node.startWildFly(8080 + OFFSET, OFFSET, null, properties);
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void killedMidBatchEveryAcknowledgedCheckinIsStoredAndTheBatchInFlightIsNot() throws Exception {
    String url = node.baseUrl() + "/";
    try (Connection db = node.connect();
        Connection lock = node.connect()) {
      CheckinLoad.Setup setup = CheckinLoad.Setup.setUp(db, url);
      List<String> inFlight = new ArrayList<>();
      try (CheckinLoad load = new CheckinLoad(setup, node.dataDir(), url, Duration.ofSeconds(8))) {
        load.start();
        Thread.sleep(3000);

        // the writer's next insert waits on this lock: its batch is sent, not committed
        lock.setAutoCommit(false);
        lock.createStatement().execute("lock table visit in exclusive mode");
        Waits.until(
            Duration.ofSeconds(10),
            () -> insertsWaitingOnTheLock(db) > 0,
            "the node's batch insert waits on the lock");
        Thread.sleep(1000);
        int acknowledgedBeforeTheKill = load.acknowledged.size();
        node.kill();
        lock.rollback();
        load.stop();

        assertEquals(List.of(), load.refused, "no check-in refused");
        load.sent.keySet().stream()
            .filter(nonce -> !load.acknowledged.containsKey(nonce))
            .forEach(inFlight::add);
        assertEquals(
            acknowledgedBeforeTheKill, load.acknowledged.size(), "nothing answered after death");
        assertTrue(!inFlight.isEmpty(), "check-ins were in flight when the node died");

        node.startWildFly(8080 + OFFSET, OFFSET, null, properties);

        load.assertAcknowledgedStoredOnce(db);
        var stored = load.stored(db);
        List<String> partial = inFlight.stream().filter(stored::containsKey).toList();
        assertEquals(List.of(), partial, "check-ins of the batch in flight stored");

        // the node writes again, as it did before
        TokenMint mint = new TokenMint(node.dataDir(), "after" + System.nanoTime());
        HttpResponse<String> fresh =
            CheckinLoad.checkIn(
                url, setup.doors().get(0), mint.mint(1, i -> setup.portalNow())[0].compact(), null);
        assertEquals(201, fresh.statusCode(), fresh.body());
        System.out.println(
            "NODE CRASH: "
                + load.acknowledged.size()
                + " check-ins acknowledged, all in PostgreSQL once after the restart; "
                + inFlight.size()
                + " in flight when the node was killed mid-batch, none of them stored");
      }
    }
  }

  /** The portal's batch inserts (one statement each, CLAIMED_INSERT) waiting for a lock now. */
  private static int insertsWaitingOnTheLock(Connection db) throws Exception {
    try (var q =
        db.prepareStatement(
            "select count(*) from pg_stat_activity where pid <> pg_backend_pid()"
                + " and wait_event_type = 'Lock' and query ilike '%insert into visit%'")) {
      var rs = q.executeQuery();
      rs.next();
      return rs.getInt(1);
    }
  }
}
