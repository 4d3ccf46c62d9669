package kr.vaccinepass.portal.visit;

import static kr.vaccinepass.portal.testsupport.TestActors.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.pass.application.DemoWallet;
import kr.vaccinepass.portal.pass.domain.PassDecision;
import kr.vaccinepass.portal.pass.domain.PassReason;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.Role;
import kr.vaccinepass.portal.testsupport.Deployments;
import kr.vaccinepass.portal.testsupport.PostgresControl;
import kr.vaccinepass.portal.testsupport.TestData;
import kr.vaccinepass.portal.visit.application.VisitRecordService;
import kr.vaccinepass.portal.visit.application.VisitStoreUnavailable;
import kr.vaccinepass.portal.visit.domain.Visit;
import kr.vaccinepass.portal.visit.infrastructure.VisitBatcher;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults of one node, in WildFly on PostgreSQL: a row the database rejects fails only its own
 * check-in; and PostgreSQL stopped and started under check-in load over HTTP: nothing but a
 * committed check-in answers 2xx, the outage answers 503 with Retry-After, check-ins are committed
 * again within about a second of the database's return, the writer lives (readiness UP again), a
 * signed-in page shows the error page without a redirect loop, and no acknowledged check-in is
 * missing.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseOutageIT {
  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(
        DatabaseOutageIT.class, VisitTestSupport.class, PostgresControl.class);
  }

  @Inject AccountService accounts;
  @Inject FacilityService facilities;
  @Inject VisitRecordService records;
  @Inject DemoWallet wallet;
  @Inject VisitBatcher batcher;
  @Inject kr.vaccinepass.portal.shared.infrastructure.ClusterNotices notices;
  @Inject kr.vaccinepass.portal.visit.application.DeviceKeys deviceKeys;
  @PersistenceContext EntityManager em;
  @Resource ManagedExecutorService executor;

  @Resource(lookup = "java:jboss/datasources/PortalDS")
  DataSource dataSource;

  private Actor owner;
  private String ownerEmail;
  private Facility facility;
  private String key;

  @BeforeEach
  void facilityWithDevice() {
    var form = TestData.owner();
    ownerEmail = form.getEmail();
    owner = new Actor(accounts.signUpOwner(form), form.getEmail(), Role.OWNER, null);
    facility = as(owner, () -> facilities.register(TestData.facilityInJongno()));
    key = as(owner, () -> records.createDeviceKey(facility.getId(), "front door").secret());
  }

  @Test
  void aRejectedRowFailsOnlyItsOwnCheckIn() throws Exception {
    int valid = 40;
    List<CompletableFuture<Long>> good = new ArrayList<>();
    CompletableFuture<Long> bad;
    // held, so that all of them gather in one batch
    batcher.hold(true);
    try {
      for (int i = 0; i < valid / 2; i++) {
        good.add(batcher.submit(visit("valid-" + java.util.UUID.randomUUID())));
      }
      // PostgreSQL refuses U+0000 in text: built directly, past the edge's validation
      bad = batcher.submit(visit("bad-\u0000-" + java.util.UUID.randomUUID()));
      for (int i = valid / 2; i < valid; i++) {
        good.add(batcher.submit(visit("valid-" + java.util.UUID.randomUUID())));
      }
    } finally {
      batcher.hold(false);
    }
    for (CompletableFuture<Long> f : good) {
      assertNotNull(f.get(10, TimeUnit.SECONDS), "every valid check-in of the batch is stored");
    }
    ExecutionException failed =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExecutionException.class, () -> bad.get(10, TimeUnit.SECONDS));
    assertFalse(
        failed.getCause() instanceof VisitStoreUnavailable,
        "a rejected row is not an outage: " + failed.getCause());
    assertEquals(valid, countVisits(), "the valid ones are committed, the bad one is not");
    assertTrue(batcher.health().healthy(), "the writer is alive and well: " + batcher.health());
    System.out.println(
        "ISOLATION: " + valid + " valid committed, 1 rejected (" + failed.getCause() + ")");
  }

  /**
   * After the outage this node listens for other nodes' changes again: a device key revoked by
   * "another node" (the test's own session: the row and the portal's notice) is refused here within
   * a second, not after the cache's minute.
   */
  private void changesOfOtherNodesAreHeardAgain() throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!notices.isListening()) {
      assertTrue(System.nanoTime() < deadline, "cluster notices heard again after the outage");
      Thread.sleep(50);
    }
    assertEquals(facility.getId(), deviceKeys.facilityOf(key), "the key works, cached");
    String hash = kr.vaccinepass.portal.visit.domain.DeviceKey.hash(key);
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      try (PreparedStatement revoke =
              other.prepareStatement(
                  "update device_key set revoked_at = now() where secret_hash = ?");
          PreparedStatement notify = other.prepareStatement("select pg_notify(?, ?)")) {
        revoke.setString(1, hash);
        assertEquals(1, revoke.executeUpdate());
        notify.setString(1, "portal_changes");
        notify.setString(2, "device-key:" + hash);
        notify.execute();
      }
      other.commit();
      other.setAutoCommit(true);
    }
    long revoked = System.nanoTime();
    while (true) {
      try {
        deviceKeys.facilityOf(key);
      } catch (kr.vaccinepass.portal.visit.application.DeviceKeys.InvalidDeviceKey e) {
        break;
      }
      assertTrue(System.nanoTime() - revoked < 1_000_000_000L, "refused within a second");
      Thread.sleep(5);
    }
    System.out.printf(
        Locale.ROOT,
        "OUTAGE: after the database's return, a key revoked elsewhere was refused here %.0f ms"
            + " after its commit%n",
        (System.nanoTime() - revoked) / 1e6);
  }

  /** One answer of the load: when it was sent and answered, its status, its visit. */
  private record Answer(
      long sent, long answered, int status, String retryAfter, Long visitId, String body) {}

  private static final Pattern VISIT_ID = Pattern.compile("\"visitId\"\\s*:\\s*(\\d+)");

  @Test
  void postgresStoppedAndStartedUnderLoad() throws Exception {
    PostgresControl postgres;
    try (Connection c = dataSource.getConnection()) {
      postgres = PostgresControl.of(c);
    }
    SignedIn page = new SignedIn(VisitTestSupport.BASE);
    page.signIn(ownerEmail, TestData.PASSWORD);
    HttpResponse<String> readiness = page.get("/health/ready");
    assertEquals(200, readiness.statusCode(), readiness.body());
    assertTrue(readiness.body().startsWith("{\"status\":\"UP\""), readiness.body());

    ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    AtomicBoolean loading = new AtomicBoolean(true);
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      workers.add(executor.submit(() -> load(loading, answers)));
    }
    long t0 = System.nanoTime();
    long stopAsked;
    long stopped;
    long back;
    long ready;
    List<Integer> redirects;
    HttpResponse<String> errorPage;
    HttpResponse<String> readinessDuringOutage;
    try {
      Thread.sleep(2_000);
      assertTrue(
          answers.stream().anyMatch(a -> a.status() == 201), "check-ins go in before the outage");

      stopAsked = System.nanoTime();
      postgres.stop();
      stopped = System.nanoTime();
      Thread.sleep(500);

      // the outage, as a signed-in user and a load balancer see it
      redirects = new ArrayList<>();
      errorPage = page.follow("/owner/dashboard.xhtml", redirects);
      readinessDuringOutage = page.get("/health/ready");
      assertEquals(200, page.get("/health/live").statusCode(), "alive all the same");
      assertFalse(batcher.health().healthy(), "the writer says it cannot write");
      Thread.sleep(1_500);

      postgres.start();
      while (!postgres.accepts()) {
        Thread.sleep(5);
      }
      back = System.nanoTime();
      ready = 0;
      while (System.nanoTime() - back < 10_000_000_000L) {
        if (page.get("/health/ready").statusCode() == 200) {
          ready = System.nanoTime();
          break;
        }
        Thread.sleep(20);
      }
      Thread.sleep(3_000);
    } finally {
      loading.set(false);
      for (Future<?> w : workers) {
        w.get(30, TimeUnit.SECONDS);
      }
      if (!postgres.accepts()) {
        postgres.start(); // never leave the other tests without their database
        while (!postgres.accepts()) {
          Thread.sleep(50);
        }
      }
    }

    List<Answer> all = new ArrayList<>(answers);
    List<Answer> created = all.stream().filter(a -> a.status() == 201).toList();
    List<Answer> unavailable = all.stream().filter(a -> a.status() == 503).toList();
    List<Answer> other = all.stream().filter(a -> a.status() != 201 && a.status() != 503).toList();
    long firstAfter =
        created.stream()
            // sent once the database was down (a check-in sent while pg_ctl stops it may still
            // commit before the shutdown)
            .filter(a -> a.sent() > stopped)
            .mapToLong(Answer::answered)
            .min()
            .orElse(Long.MAX_VALUE);
    double recoveryMs = (firstAfter - back) / 1e6;
    double readyMs = ready == 0 ? Double.NaN : (ready - back) / 1e6;
    long lastFailure =
        unavailable.stream().mapToLong(Answer::answered).max().orElse(Long.MIN_VALUE);
    Set<Long> acknowledged = created.stream().map(Answer::visitId).collect(Collectors.toSet());
    Set<Long> missing = new HashSet<>(acknowledged);
    missing.removeAll(storedIds());
    System.out.printf(
        Locale.ROOT,
        "OUTAGE: %d answers: %d committed (201), %d refused 503, %d other; stop took %.0f ms,"
            + " database down %.0f ms; first commit %.0f ms after the database was back,"
            + " readiness UP after %.0f ms, last 503 %.0f ms after it was back; redirects %s,"
            + " error page %d; acknowledged missing %d%n",
        all.size(),
        created.size(),
        unavailable.size(),
        other.size(),
        (stopped - stopAsked) / 1e6,
        (back - stopped) / 1e6,
        recoveryMs,
        readyMs,
        (lastFailure - back) / 1e6,
        redirects,
        errorPage.statusCode(),
        missing.size());

    System.out.println(
        "OUTAGE: 503 codes "
            + unavailable.stream()
                .collect(
                    Collectors.groupingBy(
                        a -> a.body().replaceAll(".*\"code\":\"([A-Z_]+)\".*", "$1"),
                        Collectors.counting())));
    unavailable.stream()
        .filter(a -> a.answered() > back)
        .forEach(
            a ->
                System.out.printf(
                    Locale.ROOT,
                    "OUTAGE: a 503 sent %.0f ms, answered %.0f ms after the database was back: %s%n",
                    (a.sent() - back) / 1e6,
                    (a.answered() - back) / 1e6,
                    a.body()));
    assertEquals(
        List.of(),
        other.stream().limit(5).map(a -> a.status() + " " + a.body()).toList(),
        "every answer is a committed check-in (201) or 503");
    assertTrue(unavailable.size() > 0, "the outage answers 503");
    assertTrue(
        unavailable.stream().allMatch(a -> a.retryAfter() != null),
        "every 503 says when to try again (Retry-After)");
    assertTrue(
        unavailable.stream().allMatch(a -> a.body().contains("\"code\"")),
        "a problem document: " + unavailable.get(0).body());
    assertTrue(recoveryMs < 3_000, "committed again soon after the database: " + recoveryMs);
    assertTrue(
        (lastFailure - back) / 1e6 < 3_000,
        "no check-in fails long after the database is back: " + (lastFailure - back) / 1e6);
    assertTrue(ready != 0 && readyMs < 3_000, "readiness UP again: " + readyMs);
    assertTrue(batcher.health().healthy(), "the writer is alive and writes: " + batcher.health());
    assertEquals(Set.of(), missing, "no acknowledged check-in is missing");
    assertEquals(created.size(), countVisits(), "only acknowledged check-ins are stored");

    assertEquals(503, readinessDuringOutage.statusCode(), readinessDuringOutage.body());
    assertTrue(readinessDuringOutage.body().contains("\"DOWN\""), readinessDuringOutage.body());
    changesOfOtherNodesAreHeardAgain();
    assertTrue(redirects.size() <= 2, "no redirect loop: " + redirects);
    assertTrue(
        errorPage.statusCode() == 500 || errorPage.statusCode() == 503,
        "the error page's status: " + errorPage.statusCode());
    String text =
        ResourceBundle.getBundle("kr.vaccinepass.portal.i18n.messages", Locale.KOREAN)
            .getString("error.500.text");
    assertTrue(errorPage.body().contains(text), "the portal's error page: " + errorPage.body());
  }

  /** One load worker: check-ins one after another with fresh tokens until told to stop. */
  private void load(AtomicBoolean loading, ConcurrentLinkedQueue<Answer> answers) {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String path = "/api/v1/facilities/" + facility.getId() + "/checkins";
    while (loading.get()) {
      String token = wallet.issue(DemoWallet.Profile.BOOSTED, "COOV").token();
      long sent = System.nanoTime();
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(VisitTestSupport.BASE + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Device " + key)
                    .POST(HttpRequest.BodyPublishers.ofString(VisitTestSupport.checkinBody(token)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = VISIT_ID.matcher(r.body());
        answers.add(
            new Answer(
                sent,
                System.nanoTime(),
                r.statusCode(),
                r.headers().firstValue("Retry-After").orElse(null),
                r.statusCode() == 201 && m.find() ? Long.valueOf(m.group(1)) : null,
                r.body().length() > 300 ? r.body().substring(0, 300) : r.body()));
        if (r.statusCode() == 503) {
          Thread.sleep(20); // a device waits before it tries again (shortened for the test)
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        answers.add(new Answer(sent, System.nanoTime(), -1, null, null, e.toString()));
      }
    }
  }

  private Visit visit(String nonce) {
    return Visit.checkedIn(
        facility.getId(),
        Instant.now(),
        PassDecision.of(PassReason.BOOSTED),
        "COOV",
        "holder-" + nonce.hashCode(),
        nonce,
        "0".repeat(64),
        null);
  }

  private long countVisits() {
    return ((Number)
            em.createNativeQuery("select count(*) from visit where facility_id = ?1")
                .setParameter(1, facility.getId())
                .getSingleResult())
        .longValue();
  }

  private Set<Long> storedIds() {
    return ((List<?>)
            em.createNativeQuery("select id from visit where facility_id = ?1")
                .setParameter(1, facility.getId())
                .getResultList())
        .stream().map(n -> ((Number) n).longValue()).collect(Collectors.toSet());
  }

  /** A browser's session: signs in with the form, then opens pages, following redirects itself. */
  private static final class SignedIn {
    private static final Pattern VIEW_STATE =
        Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    private final String base;
    private final HttpClient http;

    SignedIn(String base) {
      this.base = base;
      this.http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .cookieHandler(new CookieManager())
              .followRedirects(HttpClient.Redirect.NEVER)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
    }

    void signIn(String email, String password) throws Exception {
      HttpResponse<String> form = get("/public/login.xhtml");
      Matcher m = VIEW_STATE.matcher(form.body());
      assertTrue(m.find(), "the sign-in form");
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("loginForm", "loginForm");
      fields.put("loginForm:continue", "");
      fields.put("loginForm:email", email);
      fields.put("loginForm:password", password);
      fields.put("loginForm:submit", "");
      fields.put("jakarta.faces.ViewState", m.group(1).replace("&#58;", ":"));
      String body =
          fields.entrySet().stream()
              .map(
                  e ->
                      URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      HttpResponse<String> posted =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/public/login.xhtml"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertTrue(
          posted.statusCode() == 302 || posted.statusCode() == 303,
          "signed in: " + posted.statusCode());
      // signed in: sent to the owner's dashboard (which, in this deployment of in-container tests,
      // has no actor for pages: TestActors stands in for the sign-in)
      assertTrue(
          posted.headers().firstValue("Location").orElse("").endsWith("/owner/dashboard.xhtml"),
          "signed in: " + posted.headers().firstValue("Location"));
    }

    /** Opens the page and follows at most 5 redirects; the statuses of the redirects seen. */
    HttpResponse<String> follow(String path, List<Integer> redirects) throws Exception {
      URI uri = URI.create(base + path);
      HttpResponse<String> r = get(uri);
      while (r.statusCode() / 100 == 3 && redirects.size() < 5) {
        redirects.add(r.statusCode());
        uri = uri.resolve(r.headers().firstValue("Location").orElseThrow());
        r = get(uri);
      }
      return r;
    }

    HttpResponse<String> get(String path) throws Exception {
      return get(URI.create(base + path));
    }

    private HttpResponse<String> get(URI uri) throws Exception {
      return http.send(
          HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}
