package kr.vaccinepass.portal.visit;

import static kr.vaccinepass.portal.testsupport.TestActors.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.pass.application.DemoWallet;
import kr.vaccinepass.portal.pass.domain.PassDecision;
import kr.vaccinepass.portal.pass.domain.PassReason;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.Role;
import kr.vaccinepass.portal.testsupport.Deployments;
import kr.vaccinepass.portal.testsupport.TestData;
import kr.vaccinepass.portal.visit.application.CheckinService;
import kr.vaccinepass.portal.visit.application.NonceLedger;
import kr.vaccinepass.portal.visit.application.VisitQueue;
import kr.vaccinepass.portal.visit.application.VisitRecordService;
import kr.vaccinepass.portal.visit.application.VisitRetention;
import kr.vaccinepass.portal.visit.domain.CheckinAnswer;
import kr.vaccinepass.portal.visit.domain.Visit;
import kr.vaccinepass.portal.visit.domain.VisitRepository;
import kr.vaccinepass.portal.visit.infrastructure.VisitBatcher;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The check-in path at peak, in WildFly on PostgreSQL: group commit loses no acknowledged check-in;
 * a full write queue answers 503 with Retry-After at once; a replay is refused after the writer and
 * the in-memory ledger restart; visit partitions are made ahead and a day is destroyed by dropping
 * its partition.
 */
@ExtendWith(ArquillianExtension.class)
class CheckinThroughputIT {
  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(CheckinThroughputIT.class, VisitTestSupport.class);
  }

  @Inject AccountService accounts;
  @Inject FacilityService facilities;
  @Inject VisitRecordService records;
  @Inject DemoWallet wallet;
  @Inject CheckinService checkins;
  @Inject VisitBatcher batcher;
  @Inject NonceLedger ledger;
  @Inject VisitRetention retention;
  @Inject VisitRepository visits;
  @PersistenceContext EntityManager em;
  @Resource UserTransaction tx;
  @Resource ManagedExecutorService executor;

  private Actor owner;
  private Facility facility;
  private String key;

  @BeforeEach
  void facilityWithDevice() {
    var form = TestData.owner();
    owner = new Actor(accounts.signUpOwner(form), form.getEmail(), Role.OWNER, null);
    facility = as(owner, () -> facilities.register(TestData.facilityInJongno()));
    key = as(owner, () -> records.createDeviceKey(facility.getId(), "front door").secret());
  }

  @Test
  void everyAcknowledgedCheckInOfAConcurrentFloodIsCommitted() throws Exception {
    int n = 3_000;
    List<Future<CheckinAnswer>> answers = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      // each token is signed as its visitor shows it: a token lives 15 s, and on a loaded machine
      // the last of 3,000 tokens signed beforehand would be shown after the first ones expired
      answers.add(
          executor.submit(
              () ->
                  checkins.checkInWithDevice(
                      key,
                      facility.getId(),
                      wallet.issue(DemoWallet.Profile.BOOSTED, "COOV").token(),
                      kr.vaccinepass.portal.pass.domain.DiningParty.NONE)));
    }
    int admitted = 0;
    int overloaded = 0;
    Map<String, Integer> refused = new java.util.TreeMap<>();
    for (Future<CheckinAnswer> answer : answers) {
      try {
        CheckinAnswer given = answer.get();
        if (given.admitted()) {
          admitted++;
        } else {
          refused.merge(given.code().name(), 1, Integer::sum);
        }
      } catch (java.util.concurrent.ExecutionException e) {
        if (!(e.getCause() instanceof VisitQueue.Overloaded)) {
          throw e;
        }
        overloaded++;
      }
    }

    assertEquals(n, admitted + overloaded, "neither admitted nor overloaded: " + refused);
    assertTrue(admitted > 0);
    assertEquals(admitted, countVisits(), "every acknowledged check-in is in the database");
    System.out.println(
        "GROUP-COMMIT: " + admitted + " committed, " + overloaded + " refused as overloaded");
  }

  @Test
  void theServerRecordsWhenEachRequestArrivedForTheQueueClock() {
    // this test runs inside a request of the Arquillian runner: the listener must have stamped it
    var current = io.undertow.servlet.handlers.ServletRequestContext.current();
    long arrived = current.getExchange().getRequestStartTime();
    assertTrue(
        arrived != -1,
        "the HTTP listener records each request's start (record-request-start-time)");
    assertTrue(System.nanoTime() - arrived >= 0, "the start is a nanoTime of the past");
  }

  @Test
  void aFullQueueAnswers503WithRetryAfterAtOnce() throws Exception {
    String token = wallet.issue(DemoWallet.Profile.BOOSTED, "COOV").token();
    batcher.hold(true);
    List<java.util.concurrent.CompletableFuture<Long>> queued = new ArrayList<>();
    try {
      while (batcher.waiting() < batcher.capacity()) {
        queued.add(batcher.submit(visit("filler-" + UUID.randomUUID())));
      }
      long started = System.nanoTime();
      HttpResponse<String> refused = checkIn(token);
      long ms = (System.nanoTime() - started) / 1_000_000;

      assertEquals(503, refused.statusCode(), refused.body());
      assertTrue(refused.body().contains("\"code\":\"OVERLOADED\""), refused.body());
      assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null));
      assertTrue(ms < 2_000, "answered at once, not after a wait: " + ms + " ms");
      assertEquals(null, ledger.find(tokenNonce(token)), "nothing of the token is remembered");
    } finally {
      batcher.hold(false);
    }
    for (var q : queued) {
      assertTrue(q.get() != null, "the queued visits are written once the writer goes on");
    }
    // the same token, once the queue drains, is admitted: it was not used up
    HttpResponse<String> again = checkIn(token);
    assertEquals(201, again.statusCode(), again.body());
  }

  @Test
  void aReplayIsRefusedAfterTheWriterAndTheLedgerRestart() {
    String token = wallet.issue(DemoWallet.Profile.BOOSTED, "COOV").token();
    assertEquals(201, checkIn(token).statusCode());

    ledger.purge(Instant.MAX);
    batcher.restart();

    HttpResponse<String> same = checkIn(token);
    assertEquals(201, same.statusCode(), same.body());
    assertEquals("true", same.headers().firstValue("Idempotent-Replayed").orElse(null));
    Facility other = as(owner, () -> facilities.register(TestData.facilityInJongno()));
    String otherKey = as(owner, () -> records.createDeviceKey(other.getId(), "door").secret());
    ledger.purge(Instant.MAX);
    HttpResponse<String> elsewhere =
        VisitTestSupport.post(
            "/api/v1/facilities/" + other.getId() + "/checkins",
            VisitTestSupport.checkinBody(token),
            Map.of("Authorization", "Device " + otherKey));
    assertEquals(409, elsewhere.statusCode(), elsewhere.body());
    assertTrue(elsewhere.body().contains("REPLAYED"), elsewhere.body());
    assertEquals(1, countVisits());
  }

  @Test
  void partitionsAreMadeAheadAndADayIsDroppedWhole() throws Exception {
    LocalDate day = LocalDate.of(2021, 6, 10);
    List<LocalDate> made = retention.prepare(day);
    assertTrue(
        made.contains(day) && made.contains(day.plusDays(VisitRetention.DAYS_AHEAD)), "" + made);
    assertTrue(partitionDays().contains(day.minusDays(1)), "yesterday too");
    assertEquals(List.of(), retention.prepare(day), "made once");

    long id = insertVisit(day.atTime(LocalTime.of(23, 59)).atZone(Kst.ZONE).toInstant());
    assertEquals(1, inPartition("visit_20210610", id), "the visit lies in its day's partition");

    retention.purge(day.plusDays(28));
    assertTrue(partitionDays().contains(day), "kept on day 28");
    VisitRetention.Purged purged = retention.purge(day.plusDays(29));
    assertTrue(purged.daysDropped().contains(day), "" + purged);
    assertFalse(partitionDays().contains(day), "dropped on day 29");
    assertEquals(0, countById(id));
  }

  private HttpResponse<String> checkIn(String token) {
    return VisitTestSupport.post(
        "/api/v1/facilities/" + facility.getId() + "/checkins",
        VisitTestSupport.checkinBody(token),
        Map.of("Authorization", "Device " + key));
  }

  private Visit visit(String nonce) {
    return Visit.checkedIn(
        facility.getId(),
        Instant.now(),
        PassDecision.of(PassReason.BOOSTED),
        "COOV",
        "holder-" + nonce,
        nonce,
        "0".repeat(64),
        null);
  }

  private static String tokenNonce(String token) {
    return kr.vaccinepass.portal.pass.domain.PassToken.parse(token).nonce();
  }

  private List<LocalDate> partitionDays() throws Exception {
    tx.begin();
    try {
      return visits.partitionDays();
    } finally {
      tx.commit();
    }
  }

  private long countVisits() {
    return ((Number)
            em.createNativeQuery("select count(*) from visit where facility_id = ?1")
                .setParameter(1, facility.getId())
                .getSingleResult())
        .longValue();
  }

  private long countById(long id) {
    return ((Number)
            em.createNativeQuery("select count(*) from visit where id = ?1")
                .setParameter(1, id)
                .getSingleResult())
        .longValue();
  }

  private long inPartition(String partition, long id) {
    return ((Number)
            em.createNativeQuery("select count(*) from " + partition + " where id = ?1")
                .setParameter(1, id)
                .getSingleResult())
        .longValue();
  }

  private long insertVisit(Instant at) throws Exception {
    return VisitTestSupport.insertHandwrittenVisit(em, tx, facility.getId(), at);
  }
}
