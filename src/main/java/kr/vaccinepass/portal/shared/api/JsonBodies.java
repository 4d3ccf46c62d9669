package kr.vaccinepass.portal.shared.api;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;

/**
 * Builders for the API's small JSON bodies, from one factory made once: {@code
 * Json.createObjectBuilder()} looks the JSON provider up through the service loader at every call,
 * which showed in the check-in path's profile (a scan of the deployment's jars per answer).
 */
public final class JsonBodies {
  private static final JsonBuilderFactory FACTORY = Json.createBuilderFactory(null);

  private JsonBodies() {}

  public static JsonObjectBuilder object() {
    return FACTORY.createObjectBuilder();
  }
}
