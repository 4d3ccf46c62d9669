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
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import kr.vaccinepass.portal.demo.DemoData;
import kr.vaccinepass.portal.devtools.PortalCluster;
import kr.vaccinepass.portal.devtools.PortalProcess;
import kr.vaccinepass.portal.devtools.SignedInPage;
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
            "portal.demo", "true",
            "portal.data.keys", PortalProcess.dataKey(data),
            "portal.telephony.secret", "cluster-it-telephony-secret"));
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

    // the owner's node dies: the balancer sees it within seconds; meanwhile and after, the owner's
    // requests are answered by the other node, still signed in (the session was replicated)
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
