package kr.vaccinepass.portal.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts one real PostgreSQL (zonky's binaries from Maven Central) for the integration tests of a
 * run, before the managed WildFly starts, and stops it at the end. The WildFly of the tests reaches
 * it through the system properties arquillian.xml passes on. When PORTAL_DB_URL is set, the tests
 * use that database instead and nothing is started.
 */
public class EmbeddedPostgresSession implements LauncherSessionListener {
  private EmbeddedPostgres postgres;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (!Boolean.getBoolean("portal.test.embeddedDb")) {
      return;
    }
    String external = System.getenv("PORTAL_DB_URL");
    if (external != null && !external.isBlank()) {
      System.setProperty("portal.test.db.url", external);
      System.setProperty("portal.test.db.user", env("PORTAL_DB_USER", "portal"));
      System.setProperty("portal.test.db.password", env("PORTAL_DB_PASSWORD", "portal"));
      return;
    }
    try {
      postgres = EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
    }
    System.setProperty(
        "portal.test.db.url", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
    System.setProperty("portal.test.db.user", "postgres");
    System.setProperty("portal.test.db.password", "postgres");
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
