package kr.vaccinepass.portal.devtools;

import java.nio.file.Path;
import java.util.Map;
import kr.vaccinepass.portal.demo.DemoData;

/**
 * The run command (mvn -Prun): starts PostgreSQL (embedded, keeping its data in
 * .portal-data/postgres, unless PORTAL_DB_URL names an external one), starts the WildFly the build
 * provisioned in target/server with the portal deployed and demo data seeded, prints the address
 * and the demo accounts, and on Ctrl-C stops WildFly, then PostgreSQL. When WildFly dies instead
 * (killed, crashed) it says so and fails: the command ends non-zero. The starting and stopping is
 * {@link PortalProcess}'s, shared with the benchmark.
 */
public final class PortalLauncher {
  private static final int DEFAULT_EMBEDDED_PORT = 15432;

  public static void main(String[] args) throws Exception {
    new PortalLauncher().run();
  }

  private void run() throws Exception {
    Path server = Path.of(required("portal.server.dir"));
    Path war = Path.of(required("portal.war"));
    Path dataDir = Path.of(required("portal.data.dir"));
    int httpPort = Integer.parseInt(env("PORTAL_HTTP_PORT", "8080"));
    // a server base of its own (configuration, deployments, logs), so that what the run command
    // deploys never meets the tests, which start the same server from target/server/standalone
    PortalProcess portal =
        new PortalProcess(
            server, war, dataDir, server.resolveSibling("run-standalone"), PortalLauncher::say);
    Runtime.getRuntime().addShutdownHook(new Thread(portal::close, "portal-stop"));

    String url = env("PORTAL_DB_URL", null);
    if (url == null) {
      portal.startEmbeddedDatabase(
          Integer.parseInt(env("PORTAL_EMBEDDED_DB_PORT", "" + DEFAULT_EMBEDDED_PORT)));
    } else {
      portal.useExternalDatabase(
          url, env("PORTAL_DB_USER", "portal"), env("PORTAL_DB_PASSWORD", "portal"));
    }

    Map<String, String> properties = Settings.portalProperties(dataDir);
    portal.startWildFly(httpPort, 0, null, properties);

    banner(httpPort, portal.embeddedData());
    PortalProcess.Ending end = portal.waitForEnd();
    say(end.message());
    if (end.unexpected()) {
      // not Ctrl-C: the run fails (non-zero, BUILD FAILURE), after PostgreSQL is stopped
      portal.close();
      throw new IllegalStateException(end.message());
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
        " Portal clock starts at    "
            + env("PORTAL_CLOCK_START", PortalProcess.DEFAULT_CLOCK_START));
    if (pgData != null) {
      System.out.println();
      System.out.println(" Embedded PostgreSQL data: " + pgData + " (kept between runs)");
    }
    System.out.println();
    System.out.println(" Ctrl-C stops WildFly and PostgreSQL.");
    System.out.println(line);
  }

  private static void say(String text) {
    System.out.println("[portal] " + text);
  }

  private static String required(String property) {
    return Settings.required(property, "mvn -Prun");
  }

  private static String env(String name, String fallback) {
    return Settings.env(name, fallback);
  }
}
