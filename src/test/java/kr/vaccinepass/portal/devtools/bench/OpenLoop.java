package kr.vaccinepass.portal.devtools.bench;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The open-loop driver: a fixed number of keep-alive connections, one thread each, and a schedule
 * that releases request {@code i} at {@code t0 + i / rate} whatever the answers so far. A free
 * connection takes the next request in schedule order and waits for its time; when every connection
 * is busy the request goes out late, and its latency still counts from its scheduled time, so a
 * slow server cannot hide its queue (no coordinated omission). Requests not sent within the drain
 * time after the schedule ends are counted as unsent.
 */
final class OpenLoop {
  /** A request that got no HTTP answer. */
  static final int UNSENT = 0;

  static final int IO_ERROR = -1;
  static final int TIMEOUT = -2;

  private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");
  private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

  private final HttpConnection[] connections;

  OpenLoop(String host, int port, int count, int timeoutMillis) {
    connections = new HttpConnection[count];
    for (int i = 0; i < count; i++) {
      connections[i] = new HttpConnection(host, port, timeoutMillis);
    }
  }

  int connections() {
    return connections.length;
  }

  /** What one step did. {@code status[i]} and {@code latencyNanos[i]} are per request. */
  static final class Result {
    final double targetRate;
    final int requests;
    final int expected;
    final int[] status;
    final long[] latencyNanos;
    final double seconds;
    final double achievedRate;
    final Map<Integer, Integer> byStatus = new TreeMap<>();
    final Map<String, Long> refusals = new TreeMap<>();
    final Histogram expectedLatency = histogram();
    final Map<Integer, Histogram> latencyByStatus = new TreeMap<>();

    Result(
        double targetRate,
        int expected,
        int[] status,
        long[] latencyNanos,
        double seconds,
        Map<String, LongAdder> refusals) {
      this.targetRate = targetRate;
      this.requests = status.length;
      this.expected = expected;
      this.status = status;
      this.latencyNanos = latencyNanos;
      this.seconds = seconds;
      for (int i = 0; i < status.length; i++) {
        byStatus.merge(status[i], 1, Integer::sum);
        if (status[i] > 0) {
          long micros = Math.min(MAX_MICROS, Math.max(1, latencyNanos[i] / 1000));
          latencyByStatus.computeIfAbsent(status[i], s -> histogram()).recordValue(micros);
          if (status[i] == expected) {
            expectedLatency.recordValue(micros);
          }
        }
      }
      refusals.forEach((k, v) -> this.refusals.put(k, v.sum()));
      this.achievedRate = seconds <= 0 ? 0 : ok() / seconds;
    }

    int ok() {
      return byStatus.getOrDefault(expected, 0);
    }

    int errors() {
      return requests - ok();
    }

    /** The answers other than the expected one, e.g. {@code 503: 120, unsent: 4}. */
    String others() {
      StringBuilder text = new StringBuilder();
      byStatus.forEach(
          (s, n) -> {
            if (s != expected) {
              text.append(text.length() == 0 ? "" : ", ").append(statusName(s)).append(": ");
              text.append(n);
            }
          });
      if (!refusals.isEmpty()) {
        text.append(" ").append(refusals);
      }
      return text.length() == 0 ? "none" : text.toString();
    }

    /** A latency percentile of the expected answers, in milliseconds. */
    double millis(double percentile) {
      return percentile(expectedLatency, percentile);
    }

    static double percentile(Histogram h, double percentile) {
      return h == null || h.getTotalCount() == 0
          ? Double.NaN
          : h.getValueAtPercentile(percentile) / 1000.0;
    }
  }

  static String statusName(int status) {
    return switch (status) {
      case UNSENT -> "unsent";
      case IO_ERROR -> "I/O error";
      case TIMEOUT -> "timeout";
      default -> String.valueOf(status);
    };
  }

  private static Histogram histogram() {
    return new Histogram(MAX_MICROS, 3);
  }

  /**
   * Sends {@code requests} at {@code rate} per second, the first at {@code startNanos} ({@link
   * System#nanoTime()}), and waits for the answers.
   *
   * @param expected the status of success (201 for a check-in)
   * @param drainSeconds how long after the last scheduled time requests may still go out
   */
  Result run(byte[][] requests, double rate, long startNanos, int expected, double drainSeconds)
      throws InterruptedException {
    int n = requests.length;
    int[] status = new int[n];
    long[] latency = new long[n];
    double interval = 1e9 / rate;
    long stopAt = startNanos + (long) (n * interval) + (long) (drainSeconds * 1e9);
    AtomicInteger next = new AtomicInteger();
    AtomicLong lastSend = new AtomicLong(startNanos);
    Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
    Thread[] threads = new Thread[connections.length];
    for (int c = 0; c < connections.length; c++) {
      HttpConnection connection = connections[c];
      threads[c] =
          new Thread(
              () -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                  long due = startNanos + (long) (i * interval);
                  if (System.nanoTime() > stopAt) {
                    status[i] = UNSENT;
                    continue;
                  }
                  for (long wait = due - System.nanoTime();
                      wait > 0;
                      wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                  }
                  lastSend.accumulateAndGet(System.nanoTime(), Math::max);
                  int answer;
                  try {
                    HttpConnection.Answer a = connection.send(requests[i], expected, false);
                    answer = a.status();
                    if (answer != expected && a.body() != null) {
                      Matcher m = CODE.matcher(a.body());
                      String code = answer + " " + (m.find() ? m.group(1) : "?");
                      refusals.computeIfAbsent(code, k -> new LongAdder()).increment();
                    }
                  } catch (SocketTimeoutException e) {
                    answer = TIMEOUT;
                  } catch (IOException | RuntimeException e) {
                    answer = IO_ERROR;
                  }
                  latency[i] = System.nanoTime() - due;
                  status[i] = answer;
                }
              },
              "load-" + c);
      threads[c].setDaemon(true);
      threads[c].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    // the rate at which requests actually went out: it falls behind the schedule when every
    // connection waits for a slow server
    double seconds = (lastSend.get() - startNanos + interval) / 1e9;
    return new Result(rate, expected, status, latency, seconds, refusals);
  }

  void close() {
    for (HttpConnection c : connections) {
      c.close();
    }
  }
}
