package kr.vaccinepass.portal.visit;

import static kr.vaccinepass.portal.testsupport.TestActors.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import kr.vaccinepass.portal.facility.application.FacilityDirectory;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.domain.FacilityStatus;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.identity.application.LoginThrottle;
import kr.vaccinepass.portal.identity.infrastructure.JpaSignInFailures;
import kr.vaccinepass.portal.pass.application.TrustList;
import kr.vaccinepass.portal.shared.infrastructure.ClusterJobs;
import kr.vaccinepass.portal.shared.infrastructure.ClusterNotices;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.testsupport.Deployments;
import kr.vaccinepass.portal.visit.application.DeviceKeys;
import kr.vaccinepass.portal.visit.application.VisitRecordService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * What the nodes of a cluster share, tested on one node in WildFly on PostgreSQL: "another node" is
 * a plain database session of the test, which changes rows and sends the notice the portal's
 * services send (shared.infrastructure.ClusterNotices), or holds a job's lock the way a running
 * node does. A revoked device key, a suspended facility and a trust-list change reach this node's
 * copies within a second; this node's own changes are announced to every listener; a job runs once
 * per period in the cluster and is taken over when the node running it dies; failed sign-ins count
 * on every node.
 */
@ExtendWith(ArquillianExtension.class)
class ClusterStateIT {
  /** What the issue asks: a change reaches every node within a second. */
  private static final long WITHIN_MILLIS = 1000;

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(ClusterStateIT.class, VisitTestSupport.class);
  }

  @Inject AccountService accounts;
  @Inject FacilityService facilities;
  @Inject VisitRecordService records;
  @Inject DeviceKeys deviceKeys;
  @Inject FacilityDirectory directory;
  @Inject TrustList trustList;
  @Inject ClusterNotices notices;
  @Inject ClusterJobs jobs;
  @Inject LoginThrottle throttle;
  @Inject JpaSignInFailures signInFailures;
  @Inject Clock clock;

  @Resource(lookup = "java:jboss/datasources/PortalDS")
  DataSource dataSource;

  @BeforeEach
  void listening() throws InterruptedException {
    assertTrue(notices.awaitListening(10_000), "this node hears cluster notices");
  }

  @Test
  void aDeviceKeyRevokedOnAnotherNodeIsRefusedHereWithinASecond() throws Exception {
    VisitTestSupport.Door door = VisitTestSupport.newDoor(accounts, facilities, records);
    assertEquals(door.facility().getId(), deviceKeys.facilityOf(door.key()), "cached here");

    long took =
        otherNode(
            "update device_key set revoked_at = now() where secret_hash = ?",
            kr.vaccinepass.portal.visit.domain.DeviceKey.hash(door.key()),
            "device-key:" + kr.vaccinepass.portal.visit.domain.DeviceKey.hash(door.key()),
            () -> refused(door.key()));
    assertTrue(took <= WITHIN_MILLIS, "refused after " + took + " ms");
  }

  @Test
  void aFacilitySuspendedOnAnotherNodeIsSeenHereWithinASecond() throws Exception {
    VisitTestSupport.Door door = VisitTestSupport.newDoor(accounts, facilities, records);
    long id = door.facility().getId();
    assertEquals(FacilityStatus.ACTIVE, directory.find(id).orElseThrow().status(), "cached here");

    long took =
        otherNode(
            "update facility set status = 'SUSPENDED' where id = ?",
            id,
            "facility:" + id,
            () -> directory.find(id).orElseThrow().status() == FacilityStatus.SUSPENDED);
    assertTrue(took <= WITHIN_MILLIS, "seen after " + took + " ms");
  }

  @Test
  void aTrustListChangeOnAnotherNodeArrivesHereWithinASecond() throws Exception {
    String kid = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
    long added =
        otherNode(
            "insert into pass_issuer_key (kid, issuer_code, public_key, valid_from, demo,"
                + " created_at) select ?, issuer_code, public_key, valid_from, demo, now()"
                + " from pass_issuer_key where revoked_at is null order by kid limit 1",
            kid,
            "trust-list:" + kid,
            () -> trustList.find(kid) != null);
    assertTrue(added <= WITHIN_MILLIS, "a new key trusted after " + added + " ms");

    long revoked =
        otherNode(
            "update pass_issuer_key set revoked_at = now() where kid = ?",
            kid,
            "trust-list:" + kid,
            () -> trustList.find(kid).revoked());
    assertTrue(revoked <= WITHIN_MILLIS, "the revocation arrived after " + revoked + " ms");
  }

  @Test
  void thisNodesRevocationIsAnnouncedToEveryNodeOnce() throws Exception {
    VisitTestSupport.Door door = VisitTestSupport.newDoor(accounts, facilities, records);
    long keyId = deviceKeys.device(door.key(), null).keyId();
    String hash = kr.vaccinepass.portal.visit.domain.DeviceKey.hash(door.key());
    try (Connection other = dataSource.getConnection()) {
      try (Statement s = other.createStatement()) {
        s.execute("LISTEN portal_changes");
      }
      Actor owner = ownerOf(door);
      Actor stranger = VisitTestSupport.newOwner(accounts);
      assertThrows(
          RuntimeException.class,
          () -> as(stranger, () -> records.revokeDeviceKey(keyId)),
          "not the owner: refused, rolled back");
      as(owner, () -> records.revokeDeviceKey(keyId));

      List<String> heard = new ArrayList<>();
      long deadline = System.currentTimeMillis() + 2000;
      while (System.currentTimeMillis() < deadline && !heard.contains("device-key:" + hash)) {
        PGNotification[] ns = other.unwrap(PGConnection.class).getNotifications(200);
        if (ns != null) {
          for (PGNotification n : ns) {
            heard.add(n.getParameter());
          }
        }
      }
      assertEquals(1, heard.stream().filter(("device-key:" + hash)::equals).count(), "" + heard);
    }
    assertTrue(refused(door.key()), "refused here too");
  }

  @Test
  void aJobRunsOncePerPeriodInTheCluster() {
    String job = "test-" + UUID.randomUUID().toString().substring(0, 8);
    AtomicInteger runs = new AtomicInteger();
    assertTrue(jobs.runIfDue(job, Duration.ofHours(1), runs::incrementAndGet));
    assertFalse(jobs.runIfDue(job, Duration.ofHours(1), runs::incrementAndGet), "not due");
    assertTrue(jobs.runIfDue(job, Duration.ZERO, runs::incrementAndGet), "due at once");
    assertEquals(2, runs.get());
  }

  @Test
  void aJobRunningOnAnotherNodeIsSkippedAndTakenOverWhenThatNodeDies() throws Exception {
    String job = "test-" + UUID.randomUUID().toString().substring(0, 8);
    AtomicInteger runs = new AtomicInteger();
    jobs.runIfDue(job, Duration.ofHours(1), () -> {});
    Connection running = dataSource.getConnection();
    try {
      running.setAutoCommit(false);
      try (PreparedStatement lock =
          running.prepareStatement("select 1 from cluster_job where name = ? for update")) {
        lock.setString(1, job);
        lock.executeQuery();
      }
      assertFalse(
          jobs.runIfDue(job, Duration.ZERO, runs::incrementAndGet),
          "another node runs it: skipped, without waiting");
    } finally {
      // the other node dies: its connection ends, and its transaction with it
      running.rollback();
      running.close();
    }
    assertTrue(jobs.runIfDue(job, Duration.ZERO, runs::incrementAndGet), "taken over");
    assertEquals(1, runs.get());
  }

  @Test
  void aJobThatFailsIsNotRecordedAndRunsAgain() {
    String job = "test-" + UUID.randomUUID().toString().substring(0, 8);
    assertThrows(
        IllegalStateException.class,
        () ->
            jobs.runIfDue(
                job,
                Duration.ofHours(1),
                () -> {
                  throw new IllegalStateException("failed midway");
                }));
    AtomicInteger runs = new AtomicInteger();
    assertTrue(jobs.runIfDue(job, Duration.ofHours(1), runs::incrementAndGet), "due still");
    assertEquals(1, runs.get());
  }

  @Test
  void failedSignInsOnOneNodeSlowTheNextAttemptOnAnother() {
    // another node: its own throttle, the same database
    LoginThrottle otherNode =
        new LoginThrottle(clock, LoginThrottle.Limits.fromConfig(), signInFailures);
    String account = "cluster-" + UUID.randomUUID() + "@example.kr";
    String address = "203.0.113." + (1 + (int) (Math.random() * 250));
    int free = LoginThrottle.Limits.fromConfig().freePerAccountAddress();
    for (int i = 0; i <= free; i++) {
      throttle.failed(account, address);
    }
    assertFalse(otherNode.waitBefore(account, address).isZero(), "the other node waits too");
    assertTrue(otherNode.waitBefore(account, "203.0.113.251").isZero(), "not elsewhere");
    otherNode.succeeded(account, address);
    assertTrue(throttle.waitBefore(account, address).isZero(), "forgiven on every node");
  }

  private Actor ownerOf(VisitTestSupport.Door door) {
    return new Actor(
        door.facility().getOwnerId(),
        "owner@test",
        kr.vaccinepass.portal.shared.security.Role.OWNER,
        null);
  }

  private boolean refused(String key) {
    try {
      deviceKeys.facilityOf(key);
      return false;
    } catch (DeviceKeys.InvalidDeviceKey e) {
      return true;
    }
  }

  /**
   * Another node's change: the statement and its notice in one transaction of a session that is not
   * this node's; the milliseconds from its commit until this node sees it.
   */
  private long otherNode(String sql, Object parameter, String notice, BooleanSupplier seen)
      throws SQLException, InterruptedException {
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      try (PreparedStatement change = other.prepareStatement(sql);
          PreparedStatement notify = other.prepareStatement("select pg_notify(?, ?)")) {
        change.setObject(1, parameter);
        assertEquals(1, change.executeUpdate(), sql);
        notify.setString(1, "portal_changes");
        notify.setString(2, notice);
        notify.execute();
      }
      other.commit();
      other.setAutoCommit(true);
    }
    long committed = System.nanoTime();
    long deadline = committed + 5_000_000_000L;
    while (!seen.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "not seen within 5 s: " + notice);
      Thread.sleep(5);
    }
    long took = (System.nanoTime() - committed) / 1_000_000;
    assertNotNull(notice);
    return took;
  }
}
