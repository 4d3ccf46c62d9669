package kr.vaccinepass.portal.shared.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kr.vaccinepass.portal.shared.infrastructure.PortalConfig;

/**
 * {@code POST /api/v1/benchmark/noop}: the ceiling of the check-in benchmark. It reads the body a
 * check-in sends and answers 200 without doing anything else, so the load generator can measure
 * what HTTP, JAX-RS and JSON cost on this machine without the check-in's work. It exists only when
 * the server runs with {@code portal.benchmark=true}; otherwise it answers 404 like a path that is
 * not there.
 */
@ApplicationScoped
@Path("/v1/benchmark/noop")
public class BenchmarkResource {
  static final String ENABLED = "portal.benchmark";
  private static final String ANSWER = "{\"ok\":true}";

  /** The same JSON a check-in sends; read and dropped. */
  public record NoopRequest(String token, String party) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  public Response noop(NoopRequest request) {
    if (!PortalConfig.flag(ENABLED)) {
      return Problem.of(404, "NOT_FOUND", null);
    }
    return Response.ok(ANSWER, MediaType.APPLICATION_JSON).build();
  }
}
