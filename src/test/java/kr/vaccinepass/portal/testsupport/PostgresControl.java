package kr.vaccinepass.portal.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the PostgreSQL of the tests on the same port and data, for fault tests: with its
 * own pg_ctl, found from the running server itself (its data directory, and its postmaster's
 * executable and command line in /proc), so it works from inside WildFly as from the test JVM, for
 * zonky's embedded server ({@link EmbeddedPostgresSession}) or any local one run by the same user.
 * As root (these machines), pg_ctl runs in a user namespace, as zonky runs it. The stop is pg_ctl's
 * "fast" mode (what {@code systemctl stop} does): every connection is cut.
 */
public final class PostgresControl {
  private final Path bin;
  private final Path dataDir;
  private final int port;
  private final List<String> options;
  private final Path log;

  private PostgresControl(Path bin, Path dataDir, int port, List<String> options) {
    this.bin = bin;
    this.dataDir = dataDir;
    this.port = port;
    this.options = options;
    this.log = dataDir.resolveSibling(dataDir.getFileName() + "-restart.log");
  }

  /** The server this connection reaches, which must be local and run by this user (superuser). */
  public static PostgresControl of(Connection c) throws SQLException, IOException {
    Path dataDir;
    int port;
    try (Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery("show data_directory")) {
        r.next();
        dataDir = Path.of(r.getString(1));
      }
      try (ResultSet r = s.executeQuery("show port")) {
        r.next();
        port = Integer.parseInt(r.getString(1));
      }
    }
    long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    Path exe = Path.of("/proc/" + pid + "/exe").toRealPath();
    String[] cmdline =
        new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8)
            .split("\0");
    List<String> options = new ArrayList<>();
    for (int i = 1; i < cmdline.length; i++) {
      if (cmdline[i].equals("-D")) {
        i++; // the data directory, which pg_ctl is given itself
      } else if (!cmdline[i].isEmpty()) {
        options.add(cmdline[i]);
      }
    }
    return new PostgresControl(exe.getParent(), dataDir, port, options);
  }

  public int port() {
    return port;
  }

  /** Stops the server (fast mode: connections are cut, work is flushed) and waits for it. */
  public void stop() throws IOException, InterruptedException {
    run(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            dataDir.toString(),
            "-m",
            "fast",
            "-w",
            "-t",
            "30",
            "stop"));
  }

  /**
   * Starts it again with the same options (port, settings), without waiting: see {@link
   * #accepts()}.
   */
  public void start() throws IOException, InterruptedException {
    StringBuilder o = new StringBuilder();
    for (String option : options) {
      o.append(" '").append(option.replace("'", "'\\''")).append('\'');
    }
    run(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            dataDir.toString(),
            "-l",
            log.toString(),
            "-o",
            o.toString().trim(),
            "-W",
            "start"));
  }

  /**
   * Whether the server accepts connections now: the postmaster says "ready" in postmaster.pid (as
   * pg_ctl -w reads it; zonky's binaries have no pg_isready) and its port takes a connection.
   */
  public boolean accepts() {
    try {
      List<String> pid = Files.readAllLines(dataDir.resolve("postmaster.pid"));
      if (pid.size() < 8 || !pid.get(7).trim().equals("ready")) {
        return false;
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("localhost", port), 1_000);
        return true;
      }
    } catch (IOException e) {
      return false;
    }
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      // pg_ctl refuses root: as zonky does, in a user namespace of its own (an unprivileged user)
      line.addAll(List.of("unshare", "-U"));
    }
    line.addAll(command);
    Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", command) + " failed: " + new String(out, StandardCharsets.UTF_8));
    }
  }
}
