package kr.vaccinepass.portal.devtools;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kr.vaccinepass.portal.shared.infrastructure.PersonalDataCipher;

/**
 * PostgreSQL and the WildFly the build provisioned in target/server, with the portal deployed:
 * started and stopped by the run command ({@link PortalLauncher}) and by the benchmark
 * (devtools.bench). The embedded PostgreSQL writes durably (fsync and synchronous commit on),
 * unlike zonky's defaults for tests. WildFly runs on a server base of its own (configuration,
 * deployments, logs), so what one launcher deploys never meets the tests or another launcher.
 * {@link #close()} stops WildFly, then PostgreSQL; it is safe to call twice and from a shutdown
 * hook.
 */
public final class PortalProcess implements AutoCloseable {
  /** The pass ended on 2022-03-01: the demo stands on a lunchtime of January 2022. */
  public static final String DEFAULT_CLOCK_START = "2022-01-12T11:40:00+09:00";

  private final Path server;
  private final Path war;
  private final Path dataDir;
  private final Path base;
  private final Consumer<String> log;

  private EmbeddedPostgres embedded;
  private int embeddedPort;
  private String url;
  private String user;
  private String password;
  private Process wildfly;
  private volatile int httpPort;
  private boolean closed;

  /** Someone asked WildFly to stop (Ctrl-C's shutdown hook, close(), stopWildFly()). */
  private volatile boolean stopAsked;

  /** The server configuration to start with; null for standalone.sh's (standalone.xml). */
  private String serverConfig;

  /** A CLI script run offline on this base's configuration before the first start, or null. */
  private String configureScript;

  /**
   * @param server the provisioned WildFly (target/server)
   * @param war the portal's WAR
   * @param dataDir the portal's data directory (PostgreSQL's data, data key, demo issuer keys)
   * @param base the WildFly server base of this launcher (configuration, deployments, logs)
   * @param log where progress lines go
   */
  public PortalProcess(Path server, Path war, Path dataDir, Path base, Consumer<String> log) {
    this.server = server;
    this.war = war;
    this.dataDir = dataDir.toAbsolutePath();
    this.base = base.toAbsolutePath();
    this.log = log;
  }

  /**
   * Starts WildFly with that configuration file (e.g. standalone-ha.xml for a cluster node), after
   * running the CLI script on this server base once, offline ({@code embed-server}), when given.
   */
  public synchronized PortalProcess serverConfig(String name, String offlineCliScript) {
    this.serverConfig = name;
    this.configureScript = offlineCliScript;
    return this;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Path base() {
    return base;
  }

  /** The embedded PostgreSQL's data, or null when an external database is used. */
  public Path embeddedData() {
    return embedded == null ? null : dataDir.resolve("postgres");
  }

  /**
   * Starts the embedded PostgreSQL on that port with its data in {@code <dataDir>/postgres} (kept
   * between runs), durably, and creates the database {@code portal} if it is missing.
   */
  public synchronized void startEmbeddedDatabase(int port) throws Exception {
    if (closed) {
      throw new IllegalStateException("stopped");
    }
    Path pgData = dataDir.resolve("postgres");
    Files.createDirectories(pgData);
    Files.deleteIfExists(pgData.resolve("postmaster.pid")); // left by a killed run
    log.accept("Starting the embedded PostgreSQL (data in " + pgData + ", port " + port + ") ...");
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(pgData)
            .setCleanDataDirectory(false)
            .setPort(port)
            // the portal's data outlives the run, and the benchmark measures durable commits:
            // write durably (zonky's defaults are for tests)
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on");
    // PostgreSQL's own cache (default 128 MB); a production server gives it a share of the memory
    String sharedBuffers = System.getProperty("portal.embeddedDb.sharedBuffers", "");
    if (!sharedBuffers.isBlank()) {
      builder.setServerConfig("shared_buffers", sharedBuffers);
      log.accept("PostgreSQL shared_buffers=" + sharedBuffers);
    }
    embedded = builder.start();
    embeddedPort = port;
    createDatabase(port);
    url = "jdbc:postgresql://localhost:" + port + "/portal";
    user = "postgres";
    password = "postgres";
  }

  /** Uses a PostgreSQL started elsewhere; nothing is started or stopped. */
  public synchronized void useExternalDatabase(String url, String user, String password) {
    log.accept("Using the external PostgreSQL at " + url);
    this.url = url;
    this.user = user;
    this.password = password;
  }

  public String jdbcUrl() {
    return url;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** A JDBC connection to the portal's database, as the portal's user. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /**
   * Starts WildFly with the portal and waits until the portal answers (at most 5 minutes).
   *
   * @param httpPort the HTTP port the portal will answer on (with the offset)
   * @param portOffset {@code jboss.socket.binding.port-offset}: moves every port of the server
   *     (management 9990 too), 0 for none
   * @param heap the JVM sizing ({@code -Xms… -Xmx…}), or null for standalone.conf's
   * @param properties the portal's system properties ({@code portal.*}), after the defaults
   */
  public void startWildFly(
      int httpPort, int portOffset, String heap, Map<String, String> properties) throws Exception {
    Process started = launch(httpPort, portOffset, heap, properties);
    // waits without the lock, so that Ctrl-C (close() in a shutdown hook) can stop it meanwhile
    waitForDeployment(started, base.resolve("deployments"), httpPort);
  }

  private synchronized Process launch(
      int httpPort, int portOffset, String heap, Map<String, String> properties) throws Exception {
    if (closed) {
      throw new IllegalStateException("stopped");
    }
    if (wildfly != null && wildfly.isAlive()) {
      throw new IllegalStateException("WildFly is running already");
    }
    boolean fresh =
        copyConfiguration(
            server.resolve("standalone/configuration"), base.resolve("configuration"));
    if (fresh && configureScript != null) {
      configureOffline(configureScript);
    }
    Path deployments = base.resolve("deployments");
    Files.createDirectories(deployments);
    for (String marker : new String[] {".deployed", ".failed", ".isdeploying", ".undeployed"}) {
      Files.deleteIfExists(deployments.resolve("portal.war" + marker));
    }
    Files.copy(war, deployments.resolve("portal.war"), StandardCopyOption.REPLACE_EXISTING);

    Map<String, String> props = new LinkedHashMap<>();
    props.put("jboss.server.base.dir", base.toString());
    props.put("jboss.http.port", String.valueOf(httpPort - portOffset));
    if (portOffset != 0) {
      props.put("jboss.socket.binding.port-offset", String.valueOf(portOffset));
    }
    props.put("portal.db.url", url);
    props.put("portal.db.user", user);
    props.put("portal.db.password", password);
    props.put("portal.data.dir", dataDir.toString());
    props.putAll(properties);
    List<String> command = new ArrayList<>();
    command.add(server.resolve("bin/standalone.sh").toString());
    if (serverConfig != null) {
      command.add("-c");
      command.add(serverConfig);
    }
    props.forEach((k, v) -> command.add("-D" + k + "=" + v));

    Path log = consoleLog();
    Files.createDirectories(log.getParent());
    this.log.accept("Starting WildFly with the portal (log: " + log + ") ...");
    ProcessBuilder builder = new ProcessBuilder(command);
    // standalone.sh then passes Ctrl-C and SIGTERM on to the server's JVM
    builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
    if (heap != null) {
      builder.environment().put("JBOSS_JAVA_SIZING", heap);
    }
    wildfly = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    this.httpPort = httpPort;
    return wildfly;
  }

  /** WildFly's console output. */
  public Path consoleLog() {
    return base.resolve("log/console.log");
  }

  public String baseUrl() {
    return "http://localhost:" + httpPort;
  }

  /** Waits until WildFly stops by itself (or is stopped) and answers its exit code. */
  public int waitForWildFly() throws InterruptedException {
    Process process;
    synchronized (this) {
      process = wildfly;
    }
    return process == null ? 0 : process.waitFor();
  }

  /** How WildFly's run ended: asked to stop, or died (killed, crashed) while nobody asked. */
  public record Ending(boolean unexpected, int exitCode, String message) {}

  /**
   * Waits until WildFly ends and says whether that was asked for. standalone.sh answers 0 even when
   * the server's JVM was killed (kill -9), so its exit code cannot tell: what tells is whether a
   * stop was asked, or this JVM is shutting down (Ctrl-C reaches WildFly and this JVM at once, so
   * the shutdown is given a second to show).
   */
  public Ending waitForEnd() throws InterruptedException {
    int exit = waitForWildFly();
    long until = System.currentTimeMillis() + 1_000;
    while (!stopAsked && !jvmStopping() && System.currentTimeMillis() < until) {
      Thread.sleep(50);
    }
    return ending(exit, stopAsked, jvmStopping(), consoleLog());
  }

  /** The decision of {@link #waitForEnd()}: unexpected unless a stop was asked or Ctrl-C came. */
  static Ending ending(int exitCode, boolean stopAsked, boolean jvmStopping, Path log) {
    if (stopAsked || jvmStopping) {
      return new Ending(false, exitCode, "WildFly stopped (exit " + exitCode + ")");
    }
    String how =
        exitCode > 128
            ? "exit " + exitCode + ": killed by signal " + (exitCode - 128)
            : "exit " + exitCode;
    return new Ending(
        true,
        exitCode,
        "WildFly DIED: its process ended ("
            + how
            + ") although nobody stopped it; the portal is down. Its log: "
            + log);
  }

  /** Whether this JVM is shutting down (Ctrl-C, SIGTERM): it then takes no more shutdown hooks. */
  static boolean jvmStopping() {
    Thread probe = new Thread(() -> {});
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException shuttingDown) {
      return true;
    }
  }

  /** Stops WildFly (SIGTERM, which standalone.sh passes on) and waits for it to end. */
  public synchronized void stopWildFly() {
    stopAsked = true;
    if (wildfly == null) {
      return;
    }
    if (wildfly.isAlive()) {
      log.accept("Stopping WildFly ...");
      wildfly.destroy();
      try {
        if (!wildfly.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
          log.accept("WildFly did not stop within a minute: killing it");
          wildfly.descendants().forEach(ProcessHandle::destroyForcibly);
          wildfly.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    wildfly = null;
  }

  /**
   * Kills WildFly's JVM at once (SIGKILL, as {@code kill -9}): no shutdown, nothing flushed. Its
   * end then counts as unexpected ({@link #waitForEnd()}).
   */
  public synchronized void kill() throws InterruptedException {
    if (wildfly != null) {
      log.accept("Killing WildFly (kill -9) ...");
      wildfly.descendants().forEach(ProcessHandle::destroyForcibly);
      wildfly.destroyForcibly().waitFor();
      wildfly = null;
    }
  }

  /** Whether WildFly's process is alive. */
  public synchronized boolean running() {
    return wildfly != null && wildfly.isAlive();
  }

  /** Runs a CLI script on this server base, offline, and fails when any of it failed. */
  private void configureOffline(String script) throws Exception {
    Path file = base.resolve("configure.cli");
    Files.writeString(file, script);
    Path out = base.resolve("log/configure.log");
    Files.createDirectories(out.getParent());
    log.accept("Configuring " + base + " (" + serverConfig + ") ...");
    Process cli =
        new ProcessBuilder(
                server.resolve("bin/jboss-cli.sh").toString(),
                "-Djboss.server.base.dir=" + base,
                "--file=" + file)
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    if (!cli.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
      cli.destroyForcibly();
      throw new IllegalStateException("configuring the server took too long: see " + out);
    }
    String said = Files.readString(out);
    if (cli.exitValue() != 0 || said.contains("\"outcome\" => \"failed\"")) {
      throw new IllegalStateException("configuring the server failed: see " + out);
    }
  }

  /** Stops the embedded PostgreSQL, if one was started. */
  public synchronized void stopDatabase() {
    if (embedded != null) {
      log.accept("Stopping PostgreSQL ...");
      try {
        embedded.close();
      } catch (IOException e) {
        log.accept("PostgreSQL did not stop cleanly: " + e.getMessage());
      }
      embedded = null;
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    stopAsked = true;
    stopWildFly();
    stopDatabase();
  }

  public int embeddedPort() {
    return embeddedPort;
  }

  /** The data key of a data directory, made at first start (owner-only file). */
  public static String dataKey(Path dataDir) throws IOException {
    Path file = dataDir.resolve("data-keys");
    if (!Files.exists(file)) {
      Files.createDirectories(dataDir);
      Files.writeString(file, PersonalDataCipher.newKey("k1"));
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
    return Files.readString(file).trim();
  }

  /**
   * The provisioned configuration, copied once (the server then keeps its own history there); true
   * when it was copied now.
   */
  private static boolean copyConfiguration(Path from, Path to) throws IOException {
    if (Files.exists(to.resolve("standalone.xml"))) {
      return false;
    }
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(f)) {
          Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return true;
  }

  private void waitForDeployment(Process process, Path deployments, int httpPort) throws Exception {
    long deadline = System.currentTimeMillis() + 300_000;
    while (System.currentTimeMillis() < deadline) {
      if (Files.exists(deployments.resolve("portal.war.failed"))) {
        throw new IllegalStateException(
            "The portal failed to deploy: "
                + Files.readString(deployments.resolve("portal.war.failed")));
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("WildFly stopped while starting: see " + consoleLog());
      }
      if (Files.exists(deployments.resolve("portal.war.deployed")) && answers(httpPort)) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("The portal did not start within 5 minutes");
  }

  private static boolean answers(int port) {
    try {
      HttpURLConnection c =
          (HttpURLConnection)
              URI.create("http://localhost:" + port + "/public/index.xhtml")
                  .toURL()
                  .openConnection();
      c.setConnectTimeout(1000);
      return c.getResponseCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  private static void createDatabase(int port) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres");
        var exists = c.prepareStatement("select 1 from pg_database where datname = 'portal'")) {
      if (!exists.executeQuery().next()) {
        try (var create = c.createStatement()) {
          create.execute("create database portal");
        }
      }
    }
  }
}
