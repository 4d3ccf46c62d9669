package kr.vaccinepass.portal.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** HTTP calls to the portal's own API from inside the container (the door device's view). */
final class VisitTestSupport {
  static final String BASE = "http://localhost:8180";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private VisitTestSupport() {}

  /** The answer is a problem document of that status and code. */
  static void assertProblem(HttpResponse<String> response, int status, String code) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"),
        response.headers().toString());
    assertTrue(response.body().contains("\"code\":\"" + code + "\""), response.body());
  }

  /** A GET with those headers, its whole answer. */
  static HttpResponse<String> get(String path, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).GET();
    headers.forEach(request::header);
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> post(String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(BASE + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String get(String path) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(BASE + path)).GET().build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A handwritten visit at that instant, inserted straight into the table; its id. */
  static long insertHandwrittenVisit(
      jakarta.persistence.EntityManager em,
      jakarta.transaction.UserTransaction tx,
      long facilityId,
      java.time.Instant at)
      throws Exception {
    tx.begin();
    long id =
        ((Number)
                em.createNativeQuery(
                        "insert into visit (facility_id, visited_at, method, outcome, created_at)"
                            + " values (?1, ?2, 'HANDWRITTEN', 'UNVERIFIED', ?2) returning id")
                    .setParameter(1, facilityId)
                    .setParameter(2, at)
                    .getSingleResult())
            .longValue();
    tx.commit();
    return id;
  }

  static String checkinBody(String token) {
    return "{\"token\":\"" + token + "\"}";
  }
}
