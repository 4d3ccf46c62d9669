package kr.vaccinepass.portal.devtools;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the developer commands read: Maven's system properties and the PORTAL_* environment. */
public final class Settings {
  private Settings() {}

  /** A system property the Maven profile sets; missing means the class was not started by it. */
  public static String required(String property, String command) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException(
          "start with " + command + " (the property " + property + " is missing)");
    }
    return value;
  }

  /** An environment variable, or the fallback when it is unset or blank. */
  public static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /**
   * The portal's system properties of the run and cluster commands: demo data, the data key of this
   * data directory, the telephony secret and the shifted clock, each from its PORTAL_* variable
   * when set.
   */
  public static Map<String, String> portalProperties(Path dataDir) throws IOException {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("portal.demo", env("PORTAL_DEMO", "true"));
    // personal data is encrypted at rest: a key made once for this data directory, unless given
    properties.put("portal.data.keys", env("PORTAL_DATA_KEYS", PortalProcess.dataKey(dataDir)));
    properties.put(
        "portal.telephony.secret", env("PORTAL_TELEPHONY_SECRET", "demo-telephony-secret"));
    // the pass ended on 2022-03-01: the demo stands on a lunchtime of January 2022 unless told
    properties.put(
        "portal.clock.start", env("PORTAL_CLOCK_START", PortalProcess.DEFAULT_CLOCK_START));
    return properties;
  }
}
