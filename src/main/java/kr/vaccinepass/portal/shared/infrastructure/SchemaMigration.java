package kr.vaccinepass.portal.shared.infrastructure;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with the Flyway migrations of db/migration when the portal is
 * deployed, before any service runs, then announces {@link SchemaReady} so that seeding can follow.
 * A failed migration fails the deployment: the portal never runs on a schema it does not know.
 */
@ApplicationScoped
public class SchemaMigration {
  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = "java:jboss/datasources/PortalDS")
  DataSource dataSource;

  @Inject Event<SchemaReady> schemaReady;

  /**
   * The Java migrations the features provide (one that needs the application's own key, say),
   * beside the SQL ones; each names its version.
   */
  @Inject @Any Instance<JavaMigration> javaMigrations;

  void migrate(@Observes @Priority(1) Startup startup) {
    MigrateResult result =
        Flyway.configure(SchemaMigration.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .failOnMissingLocations(true)
            .javaMigrations(javaMigrations.stream().toArray(JavaMigration[]::new))
            .load()
            .migrate();
    LOG.info(
        () ->
            "Schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
    schemaReady.fire(new SchemaReady());
  }

  /** Fired once the schema is current; seeders observe it. */
  public record SchemaReady() {}
}
