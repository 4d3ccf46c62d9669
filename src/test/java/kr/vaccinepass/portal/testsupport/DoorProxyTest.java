package kr.vaccinepass.portal.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The door tests' proxy against a tiny JDK server: each mode, and switching back and forth. */
class DoorProxyTest {
  private HttpServer target;
  private DoorProxy proxy;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @BeforeEach
  void start() throws IOException {
    target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    target.createContext(
        "/",
        ex -> {
          byte[] body =
              (ex.getRequestMethod()
                      + " "
                      + ex.getRequestURI()
                      + " host="
                      + ex.getRequestHeaders().getFirst("Host")
                      + " cookie="
                      + ex.getRequestHeaders().getFirst("Cookie")
                      + " body="
                      + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                  .getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Set-Cookie", "JSESSIONID=abc; Path=/");
          ex.getResponseHeaders().add("Location", "/portal/next");
          ex.sendResponseHeaders(
              ex.getRequestURI().getPath().endsWith("/moved") ? 302 : 200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    target.start();
    proxy = DoorProxy.to("127.0.0.1", target.getAddress().getPort());
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    target.stop(0);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(proxy.origin() + path))
            .header("Cookie", "JSESSIONID=abc")
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(proxy.origin() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void passForwardsRequestsBodiesHeadersCookiesAndRedirects() throws Exception {
    HttpResponse<String> page = get("/portal/door/index.html?x=1");
    assertEquals(200, page.statusCode());
    assertEquals(
        "GET /portal/door/index.html?x=1 host=localhost:"
            + proxy.port()
            + " cookie=JSESSIONID=abc body=",
        page.body());
    assertEquals("JSESSIONID=abc; Path=/", page.headers().firstValue("Set-Cookie").orElseThrow());

    HttpResponse<String> sent = post("/portal/api/v1/x", "{\"records\":[1,2,3]}");
    assertTrue(sent.body().endsWith("body={\"records\":[1,2,3]}"), sent.body());

    HttpResponse<String> moved = get("/portal/moved");
    assertEquals(302, moved.statusCode());
    assertEquals("/portal/next", moved.headers().firstValue("Location").orElseThrow());
    assertEquals(3, proxy.count(DoorProxy.Mode.PASS));
  }

  @Test
  void downFailsEveryRequestAndPassServesAgainOnTheSamePort() throws Exception {
    int port = proxy.port();
    for (int round = 0; round < 3; round++) {
      proxy.mode(DoorProxy.Mode.DOWN);
      assertThrows(IOException.class, () -> get("/portal/door/index.html"));
      proxy.mode(DoorProxy.Mode.PASS);
      assertEquals(200, get("/portal/door/index.html").statusCode());
      assertEquals(port, proxy.port());
    }
  }

  @Test
  void floodAnswers503ToMatchingRequestsOnlyWithoutReachingTheTarget() throws Exception {
    proxy.matching(".*/api/v1/facilities/\\d+/checkins").mode(DoorProxy.Mode.FLOOD_503);

    HttpResponse<String> shed = post("/portal/api/v1/facilities/7/checkins", "{}");
    assertEquals(503, shed.statusCode());
    assertEquals("1", shed.headers().firstValue("Retry-After").orElseThrow());
    assertEquals(
        "application/problem+json", shed.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(200, post("/portal/api/v1/facilities/7/door-visits", "{}").statusCode());
    assertEquals(2, proxy.count(DoorProxy.Mode.FLOOD_503));
  }

  @Test
  void slowHoldsMatchingRequests() throws Exception {
    proxy.matching(".*/checkins").delay(Duration.ofMillis(900)).mode(DoorProxy.Mode.SLOW);

    long start = System.nanoTime();
    assertEquals(200, post("/portal/api/v1/facilities/7/checkins", "{}").statusCode());
    long held = (System.nanoTime() - start) / 1_000_000;
    assertTrue(held >= 900, "held " + held + " ms");
    assertEquals(200, get("/portal/door/index.html").statusCode());
  }
}
