package kr.vaccinepass.portal.shared.infrastructure;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A migration that needs the application (the personal-data key only it holds), registered with
 * Flyway by {@link SchemaMigration}: its version and description, no checksum, one transaction.
 */
public abstract class PortalJavaMigration implements JavaMigration {
  private final MigrationVersion version;
  private final String description;

  protected PortalJavaMigration(String version, String description) {
    this.version = MigrationVersion.fromVersion(version);
    this.description = description;
  }

  @Override
  public MigrationVersion getVersion() {
    return version;
  }

  @Override
  public String getDescription() {
    return description;
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }
}
