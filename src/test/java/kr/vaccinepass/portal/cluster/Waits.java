package kr.vaccinepass.portal.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;

/** What the process-level fault tests wait for, and the free ports they start things on. */
final class Waits {
  private Waits() {}

  interface Check {
    boolean holds() throws Exception;
  }

  /** Asks the check every 100 ms until it holds; fails with {@code what} after {@code at}. */
  static void until(Duration at, Check check, String what) throws Exception {
    long deadline = System.nanoTime() + at.toNanos();
    while (!check.holds()) {
      assertTrue(System.nanoTime() < deadline, what);
      Thread.sleep(100);
    }
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
