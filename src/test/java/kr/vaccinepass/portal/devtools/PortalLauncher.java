package kr.vaccinepass.portal.devtools;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import kr.vaccinepass.portal.demo.DemoData;

/**
 * The run command (mvn -Prun): starts PostgreSQL (embedded, keeping its data in
 * .portal-data/postgres, unless PORTAL_DB_URL names an external one), starts the WildFly the build
 * provisioned in target/server with the portal deployed and demo data seeded, prints the address
 * and the demo accounts, and on Ctrl-C stops WildFly, then PostgreSQL.
 */
public final class PortalLauncher {
  private static final int DEFAULT_EMBEDDED_PORT = 15432;

  private EmbeddedPostgres embedded;
  private Process wildfly;

  public static void main(String[] args) throws Exception {
    new PortalLauncher().run();
  }

  private void run() throws Exception {
    Path server = Path.of(required("portal.server.dir"));
    Path war = Path.of(required("portal.war"));
    Path dataDir = Path.of(required("portal.data.dir"));
    int httpPort = Integer.parseInt(env("PORTAL_HTTP_PORT", "8080"));
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "portal-stop"));

    String url = env("PORTAL_DB_URL", null);
    String user = env("PORTAL_DB_USER", "portal");
    String password = env("PORTAL_DB_PASSWORD", "portal");
    if (url == null) {
      Path pgData = dataDir.resolve("postgres");
      Files.createDirectories(pgData);
      Files.deleteIfExists(pgData.resolve("postmaster.pid")); // left by a killed run
      int port = Integer.parseInt(env("PORTAL_EMBEDDED_DB_PORT", "" + DEFAULT_EMBEDDED_PORT));
      say("Starting the embedded PostgreSQL (data in " + pgData + ", port " + port + ") ...");
      embedded =
          EmbeddedPostgres.builder()
              .setDataDirectory(pgData)
              .setCleanDataDirectory(false)
              .setPort(port)
              // the portal's data outlives the run: write it durably (zonky's defaults are for
              // tests)
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .start();
      createDatabase(port);
      url = "jdbc:postgresql://localhost:" + port + "/portal";
      user = "postgres";
      password = "postgres";
    } else {
      say("Using the external PostgreSQL at " + url);
    }

    // a server base of its own (configuration, deployments, logs), so that what the run command
    // deploys never meets the tests, which start the same server from target/server/standalone
    Path base = server.resolveSibling("run-standalone");
    copyConfiguration(server.resolve("standalone/configuration"), base.resolve("configuration"));
    Path deployments = base.resolve("deployments");
    Files.createDirectories(deployments);
    for (String marker : new String[] {".deployed", ".failed", ".isdeploying", ".undeployed"}) {
      Files.deleteIfExists(deployments.resolve("portal.war" + marker));
    }
    Files.copy(war, deployments.resolve("portal.war"), StandardCopyOption.REPLACE_EXISTING);

    List<String> command = new ArrayList<>();
    command.add(server.resolve("bin/standalone.sh").toString());
    command.add("-Djboss.server.base.dir=" + base);
    command.add("-Djboss.http.port=" + httpPort);
    command.add("-Dportal.db.url=" + url);
    command.add("-Dportal.db.user=" + user);
    command.add("-Dportal.db.password=" + password);
    command.add("-Dportal.demo=" + env("PORTAL_DEMO", "true"));
    command.add("-Dportal.data.dir=" + dataDir.toAbsolutePath());
    // personal data is encrypted at rest: a key made once for this data directory, unless given
    command.add("-Dportal.data.keys=" + env("PORTAL_DATA_KEYS", dataKey(dataDir)));
    command.add(
        "-Dportal.telephony.secret=" + env("PORTAL_TELEPHONY_SECRET", "demo-telephony-secret"));
    // the pass ended on 2022-03-01: the demo stands on a lunchtime of January 2022 unless told
    command.add("-Dportal.clock.start=" + env("PORTAL_CLOCK_START", "2022-01-12T11:40:00+09:00"));
    Path log = base.resolve("log/console.log");
    Files.createDirectories(log.getParent());
    say("Starting WildFly with the portal (log: " + log + ") ...");
    ProcessBuilder builder = new ProcessBuilder(command);
    // standalone.sh then passes Ctrl-C and SIGTERM on to the server's JVM
    builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
    wildfly = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();

    waitForDeployment(deployments, httpPort);
    banner(httpPort, embedded != null ? dataDir.resolve("postgres") : null);
    int exit = wildfly.waitFor();
    say("WildFly stopped (exit " + exit + ")");
  }

  /** The data key of this data directory, made at first start (owner-only file). */
  private static String dataKey(Path dataDir) throws IOException {
    Path file = dataDir.resolve("data-keys");
    if (!Files.exists(file)) {
      Files.createDirectories(dataDir);
      Files.writeString(
          file, kr.vaccinepass.portal.shared.infrastructure.PersonalDataCipher.newKey("k1"));
      Files.setPosixFilePermissions(
          file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }
    return Files.readString(file).trim();
  }

  /** The provisioned configuration, copied once (the server then keeps its own history there). */
  private static void copyConfiguration(Path from, Path to) throws IOException {
    if (Files.exists(to.resolve("standalone.xml"))) {
      return;
    }
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(f)) {
          Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private void waitForDeployment(Path deployments, int httpPort) throws Exception {
    long deadline = System.currentTimeMillis() + 300_000;
    while (System.currentTimeMillis() < deadline) {
      if (Files.exists(deployments.resolve("portal.war.failed"))) {
        throw new IllegalStateException(
            "The portal failed to deploy: "
                + Files.readString(deployments.resolve("portal.war.failed")));
      }
      if (!wildfly.isAlive()) {
        throw new IllegalStateException("WildFly stopped while starting: see its log");
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

  private static void banner(int port, Path pgData) {
    String line = "=".repeat(72);
    System.out.println();
    System.out.println(line);
    System.out.println(" Vaccine Pass Portal is running:  http://localhost:" + port + "/");
    System.out.println();
    System.out.println(" Demo accounts (e-mail / password):");
    System.out.println(
        "   Owner                   " + DemoData.OWNER_EMAIL + " / " + DemoData.OWNER_PASSWORD);
    System.out.println(
        "   Inspector of 서울 종로구   "
            + DemoData.INSPECTOR_EMAIL
            + " / "
            + DemoData.INSPECTOR_PASSWORD);
    System.out.println(
        "   Administrator           " + DemoData.ADMIN_EMAIL + " / " + DemoData.ADMIN_PASSWORD);
    System.out.println();
    System.out.println(
        " Demo wallet (pass QRs):   http://localhost:" + port + "/public/wallet.xhtml");
    System.out.println(
        " Portal clock starts at    " + env("PORTAL_CLOCK_START", "2022-01-12T11:40:00+09:00"));
    if (pgData != null) {
      System.out.println();
      System.out.println(" Embedded PostgreSQL data: " + pgData + " (kept between runs)");
    }
    System.out.println();
    System.out.println(" Ctrl-C stops WildFly and PostgreSQL.");
    System.out.println(line);
  }

  private synchronized void stop() {
    if (wildfly != null && wildfly.isAlive()) {
      say("Stopping WildFly ...");
      wildfly.destroy();
      try {
        wildfly.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (embedded != null) {
      say("Stopping PostgreSQL ...");
      try {
        embedded.close();
      } catch (IOException e) {
        say("PostgreSQL did not stop cleanly: " + e.getMessage());
      }
      embedded = null;
    }
  }

  private static void say(String text) {
    System.out.println("[portal] " + text);
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException(
          "start with mvn -Prun (the property " + property + " is missing)");
    }
    return value;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
