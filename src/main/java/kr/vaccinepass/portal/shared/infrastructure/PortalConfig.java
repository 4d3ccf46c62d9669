package kr.vaccinepass.portal.shared.infrastructure;

import java.util.Optional;

/**
 * Configuration values: a system property {@code portal.x.y} wins over the environment variable
 * {@code PORTAL_X_Y}. One place, so docs/operations.md can list them all.
 */
public final class PortalConfig {
  private PortalConfig() {}

  public static Optional<String> get(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(property.toUpperCase().replace('.', '_'));
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public static boolean flag(String property) {
    return get(property).map(Boolean::parseBoolean).orElse(false);
  }

  public static int integer(String property, int defaultValue) {
    return get(property).map(Integer::parseInt).orElse(defaultValue);
  }
}
