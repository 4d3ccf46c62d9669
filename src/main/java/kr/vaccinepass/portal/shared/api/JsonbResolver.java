package kr.vaccinepass.portal.shared.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B instance for every request body the API reads. Without a resolver RESTEasy builds a
 * new {@code Jsonb} for each request: a service-loader lookup through the deployment's jars (under
 * the jar file's lock) and a new Yasson context. At the check-in peak that was a fifth of the
 * request threads' time (docs/benchmarks.md). A {@code Jsonb} is thread-safe.
 */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {
  private static final Jsonb JSONB = JsonbBuilder.create();

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}
