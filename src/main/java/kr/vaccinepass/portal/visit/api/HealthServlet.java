package kr.vaccinepass.portal.visit.api;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import kr.vaccinepass.portal.visit.application.VisitQueue;
import kr.vaccinepass.portal.visit.application.VisitQueue.WriterHealth;
import kr.vaccinepass.portal.visit.application.VisitWriter;

/**
 * For a load balancer or an orchestrator, unauthenticated on purpose (web.xml) and saying nothing
 * secret: {@code GET /health/live} is 200 while the server answers; {@code GET /health/ready} is
 * 200 {@code {"status":"UP",...}} when the node can record check-ins (the database answers, the
 * visit writer runs and its last write went well), else 503 {@code
 * {"status":"DOWN","checks":[...]}}, so that check-ins go to another node while this one cannot
 * write. Outside the API (/api), whose mappers and gate are for devices.
 */
@WebServlet(urlPatterns = {"/health/ready", "/health/live"})
public class HealthServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject VisitQueue batcher;
  @Inject VisitWriter writer;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    JsonObjectBuilder body = Json.createObjectBuilder();
    boolean up;
    if (request.getServletPath().endsWith("/live")) {
      up = true;
    } else {
      boolean database = reachable();
      WriterHealth health = batcher.health();
      JsonObjectBuilder writerCheck =
          Json.createObjectBuilder()
              .add("name", "visit-writer")
              .add("status", health.healthy() ? "UP" : "DOWN")
              .add("alive", health.alive())
              .add("lastWriteOk", health.lastWriteOk())
              .add("queued", batcher.waiting());
      if (health.failingSince() != null) {
        writerCheck.add("failingSince", health.failingSince().toString());
      }
      JsonArrayBuilder checks =
          Json.createArrayBuilder()
              .add(
                  Json.createObjectBuilder()
                      .add("name", "database")
                      .add("status", database ? "UP" : "DOWN"))
              .add(writerCheck);
      up = database && health.healthy();
      body.add("checks", checks);
    }
    JsonObjectBuilder answer = Json.createObjectBuilder().add("status", up ? "UP" : "DOWN");
    answer.addAll(body);
    response.setStatus(up ? 200 : 503);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(answer.build().toString());
  }

  private boolean reachable() {
    try {
      return writer.reachable();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
