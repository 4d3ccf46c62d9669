package kr.vaccinepass.portal.devtools.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's settings: system properties {@code bench.*} (on the Maven command line, {@code
 * -Dbench.stepSeconds=5}); every one has a default, listed in docs/benchmarks.md. What was used is
 * printed at the start of a run.
 */
final class BenchConfig {
  private final Map<String, String> used = new LinkedHashMap<>();

  // where and what
  final String suite = text("bench.suite", "checkin"); // checkin, visits, door, doorverify or all
  final Path serverDir = Path.of(required("portal.server.dir"));
  final Path war = Path.of(required("portal.war"));
  final Path workDir = Path.of(text("bench.dir", required("bench.defaultDir")));
  final int httpPort = integer("bench.httpPort", 8380);
  final int portOffset = integer("bench.portOffset", 300);
  final int dbPort = freeIfZero(integer("bench.dbPort", 0));
  final String serverHeap = text("bench.serverHeap", "-Xms1g -Xmx1g");
  final String clockStart = text("bench.clockStart", "2022-01-12T11:40:00+09:00");
  final String lockFile = text("bench.lockFile", "/tmp/arquillian.lock");

  // the check-in benchmark
  final int connections = integer("bench.connections", 256);
  final double stepSeconds = decimal("bench.stepSeconds", 10);
  final double warmupSeconds = decimal("bench.warmupSeconds", 30);
  final double pauseSeconds = decimal("bench.pauseSeconds", 2);
  final double startRate = decimal("bench.startRate", 200);
  final double stepFactor = decimal("bench.stepFactor", 1.5);
  final int refineSteps = integer("bench.refineSteps", 2);
  final double maxRate = decimal("bench.maxRate", 50_000);
  final double minAchieved = decimal("bench.minAchieved", 0.97);
  final double maxErrorRatio = decimal("bench.maxErrorRatio", 0.001);
  final List<Double> latencyLoads = decimals("bench.latencyLoads", "0.5,0.8,1.0");
  final double overloadFactor = decimal("bench.overloadFactor", 2);
  final double drainSeconds = decimal("bench.drainSeconds", 8);
  final boolean noop = flag("bench.noop", true);
  final boolean perRequest = flag("bench.perRequest", true);
  final boolean overload = flag("bench.overload", true);
  final double pageEverySeconds = decimal("bench.pageEverySeconds", 1);

  // the door-first benchmark (-Dbench.suite=door)
  final int doorFacilities = integer("bench.door.doors", 200);
  final int doorConnections = integer("bench.door.connections", 32);
  final int doorRecords = integer("bench.door.records", 60_000);
  final int doorQueue = integer("bench.door.queue", 10_000);
  // the same queue drained by the door app itself, in headless Chromium
  final boolean doorApp = flag("bench.door.app", true);

  // the visit table benchmark
  final List<Long> visitSizes = integers("bench.visits.sizes", "1000000,10000000");
  final int visitFacilities = integer("bench.visits.facilities", 1000);
  // > 0: facilities grow with the table, this many rows each at every size (equal density)
  final long rowsPerFacility = integer("bench.visits.rowsPerFacility", 0);
  final int visitDays = integer("bench.visits.days", 28);
  final double callShare = decimal("bench.visits.callShare", 0.1);
  final int querySamples = integer("bench.visits.samples", 200);
  final int windowMinutes = integer("bench.visits.windowMinutes", 120);
  // QR visits by a pool of holders, this many visits each over the days filled (on average)
  final double visitsPerHolder = decimal("bench.visits.visitsPerHolder", 20);

  /** The lines printed at the start: every setting and its value. */
  Map<String, String> used() {
    return used;
  }

  private String text(String name, String fallback) {
    String value = System.getProperty(name);
    String result = value == null || value.isBlank() ? fallback : value.trim();
    used.put(name, result);
    return result;
  }

  private int integer(String name, int fallback) {
    return Integer.parseInt(text(name, String.valueOf(fallback)).replace("_", ""));
  }

  private double decimal(String name, double fallback) {
    return Double.parseDouble(text(name, trim(fallback)).replace("_", ""));
  }

  private boolean flag(String name, boolean fallback) {
    return Boolean.parseBoolean(text(name, String.valueOf(fallback)));
  }

  private List<Double> decimals(String name, String fallback) {
    return Arrays.stream(text(name, fallback).split(","))
        .map(String::trim)
        .map(Double::parseDouble)
        .toList();
  }

  private List<Long> integers(String name, String fallback) {
    return Arrays.stream(text(name, fallback).split(","))
        .map(s -> s.trim().replace("_", ""))
        .map(Long::parseLong)
        .toList();
  }

  private static int freeIfZero(int port) {
    if (port != 0) {
      return port;
    }
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }

  private static String required(String name) {
    return kr.vaccinepass.portal.devtools.Settings.required(name, "mvn -Pbenchmark verify");
  }
}
