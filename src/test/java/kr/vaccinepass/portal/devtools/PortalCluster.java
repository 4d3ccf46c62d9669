package kr.vaccinepass.portal.devtools;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The portal as a cluster on loopback (issue 16, docs/operations.md "Cluster"): one PostgreSQL,
 * {@code nodes} WildFly nodes started from the server the build provisioned, each on its own server
 * base with the HA configuration ({@code standalone-ha.xml}, configured by the build's own
 * wildfly-config/configure-server.cli and, for the cluster, JGroups over TCP on loopback with the
 * nodes' addresses as its static member list), and HAProxy in front: health checks on {@code
 * /health/ready} every second, a node taken out after two failed checks, sticky sessions by a
 * cookie of the balancer's ({@code PORTAL_NODE}), a request whose node is gone sent to another.
 *
 * <p>Node k (1-based) listens on HTTP 8080 + {@link #offset}(k) (8580, 8680, …), JGroups 7600 plus
 * the same offset; the balancer on {@code balancerPort}, its statistics (CSV) on {@code
 * balancerPort + 1}. The nodes start one after the other (the first migrates the schema and seeds
 * the demo data; the next find them).
 */
public final class PortalCluster implements AutoCloseable {
  /**
   * The cluster command ({@code mvn -Pcluster}): PostgreSQL as the run command starts it (embedded
   * in .portal-data, or PORTAL_DB_URL), {@code PORTAL_CLUSTER_NODES} nodes (2), the balancer on
   * {@code PORTAL_HTTP_PORT} (8080); prints the balancer's address; Ctrl-C stops all of it.
   */
  public static void main(String[] args) throws Exception {
    Path server = Path.of(required("portal.server.dir"));
    Path dataDir = Path.of(required("portal.data.dir"));
    int count = Integer.parseInt(env("PORTAL_CLUSTER_NODES", "2"));
    int port = Integer.parseInt(env("PORTAL_HTTP_PORT", "8080"));
    if (count < 1 || count > 9) {
      throw new IllegalArgumentException("PORTAL_CLUSTER_NODES must be 1 to 9, not " + count);
    }
    PortalCluster cluster =
        new PortalCluster(
            server,
            Path.of(required("portal.war")),
            dataDir,
            server.resolveSibling("cluster"),
            Path.of(required("portal.configure.script")),
            line -> System.out.println("[cluster] " + line));
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "cluster-stop"));
    haproxy(); // before anything starts: say at once what is missing
    String url = env("PORTAL_DB_URL", null);
    if (url == null) {
      cluster
          .database()
          .startEmbeddedDatabase(Integer.parseInt(env("PORTAL_EMBEDDED_DB_PORT", "15432")));
    } else {
      cluster
          .database()
          .useExternalDatabase(
              url, env("PORTAL_DB_USER", "portal"), env("PORTAL_DB_PASSWORD", "portal"));
    }
    Map<String, String> properties = Settings.portalProperties(dataDir);
    cluster.start(count, port, properties);

    String line = "=".repeat(72);
    System.out.println();
    System.out.println(line);
    System.out.println(" Vaccine Pass Portal cluster is running:  " + cluster.balancerUrl());
    for (int k = 1; k <= count; k++) {
      System.out.println(
          "   node" + k + "  http://localhost:" + (8080 + offset(k)) + "/  (behind the balancer)");
    }
    System.out.println(" Balancer statistics:  http://localhost:" + (port + 1) + "/stats");
    System.out.println(" Demo accounts: as for mvn -Prun (README).");
    System.out.println(" Ctrl-C stops the balancer, the nodes and PostgreSQL.");
    System.out.println(line);
    // until Ctrl-C; a node that dies is reported, the others go on (that is the point)
    boolean[] reported = new boolean[count + 1];
    while (true) {
      for (int k = 1; k <= count; k++) {
        if (!reported[k] && !cluster.node(k).running()) {
          reported[k] = true;
          System.out.println("[cluster] node" + k + " is down; the balancer sends to the others");
        }
      }
      Thread.sleep(1_000);
    }
  }

  private static String required(String property) {
    return Settings.required(property, "mvn -Pcluster");
  }

  private static String env(String name, String fallback) {
    return Settings.env(name, fallback);
  }

  /** Node k's port offset: 500, 600, … (the tests' server is at 100, the benchmark's at 300). */
  public static int offset(int node) {
    return 400 + 100 * node;
  }

  private final Path server;
  private final Path war;
  private final Path dataDir;
  private final Path work;
  private final Path configureScript;
  private final Consumer<String> log;
  private final PortalProcess database;
  private final List<PortalProcess> nodes = new ArrayList<>();
  private final List<Map<String, String>> nodeProperties = new ArrayList<>();
  private String heap;
  private Process balancer;
  private int balancerPort;

  /**
   * @param server the provisioned WildFly (target/server)
   * @param war the portal's WAR
   * @param dataDir the portal's data directory (PostgreSQL's data, the data key, the demo keys)
   * @param work where the nodes' server bases and the balancer's configuration go (wiped first)
   * @param configureScript wildfly-config/configure-server.cli
   */
  public PortalCluster(
      Path server, Path war, Path dataDir, Path work, Path configureScript, Consumer<String> log) {
    this.server = server;
    this.war = war;
    this.dataDir = dataDir;
    this.work = work.toAbsolutePath();
    this.configureScript = configureScript;
    this.log = log;
    this.database = new PortalProcess(server, war, dataDir, this.work.resolve("db"), log);
  }

  /** The database, to start (embedded) or point at (external) before {@link #start}. */
  public PortalProcess database() {
    return database;
  }

  /** Node k, 1-based. */
  public PortalProcess node(int k) {
    return nodes.get(k - 1);
  }

  public String balancerUrl() {
    return "http://localhost:" + balancerPort + "/";
  }

  /** The balancer's statistics as CSV (HAProxy's {@code ;csv}). */
  public String balancerStats() throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + (balancerPort + 1) + "/stats;csv"))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** What the balancer says of node k now: UP, DOWN, … (the CSV's status column). */
  public String balancerSays(int k) throws IOException, InterruptedException {
    for (String line : balancerStats().split("\n")) {
      String[] cells = line.split(",", -1);
      if (cells.length > 17 && cells[0].equals("nodes") && cells[1].equals("node" + k)) {
        return cells[17];
      }
    }
    return "UNKNOWN";
  }

  /**
   * Starts {@code count} nodes, one after the other, then the balancer on {@code port}.
   *
   * @param properties the portal's system properties for every node
   */
  public void start(int count, int port, Map<String, String> properties) throws Exception {
    wipe(work.resolve("nodes"));
    Files.createDirectories(work);
    String script = haScript(count);
    // a shifted clock reads its start at one instant on every node, so that the nodes agree
    String anchor = java.time.Instant.now().toString();
    for (int k = 1; k <= count; k++) {
      PortalProcess node =
          new PortalProcess(server, war, dataDir, work.resolve("nodes/node" + k), log)
              .serverConfig("standalone-ha.xml", script);
      node.useExternalDatabase(database.jdbcUrl(), database.user(), database.password());
      nodes.add(node);
      Map<String, String> props = new LinkedHashMap<>(properties);
      props.put("jboss.node.name", "node" + k);
      props.put("jboss.tx.node.id", "node" + k);
      // the balancer is the one proxy whose X-Forwarded-For the portal believes
      props.putIfAbsent("portal.security.trustedProxies", "127.0.0.1");
      if (props.containsKey("portal.clock.start")) {
        props.putIfAbsent("portal.clock.anchor", anchor);
      }
      nodeProperties.add(Map.copyOf(props));
      log.accept("Starting node " + k + " of " + count + " ...");
      node.startWildFly(8080 + offset(k), offset(k), heap, props);
    }
    startBalancer(count, port);
  }

  /**
   * Each node's JVM sizing ({@code -Xms… -Xmx…}) from the next start on; null: standalone.conf's.
   */
  public PortalCluster heap(String sizing) {
    this.heap = sizing;
    return this;
  }

  /**
   * Starts node {@code k} again (after it was killed or stopped), with its server base and
   * properties as before, and waits until the balancer sends to it again.
   */
  public void restart(int k) throws Exception {
    log.accept("Starting node " + k + " again ...");
    node(k).startWildFly(8080 + offset(k), offset(k), heap, nodeProperties.get(k - 1));
    long deadline = System.currentTimeMillis() + 30_000;
    while (!balancerSays(k).startsWith("UP")) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("the balancer did not see node " + k + " up again");
      }
      Thread.sleep(250);
    }
  }

  /** The build's configure-server.cli, for standalone-ha.xml, with JGroups over TCP on loopback. */
  String haScript(int count) throws IOException {
    String portal = Files.readString(configureScript);
    String embed = "embed-server --std-out=echo --server-config=standalone.xml";
    if (!portal.contains(embed)) {
      throw new IllegalStateException(configureScript + " no longer starts with: " + embed);
    }
    StringBuilder members = new StringBuilder();
    StringBuilder cluster = new StringBuilder();
    cluster.append("\n# --- the cluster: JGroups over TCP, its members listed (no multicast)\n");
    cluster.append("/subsystem=jgroups/channel=ee:write-attribute(name=stack, value=tcp)\n");
    cluster.append("/subsystem=jgroups/stack=tcp/protocol=MPING:remove\n");
    for (int k = 1; k <= count; k++) {
      cluster
          .append(
              "/socket-binding-group=standard-sockets/remote-destination-outbound-socket-binding=")
          .append("portal-node-")
          .append(k)
          .append(":add(host=127.0.0.1, port=")
          .append(7600 + offset(k))
          .append(")\n");
      members.append(k == 1 ? "" : ", ").append("portal-node-").append(k);
    }
    cluster
        .append("/subsystem=jgroups/stack=tcp/protocol=TCPPING:add(add-index=1, socket-bindings=[")
        .append(members)
        .append("])\n");
    return portal
        .replace(embed, "embed-server --std-out=echo --server-config=standalone-ha.xml")
        .replace("stop-embedded-server", cluster + "\nstop-embedded-server");
  }

  private void startBalancer(int count, int port) throws IOException, InterruptedException {
    Path haproxy = haproxy();
    StringBuilder cfg = new StringBuilder();
    cfg.append(
        """
        global
          # no maxconn: HAProxy sizes it to the file descriptors the machine allows

        defaults
          mode http
          timeout connect 2s
          timeout client 60s
          timeout server 60s
          timeout http-request 10s
          # a request whose node is gone goes to another, once
          option redispatch
          retries 1

        frontend portal
          bind 127.0.0.1:%d
          option forwardfor
          # a client's h2c upgrade (Java's HttpClient asks for one) would make the connection a
          # tunnel to one node, past the balancer's cookie, checks and headers: it stays HTTP/1.1
          http-request del-header Upgrade if { req.hdr(upgrade) -m sub -i h2c }
          http-request del-header HTTP2-Settings
          default_backend nodes

        frontend stats
          bind 127.0.0.1:%d
          stats enable
          stats uri /stats

        backend nodes
          balance roundrobin
          option httpchk GET /health/ready
          http-check expect status 200
          cookie PORTAL_NODE insert indirect nocache httponly
          # which node answered, for support and for the tests
          http-response set-header X-Portal-Node %%s
          default-server inter 1s fastinter 500ms fall 2 rise 2
        """
            .formatted(port, port + 1));
    for (int k = 1; k <= count; k++) {
      cfg.append("  server node")
          .append(k)
          .append(" 127.0.0.1:")
          .append(8080 + offset(k))
          .append(" check cookie node")
          .append(k)
          .append('\n');
    }
    Path file = work.resolve("haproxy.cfg");
    Files.writeString(file, cfg);
    Path out = work.resolve("haproxy.log");
    log.accept("Starting HAProxy on port " + port + " (" + haproxy + ", " + file + ") ...");
    balancer =
        new ProcessBuilder(haproxy.toString(), "-db", "-f", file.toString())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    balancerPort = port;
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      if (!balancer.isAlive()) {
        throw new IllegalStateException("HAProxy stopped: " + Files.readString(out));
      }
      try {
        boolean allUp = true;
        for (int k = 1; k <= count; k++) {
          allUp &= balancerSays(k).startsWith("UP");
        }
        if (allUp) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("HAProxy did not see every node up within 30 s");
  }

  /** HAProxy from PATH, or Debian's /usr/sbin/haproxy. */
  public static Path haproxy() {
    List<Path> candidates = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isBlank()) {
        candidates.add(Path.of(dir, "haproxy"));
      }
    }
    candidates.add(Path.of("/usr/sbin/haproxy"));
    return candidates.stream()
        .filter(Files::isExecutable)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "HAProxy is not installed: the cluster needs it in front of the nodes"
                        + " (Debian: apt-get install haproxy)"));
  }

  @Override
  public synchronized void close() {
    if (balancer != null) {
      balancer.destroy();
      try {
        balancer.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      balancer = null;
    }
    for (int k = nodes.size(); k >= 1; k--) {
      nodes.get(k - 1).close();
    }
    database.close();
  }

  private static void wipe(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
