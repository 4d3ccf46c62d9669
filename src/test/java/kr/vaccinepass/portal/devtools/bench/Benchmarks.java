package kr.vaccinepass.portal.devtools.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kr.vaccinepass.portal.devtools.PortalCluster;
import kr.vaccinepass.portal.devtools.PortalProcess;
import kr.vaccinepass.portal.devtools.Settings;

/**
 * The benchmark command ({@code mvn -Pbenchmark verify}): the check-in benchmark ({@code
 * -Dbench.suite=checkin}, the default), the visit table benchmark ({@code visits}) or both ({@code
 * all}), or the door-first benchmark ({@code door}: a check-in search, then doors' batches on the
 * same server), or the door's own verification of a pass in Chromium ({@code doorverify}, no
 * server), or the check-in search through a balancer in front of one node, then two ({@code
 * cluster}). Each starts what it needs in a folder of its own under target/bench, made afresh, on
 * ports of its own (HTTP 8380, management 10290, PostgreSQL on a free port), and stops everything
 * it started when it ends, fails or is interrupted (Ctrl-C).
 */
public final class Benchmarks {
  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    if ("doorverify".equals(System.getProperty("bench.suite"))) {
      // no server, no database: the door's verifier in headless Chromium
      DoorVerifyBenchmark.run(
          Integer.getInteger("bench.doorverify.iterations", 2000),
          Integer.getInteger("bench.doorverify.warmup", 200));
      return;
    }
    BenchConfig config = new BenchConfig();
    Log.say("Settings:");
    config.used().forEach((k, v) -> System.out.println("    -D" + k + "=" + v));
    boolean checkin = config.suite.equals("checkin") || config.suite.equals("all");
    boolean visits = config.suite.equals("visits") || config.suite.equals("all");
    boolean door = config.suite.equals("door");
    if (config.suite.equals("cluster")) {
      cluster(config);
      return;
    }
    if (!checkin && !visits && !door) {
      throw new IllegalArgumentException(
          "bench.suite is checkin, visits, door, doorverify, cluster or all");
    }
    List<String> report = new ArrayList<>();
    if (door) {
      // the check-in search, then the doors' batches on the same server and database
      try (PortalProcess portal = portal(config, "door")) {
        CheckinBenchmark benchmark = new CheckinBenchmark(config, portal);
        benchmark.thenDoors();
        benchmark.run();
      }
    }
    if (checkin) {
      try (PortalProcess portal = portal(config, "checkin")) {
        CheckinBenchmark benchmark = new CheckinBenchmark(config, portal);
        benchmark.run();
        report.addAll(benchmark.report());
      }
    }
    if (visits) {
      try (PortalProcess portal = portal(config, "visits")) {
        VisitTableBenchmark benchmark = new VisitTableBenchmark(config, portal);
        benchmark.run();
        report.addAll(benchmark.report());
      }
    }
    if (checkin && visits) {
      printAll(report);
    }
    Log.say("Done; everything it started has stopped.");
  }

  /**
   * The check-in search through HAProxy in front of the HA configuration, in one run: one node, two
   * nodes, and two nodes without the shared nonce claims (what the claims cost). Each a cluster of
   * its own on a fresh database; the balancer on the benchmark's HTTP port, the nodes on 8580,
   * 8680.
   */
  private static void cluster(BenchConfig config) throws Exception {
    record Variant(String name, int nodes, Map<String, String> settings) {}
    List<Variant> variants =
        List.of(
            new Variant("1 node", 1, Map.of()),
            new Variant("2 nodes", 2, Map.of()),
            new Variant(
                "2 nodes, no shared nonce claims",
                2,
                Map.of("portal.checkin.sharedNonceClaims", "false")));
    List<String> report = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      Variant v = variants.get(i);
      requireFree(config.httpPort, "balancer");
      Path dir = config.workDir.resolve("cluster-" + (i + 1)).toAbsolutePath();
      clean(dir);
      PortalCluster cluster =
          new PortalCluster(
              config.serverDir,
              config.war,
              dir.resolve("data"),
              dir.resolve("work"),
              Path.of(Settings.required("portal.configure.script", "mvn -Pbenchmark")),
              Log::say);
      cluster.heap(config.serverHeap);
      Thread stop = new Thread(cluster::close, "bench-stop-cluster");
      Runtime.getRuntime().addShutdownHook(stop);
      try {
        CheckinBenchmark benchmark = new CheckinBenchmark(config, cluster.database());
        benchmark.throughBalancer(cluster, v.nodes(), v.settings(), v.name());
        benchmark.run();
        report.addAll(benchmark.report());
      } finally {
        cluster.close();
        Runtime.getRuntime().removeShutdownHook(stop);
      }
    }
    printAll(report);
  }

  private static void printAll(List<String> report) {
    System.out.println();
    System.out.println("=".repeat(30) + " all results " + "=".repeat(30));
    report.forEach(System.out::println);
  }

  /**
   * A portal of its own in {@code <bench.dir>/<name>}, made afresh; stopped on Ctrl-C by a shutdown
   * hook and otherwise by the caller's try-with-resources.
   */
  private static PortalProcess portal(BenchConfig config, String name) throws Exception {
    requireFree(config.httpPort, "HTTP");
    requireFree(9990 + config.portOffset, "WildFly management");
    Path dir = config.workDir.resolve(name).toAbsolutePath();
    clean(dir);
    PortalProcess portal =
        new PortalProcess(
            config.serverDir, config.war, dir.resolve("data"), dir.resolve("standalone"), Log::say);
    // Ctrl-C; after a normal end the hook finds everything stopped already
    Runtime.getRuntime().addShutdownHook(new Thread(portal::close, "bench-stop-" + name));
    return portal;
  }

  /** Deletes a folder of an earlier run, after stopping a PostgreSQL a killed run left in it. */
  private static void clean(Path dir) throws Exception {
    Path pid = dir.resolve("data/postgres/postmaster.pid");
    if (Files.exists(pid)) {
      String first = Files.readAllLines(pid).stream().findFirst().orElse("").trim();
      if (first.matches("\\d+")) {
        var process = ProcessHandle.of(Long.parseLong(first));
        if (process.isPresent() && process.get().info().command().orElse("").contains("postgres")) {
          Log.say("Stopping the PostgreSQL an earlier run left (pid " + first + ") ...");
          process.get().destroy();
          process.get().onExit().get(30, TimeUnit.SECONDS);
        }
      }
    }
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
  }

  private static void requireFree(int port, String what) {
    try (ServerSocket socket = new ServerSocket(port)) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw new IllegalStateException(
          what
              + " port "
              + port
              + " is taken (a server left by an earlier run? ss -ltnp | grep "
              + port
              + ")",
          e);
    }
  }
}
