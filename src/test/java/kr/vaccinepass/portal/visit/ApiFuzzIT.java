package kr.vaccinepass.portal.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import kr.vaccinepass.portal.pass.domain.PassFacts;
import kr.vaccinepass.portal.pass.domain.PassKeys;
import kr.vaccinepass.portal.pass.domain.PassToken;
import kr.vaccinepass.portal.testsupport.Deployments;
import kr.vaccinepass.portal.visit.application.WebhookSignature;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A fuzz run of the machine API over HTTP from outside the server (the client's view): at least
 * 5,000 generated requests per API (check-ins and call reports), valid ones mixed with hostile ones
 * and sent concurrently, so that valid check-ins share group commits with bad ones. Every answer
 * must be a 2xx success JSON or a problem document, never a 5xx (a 503 OVERLOADED is retried and
 * counted), never a stack trace; every valid check-in and call is answered 201 and is in
 * PostgreSQL, and no bad one is. Seeded ({@code -Dfuzz.seed}) so that a failure reproduces; {@code
 * -Dfuzz.checkins} and {@code -Dfuzz.calls} set the counts. The counts are printed
 * (docs/security.md).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiFuzzIT {
  private static final long SEED = Long.getLong("fuzz.seed", 20220112L);
  private static final int CHECKINS = Integer.getInteger("fuzz.checkins", 5000);
  private static final int CALLS = Integer.getInteger("fuzz.calls", 5000);
  private static final int CONCURRENCY = 12;
  private static final String SECRET = "test-telephony-secret"; // src/test/resources/arquillian.xml
  private static final BigInteger N =
      new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

  /** What an HTTP header value may hold (the client refuses the rest before sending). */
  private static final String PRINTABLE =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/.~!#$%&'*^`|:;<>?@[]{}()";

  private static final ZoneOffset KST = ZoneOffset.ofHours(9);
  private static final List<String> INTERNALS =
      List.of(
          "Exception",
          "at kr.",
          "org.hibernate",
          "java.",
          "\tat ",
          "Caused by",
          "jakarta.",
          "org.");
  private static final Pattern SUCCESS_CHECKIN =
      Pattern.compile(
          "\\{\"code\":\"(PASS|EXEMPT)\",\"admitted\":true,\"visitId\":\\d+(,\"reason\":\"[A-Z_0-9]+\")?,\"checkedAt\":\"[0-9TZ:.-]+\"}");
  private static final Pattern SUCCESS_CALL =
      Pattern.compile("\\{\"visitId\":\\d+,\"outcome\":\"UNVERIFIED\",\"repeated\":(true|false)}");
  private static final Pattern PROBLEM = Pattern.compile("\"code\":\"([A-Z_0-9]+)\"");

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(ApiFuzzIT.class, ApiFuzzSupport.class);
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .executor(Executors.newFixedThreadPool(4))
          .build();

  /** What the server made for the run, and the issuer key's private half. */
  private record Fixture(
      long facilityId,
      String deviceKey,
      String kid,
      String safeCallNumber,
      long portalOffsetMillis,
      ECPrivateKey key) {
    Instant portalNow() {
      return Instant.ofEpochMilli(System.currentTimeMillis() + portalOffsetMillis);
    }
  }

  private static Fixture fixture() throws Exception {
    KeyPair pair = PassKeys.generate();
    HttpResponse<String> made =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(VisitTestSupport.BASE + "/api/test-support/api-fuzz"))
                .header("Content-Type", "text/plain")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        PassKeys.pem((ECPublicKey) pair.getPublic())))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, made.statusCode(), made.body());
    Map<String, String> v = new LinkedHashMap<>();
    for (String line : made.body().split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        v.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    knowKey(Long.parseLong(v.get("facilityId")), v.get("deviceKey"));
    return new Fixture(
        Long.parseLong(v.get("facilityId")),
        v.get("deviceKey"),
        v.get("kid"),
        v.get("safeCallNumber"),
        Long.parseLong(v.get("portalNowMillis")) - System.currentTimeMillis(),
        (ECPrivateKey) pair.getPrivate());
  }

  /**
   * Makes the portal know the new device's key, as a device does after pairing: the fuzz of made-up
   * keys from this address (another test) may have used the address's budget of failed lookups, and
   * then a key never seen is answered 429 with Retry-After, which the device honours.
   */
  private static void knowKey(long facilityId, String deviceKey) throws Exception {
    for (int attempt = 0; attempt < 5; attempt++) {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(
                          VisitTestSupport.BASE + "/api/v1/facilities/" + facilityId + "/checkins"))
                  .header("Authorization", "Device " + deviceKey)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 429) {
        // the key was looked up; the empty request itself is refused (no token)
        assertEquals(400, r.statusCode(), r.body());
        return;
      }
      long wait = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
      Thread.sleep(wait * 1000 + 100);
    }
    throw new AssertionError("the device key was never looked up");
  }

  // ------------------------------------------------------------------ the requests

  /** One request and what it must be answered with (null: any non-5xx documented answer). */
  private record Req(
      String kind,
      String method,
      String path,
      Map<String, String> headers,
      byte[] body,
      boolean chunked,
      Set<Integer> expected) {}

  /** The outcome of one request, kept for the checks after the run. */
  private record Result(Req req, int status, String contentType, String body, String retryAfter) {}

  /** Sends every request (each made just before it is sent: tokens live 20 s). */
  private static List<Result> run(List<Supplier<List<Req>>> cases) throws Exception {
    Semaphore inFlight = new Semaphore(CONCURRENCY);
    ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (Supplier<List<Req>> c : cases) {
      // a case's requests (a token and its variant) are sent at once, side by side
      for (Req req : c.get()) {
        inFlight.acquire();
        all.add(send(req, 0).whenComplete((r, e) -> inFlight.release()).thenAccept(results::add));
      }
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    return new ArrayList<>(results);
  }

  private static CompletableFuture<Result> send(Req req, int attempt) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(VisitTestSupport.BASE + req.path()))
            .timeout(Duration.ofSeconds(30));
    req.headers().forEach(b::header);
    HttpRequest.BodyPublisher body =
        req.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : req.chunked()
                ? HttpRequest.BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(req.body()))
                : HttpRequest.BodyPublishers.ofByteArray(req.body());
    b.method(req.method(), body);
    return HTTP.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .handle(
            (r, e) -> {
              if (e != null) {
                return CompletableFuture.completedFuture(
                    new Result(req, -1, "", String.valueOf(e), null));
              }
              Result result =
                  new Result(
                      req,
                      r.statusCode(),
                      r.headers().firstValue("Content-Type").orElse(""),
                      r.body(),
                      r.headers().firstValue("Retry-After").orElse(null));
              // the documented answer to a flood: the device sends the same request again
              if (r.statusCode() == 503 && r.body().contains("\"OVERLOADED\"") && attempt < 20) {
                OVERLOADED.incrementAndGet();
                return CompletableFuture.runAsync(
                        () -> {},
                        CompletableFuture.delayedExecutor(
                            100, java.util.concurrent.TimeUnit.MILLISECONDS))
                    .thenCompose(x -> send(req, attempt + 1));
              }
              return CompletableFuture.completedFuture(result);
            })
        .thenCompose(f -> f);
  }

  private static final AtomicInteger OVERLOADED = new AtomicInteger();

  /** The checks every answer of the API must pass; the list of what did not. */
  private static List<String> violations(List<Result> results, Pattern success) {
    List<String> wrong = new ArrayList<>();
    for (Result r : results) {
      String what = r.req().kind() + " " + r.status() + " " + shorten(r.body());
      if (r.status() < 100) {
        wrong.add("no answer: " + what);
        continue;
      }
      if (r.status() >= 500) {
        wrong.add("5xx: " + what);
      }
      if (r.req().expected() != null && !r.req().expected().contains(r.status())) {
        wrong.add("expected " + r.req().expected() + ": " + what);
      }
      boolean ok2xx = r.status() < 300;
      if (ok2xx) {
        if (!r.contentType().startsWith("application/json")
            || !success.matcher(r.body()).matches()) {
          wrong.add("not the success JSON: " + r.contentType() + " " + what);
        }
      } else if (!r.contentType().startsWith("application/problem+json")
          || !PROBLEM.matcher(r.body()).find()
          || !r.body().startsWith("{\"type\":\"https://vaccinepass.kr/problems/")) {
        wrong.add("not a problem document: " + r.contentType() + " " + what);
      }
      for (String internal : INTERNALS) {
        if (r.body().contains(internal)) {
          wrong.add("internals (" + internal + "): " + what);
        }
      }
    }
    return wrong;
  }

  private static String shorten(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }

  private static Map<String, Integer> counts(List<Result> results) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Result r : results) {
      String code = "";
      var m = PROBLEM.matcher(r.body());
      if (r.status() >= 400 && m.find()) {
        code = " " + m.group(1);
      }
      counts.merge(r.req().kind() + " → " + r.status() + code, 1, Integer::sum);
    }
    return counts;
  }

  // ------------------------------------------------------------------ check-ins

  @Test
  void fuzzedCheckinsAreAnsweredCleanlyAndNoValidOneIsLost() throws Exception {
    Fixture f = fixture();
    Random random = new Random(SEED);
    String path = "/api/v1/facilities/" + f.facilityId() + "/checkins";
    Map<String, String> device =
        Map.of("Authorization", "Device " + f.deviceKey(), "Content-Type", "application/json");
    Set<String> validNonces = ConcurrentHashMap.newKeySet();
    AtomicInteger serial = new AtomicInteger();
    PassFacts boosted =
        new PassFacts(LocalDate.of(2021, 6, 1), LocalDate.of(2021, 12, 1), null, null, null, 1980);

    Supplier<String> freshNonce = () -> "fz-" + SEED + "-" + serial.incrementAndGet();
    java.util.function.BiFunction<String, String, String> sign =
        (holder, nonce) ->
            PassToken.sign(f.key(), f.kid(), "COOV", holder, boosted, f.portalNow(), nonce);

    List<Supplier<List<Req>>> cases = new ArrayList<>();
    int requests = 0;
    while (requests < CHECKINS) {
      long caseSeed = random.nextLong();
      int kind = random.nextInt(100);
      Supplier<List<Req>> c;
      if (kind < 22) {
        c =
            () -> {
              String nonce = freshNonce.get();
              validNonces.add(nonce);
              return List.of(
                  checkin("valid", path, device, body(sign.apply("h-" + nonce, nonce)), 201));
            };
      } else if (kind < 34) {
        c =
            () -> {
              // the "bad row": a genuinely signed token whose jti (or sub) holds a control char
              Random r = new Random(caseSeed);
              String control = String.valueOf(controlChar(r));
              String nonce = freshNonce.get();
              String token =
                  r.nextBoolean()
                      ? sign.apply(
                          "h-" + nonce, nonce.substring(0, 4) + control + nonce.substring(4))
                      : sign.apply("h" + control + nonce, nonce);
              return List.of(checkin("control-char claim", path, device, body(token), 400));
            };
      } else if (kind < 46) {
        c =
            () -> {
              // a valid token and, side by side, one variant of its text
              Random r = new Random(caseSeed);
              String nonce = freshNonce.get();
              validNonces.add(nonce);
              String token = sign.apply("h-" + nonce, nonce);
              String variant = variant(token, r);
              return List.of(
                  checkin("valid beside a variant", path, device, body(token), 201),
                  checkin("variant", path, device, body(variant), (Set<Integer>) null));
            };
      } else if (kind < 52) {
        c =
            () -> {
              String nonce = freshNonce.get();
              validNonces.add(nonce);
              String token = sign.apply("h-" + nonce, nonce);
              return List.of(
                  checkin("valid beside s↔n−s", path, device, body(token), 201),
                  checkin("s↔n−s", path, device, body(malleated(token)), 201));
            };
      } else if (kind < 70) {
        c =
            () ->
                List.of(
                    checkin(
                        "garbage body",
                        path,
                        device,
                        garbage(new Random(caseSeed)),
                        Set.of(400, 413)));
      } else if (kind < 76) {
        c =
            () -> {
              Random r = new Random(caseSeed);
              byte[] big = new byte[4097 + r.nextInt(30_000)];
              Arrays.fill(big, (byte) 'a');
              boolean chunked = r.nextBoolean();
              return List.of(
                  new Req(
                      chunked ? "oversize chunked" : "oversize",
                      "POST",
                      path,
                      device,
                      big,
                      chunked,
                      Set.of(413)));
            };
      } else if (kind < 82) {
        c =
            () -> {
              Random r = new Random(caseSeed);
              Map<String, String> h = new LinkedHashMap<>(device);
              String auth =
                  switch (r.nextInt(5)) {
                    case 0 -> null;
                    case 1 -> "Device ";
                    case 2 -> "Bearer " + f.deviceKey();
                    case 3 ->
                        "Device vpd_"
                            + randomText(
                                r,
                                43,
                                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
                    default -> "Device vpd_" + randomText(r, 1 + r.nextInt(90), PRINTABLE);
                  };
              if (auth == null) {
                h.remove("Authorization");
              } else {
                h.put("Authorization", auth);
              }
              String nonce = freshNonce.get();
              // made-up keys from one address use its budget of failed lookups (DeviceKeys): past
              // it the answer is 429 with Retry-After, never a visit; which one depends on speed
              return List.of(
                  checkin(
                      "bad device key", path, h, body(sign.apply("h", nonce)), Set.of(401, 429)));
            };
      } else if (kind < 88) {
        c =
            () -> {
              Random r = new Random(caseSeed);
              String id =
                  switch (r.nextInt(5)) {
                    case 0 -> "abc";
                    case 1 -> "-1";
                    case 2 -> "99999999999999999999999";
                    case 3 -> "%00";
                    default -> String.valueOf(f.facilityId() + 1 + r.nextInt(1000));
                  };
              return List.of(
                  checkin(
                      "wrong facility",
                      "/api/v1/facilities/" + id + "/checkins",
                      device,
                      body(sign.apply("h", freshNonce.get())),
                      Set.of(404, 400)));
            };
      } else if (kind < 93) {
        c =
            () -> {
              Map<String, String> h = new LinkedHashMap<>(device);
              h.put(
                  "Content-Type",
                  new Random(caseSeed).nextBoolean() ? "text/plain" : "application/xml");
              return List.of(
                  checkin(
                      "wrong content type", path, h, body(sign.apply("h", freshNonce.get())), 415));
            };
      } else {
        c =
            () -> {
              String nonce = freshNonce.get();
              String stale =
                  PassToken.sign(
                      f.key(),
                      f.kid(),
                      "COOV",
                      "h",
                      boosted,
                      f.portalNow().minusSeconds(120),
                      nonce);
              return List.of(checkin("expired", path, device, body(stale), 422));
            };
      }
      cases.add(c);
      requests += (kind >= 34 && kind < 52) ? 2 : 1;
    }

    long started = System.nanoTime();
    List<Result> results = run(cases);
    long millis = (System.nanoTime() - started) / 1_000_000;

    List<String> rows =
        lines(VisitTestSupport.get("/api/test-support/api-fuzz/" + f.facilityId() + "/nonces"));
    Set<String> recorded = new HashSet<>(rows);
    assertEquals(recorded.size(), rows.size(), "one visit per nonce");
    Map<String, Integer> counts = counts(results);
    System.out.printf(
        "ApiFuzzIT check-ins: seed %d, %d requests in %d ms, %d valid check-ins, %d visits in PostgreSQL, %d OVERLOADED retried%n",
        SEED, results.size(), millis, validNonces.size(), recorded.size(), OVERLOADED.get());
    counts.forEach((k, v) -> System.out.printf("  %-60s %6d%n", k, v));

    List<String> wrong = violations(results, SUCCESS_CHECKIN);
    assertTrue(results.size() >= 5000 || CHECKINS < 5000, "at least 5,000 requests");
    assertEquals(
        List.of(), wrong.subList(0, Math.min(20, wrong.size())), wrong.size() + " wrong answers");
    Set<String> lost = new HashSet<>(validNonces);
    lost.removeAll(recorded);
    assertEquals(Set.of(), lost, "valid check-ins answered 201 but not in PostgreSQL");
    Set<String> extra = new HashSet<>(recorded);
    extra.removeAll(validNonces);
    assertEquals(Set.of(), extra, "visits that no valid check-in made");
  }

  private static Req checkin(
      String kind, String path, Map<String, String> headers, byte[] body, Integer expected) {
    return checkin(kind, path, headers, body, expected == null ? null : Set.of(expected));
  }

  private static Req checkin(
      String kind, String path, Map<String, String> headers, byte[] body, Set<Integer> expected) {
    return new Req(kind, "POST", path, headers, body, false, expected);
  }

  private static byte[] body(String token) {
    return ("{\"token\":\"" + token + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static char controlChar(Random r) {
    return r.nextInt(3) == 0
        ? '\u0000'
        : r.nextBoolean() ? (char) r.nextInt(0x20) : (char) (0x7f + r.nextInt(0x21));
  }

  /** One text change of a token: an inserted, replaced or removed character, or padding. */
  private static String variant(String token, Random r) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/. ";
    int at = r.nextInt(token.length());
    // half of the changes go into the signature, where the lenient decoder used to skip them
    if (r.nextBoolean()) {
      at = token.lastIndexOf('.') + 1 + r.nextInt(token.length() - token.lastIndexOf('.') - 1);
    }
    char c = alphabet.charAt(r.nextInt(alphabet.length()));
    String escaped = c == ' ' ? "\\u0020" : String.valueOf(c);
    return switch (r.nextInt(5)) {
      case 0, 1 -> token.substring(0, at) + escaped + token.substring(at);
      case 2 -> token.substring(0, at) + escaped + token.substring(at + 1);
      case 3 -> token.substring(0, at) + token.substring(at + 1);
      default -> token + "=";
    };
  }

  /** The other valid ECDSA signature of the same content: (r, n − s). */
  private static String malleated(String token) {
    int dot = token.lastIndexOf('.');
    byte[] rs = Base64.getUrlDecoder().decode(token.substring(dot + 1));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, 32, 64));
    byte[] raw = N.subtract(s).toByteArray();
    byte[] other = Arrays.copyOf(rs, 64);
    Arrays.fill(other, 32, 64, (byte) 0);
    int copy = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - copy, other, 64 - copy, copy);
    return token.substring(0, dot + 1)
        + Base64.getUrlEncoder().withoutPadding().encodeToString(other);
  }

  /** Hostile bodies: random bytes and text, broken and deep JSON, wrong types, odd parties. */
  private static byte[] garbage(Random r) {
    String json =
        switch (r.nextInt(10)) {
          case 0 -> null;
          case 1 -> "[".repeat(1 + r.nextInt(3000));
          case 2 -> "{\"token\":" + jsonValue(r) + "}";
          case 3 -> "{\"token\":\"a.b.c\",\"party\":" + jsonValue(r) + "}";
          case 4 ->
              "{\"token\":\""
                  + randomText(r, 1 + r.nextInt(40), null).replace("\"", "").replace("\\", "")
                  + "\"}";
          case 5 -> "{\"token\":\"" + "A".repeat(2049 + r.nextInt(100)) + "\"}";
          case 6 -> "";
          case 7 -> "{\"tok" + randomText(r, r.nextInt(20), null);
          case 8 -> "{\"token\":\"x\\u0000y\"}";
          default -> randomText(r, r.nextInt(200), null);
        };
    if (json == null) {
      byte[] raw = new byte[r.nextInt(400)];
      r.nextBytes(raw);
      return raw;
    }
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static String jsonValue(Random r) {
    return switch (r.nextInt(8)) {
      case 0 -> "null";
      case 1 -> "42";
      case 2 -> "[]";
      case 3 -> "{}";
      case 4 -> "true";
      case 5 -> "\"\"";
      case 6 -> "\"\\ud800\"";
      default -> "\"\\u00" + String.format("%02x", r.nextInt(0x20)) + "\"";
    };
  }

  /** Random text of code points from the whole range, or from the given characters. */
  private static String randomText(Random r, int length, String from) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      if (from != null) {
        out.append(from.charAt(r.nextInt(from.length())));
      } else {
        int cp = r.nextInt(4) == 0 ? r.nextInt(0x80) : r.nextInt(0x10FFFF);
        if (cp >= 0xD800 && cp <= 0xDFFF) {
          cp = 0xFFFD;
        }
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }

  private static List<String> lines(String text) {
    return text.isBlank() ? List.of() : List.of(text.split("\n"));
  }

  // ------------------------------------------------------------------ call reports

  @Test
  void fuzzedCallReportsAreAnsweredCleanlyAndEveryValidOneIsRecorded() throws Exception {
    Fixture f = fixture();
    Random random = new Random(SEED + 1);
    WebhookSignature signature = new WebhookSignature(SECRET);
    Set<String> validCalls = ConcurrentHashMap.newKeySet();
    AtomicInteger serial = new AtomicInteger();
    Map<String, String> json = Map.of("Content-Type", "application/json");

    List<Supplier<List<Req>>> cases = new ArrayList<>();
    for (int i = 0; i < CALLS; i++) {
      long caseSeed = random.nextLong();
      int kind = random.nextInt(100);
      cases.add(
          () -> {
            Random r = new Random(caseSeed);
            String callId = "fz-" + SEED + "-" + serial.incrementAndGet();
            String calledAt = OffsetDateTime.ofInstant(f.portalNow(), KST).toString();
            String caller = String.format("010-%04d-%04d", r.nextInt(10_000), r.nextInt(10_000));
            String called = f.safeCallNumber();
            String kindName;
            Set<Integer> expected;
            String body;
            if (kind < 25) {
              kindName = "valid";
              expected = Set.of(201);
              validCalls.add(callId);
              body = report(callId, called, caller, calledAt);
            } else if (kind < 40) {
              kindName = "control char field";
              expected = Set.of(400);
              String control = "\\u" + String.format("%04x", (int) controlChar(r));
              body =
                  switch (r.nextInt(4)) {
                    case 0 ->
                        report(
                            callId.substring(0, 3) + control + callId.substring(3),
                            called,
                            caller,
                            calledAt);
                    case 1 -> report(callId, called + control, caller, calledAt);
                    case 2 -> report(callId, called, caller + control, calledAt);
                    default -> report(callId, called, caller, calledAt + control);
                  };
            } else if (kind < 48) {
              kindName = "over-long field";
              expected = Set.of(400);
              String longText = "9".repeat(81 + r.nextInt(200));
              body =
                  switch (r.nextInt(3)) {
                    case 0 -> report(longText, called, caller, calledAt);
                    case 1 -> report(callId, longText, caller, calledAt);
                    default -> report(callId, called, longText, calledAt);
                  };
            } else if (kind < 62) {
              kindName = "garbage body";
              // two equal garbage bodies signed in the same second: the second is REPLAYED
              expected = Set.of(400, 404, 409, 413, 422);
              byte[] g = garbage(r);
              return List.of(signed(kindName, g, signature, json, expected, false));
            } else if (kind < 68) {
              kindName = "out of range or invalid";
              expected = Set.of(404, 422);
              body =
                  switch (r.nextInt(3)) {
                    case 0 ->
                        report(
                            callId,
                            "080-999-" + String.format("%04d", r.nextInt(10_000)),
                            caller,
                            calledAt);
                    case 1 -> report(callId, called, "123", calledAt);
                    default ->
                        report(
                            callId,
                            called,
                            caller,
                            OffsetDateTime.ofInstant(f.portalNow().minus(Duration.ofDays(3)), KST)
                                .toString());
                  };
            } else if (kind < 80) {
              kindName = "bad signature headers";
              expected = Set.of(401);
              byte[] b = report(callId, called, caller, calledAt).getBytes(StandardCharsets.UTF_8);
              long now = Instant.now().getEpochSecond();
              Map<String, String> h = new LinkedHashMap<>(json);
              switch (r.nextInt(6)) {
                case 0 -> {}
                case 1 -> h.put("X-VP-Timestamp", String.valueOf(now));
                case 2 -> {
                  h.put("X-VP-Timestamp", String.valueOf(now));
                  h.put("X-VP-Signature", "v1=" + "0".repeat(64));
                }
                case 3 -> {
                  h.put("X-VP-Timestamp", String.valueOf(now - 400));
                  h.put("X-VP-Signature", signature.sign(String.valueOf(now - 400), b));
                }
                case 4 -> {
                  h.put("X-VP-Timestamp", "x" + now);
                  h.put("X-VP-Signature", signature.sign(String.valueOf(now), b));
                }
                default -> {
                  h.put("X-VP-Timestamp", String.valueOf(now));
                  h.put("X-VP-Signature", "v1=" + randomText(r, r.nextInt(100), PRINTABLE));
                }
              }
              return List.of(new Req(kindName, "POST", "/api/v1/calls", h, b, false, expected));
            } else if (kind < 86) {
              kindName = "oversize";
              byte[] big = new byte[4097 + r.nextInt(30_000)];
              Arrays.fill(big, (byte) ' ');
              return List.of(signed(kindName, big, signature, json, Set.of(413), r.nextBoolean()));
            } else if (kind < 92) {
              kindName = "wrong content type";
              byte[] b = report(callId, called, caller, calledAt).getBytes(StandardCharsets.UTF_8);
              return List.of(
                  signed(
                      kindName,
                      b,
                      signature,
                      Map.of("Content-Type", "text/plain"),
                      Set.of(415),
                      false));
            } else {
              kindName = "repeated call id";
              validCalls.add(callId);
              byte[] b = report(callId, called, caller, calledAt).getBytes(StandardCharsets.UTF_8);
              // the provider's retry, signed afresh, side by side with the first: one visit
              long now = Instant.now().getEpochSecond();
              return List.of(
                  signed("valid (first of two)", b, signature, json, Set.of(201, 200), false, now),
                  signed(kindName, b, signature, json, Set.of(200, 201), false, now - 1));
            }
            return List.of(
                signed(
                    kindName,
                    body.getBytes(StandardCharsets.UTF_8),
                    signature,
                    json,
                    expected,
                    false));
          });
    }

    long started = System.nanoTime();
    List<Result> results = run(cases);
    long millis = (System.nanoTime() - started) / 1_000_000;

    List<String> rows =
        lines(VisitTestSupport.get("/api/test-support/api-fuzz/" + f.facilityId() + "/calls"));
    Set<String> recorded = new HashSet<>(rows);
    assertEquals(recorded.size(), rows.size(), "one visit per call id");
    System.out.printf(
        "ApiFuzzIT calls: seed %d, %d requests in %d ms, %d valid calls, %d CALL visits in PostgreSQL%n",
        SEED + 1, results.size(), millis, validCalls.size(), recorded.size());
    counts(results).forEach((k, v) -> System.out.printf("  %-60s %6d%n", k, v));

    List<String> wrong = violations(results, SUCCESS_CALL);
    assertTrue(results.size() >= 5000 || CALLS < 5000, "at least 5,000 requests");
    assertEquals(
        List.of(), wrong.subList(0, Math.min(20, wrong.size())), wrong.size() + " wrong answers");
    Set<String> lost = new HashSet<>(validCalls);
    lost.removeAll(recorded);
    assertEquals(Set.of(), lost, "valid calls answered but not in PostgreSQL");
    Set<String> extra = new HashSet<>(recorded);
    extra.removeAll(validCalls);
    assertEquals(Set.of(), extra, "visits that no valid call made");
  }

  private static String report(String callId, String called, String caller, String calledAt) {
    return "{\"callId\":\""
        + callId
        + "\",\"calledNumber\":\""
        + called
        + "\",\"callerNumber\":\""
        + caller
        + "\",\"calledAt\":\""
        + calledAt
        + "\"}";
  }

  private static Req signed(
      String kind,
      byte[] body,
      WebhookSignature signature,
      Map<String, String> headers,
      Set<Integer> expected,
      boolean chunked) {
    return signed(
        kind, body, signature, headers, expected, chunked, Instant.now().getEpochSecond());
  }

  private static Req signed(
      String kind,
      byte[] body,
      WebhookSignature signature,
      Map<String, String> headers,
      Set<Integer> expected,
      boolean chunked,
      long timestamp) {
    String ts = String.valueOf(timestamp);
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put("X-VP-Timestamp", ts);
    h.put("X-VP-Signature", signature.sign(ts, body));
    return new Req(kind, "POST", "/api/v1/calls", h, body, chunked, expected);
  }

  // ------------------------------------------------------------------ the edges of the API

  @Test
  void everyAnswerUnderApiIsAProblemDocumentNeverTheServersPage() throws Exception {
    Fixture f = fixture();
    Map<String, String> device = Map.of("Authorization", "Device " + f.deviceKey());
    String checkins = "/api/v1/facilities/" + f.facilityId() + "/checkins";
    List<Req> probes =
        List.of(
            new Req(
                "non-numeric id",
                "POST",
                "/api/v1/facilities/abc/checkins",
                with(device, "application/json"),
                body("x"),
                false,
                Set.of(404)),
            new Req(
                "text/plain",
                "POST",
                checkins,
                with(device, "text/plain"),
                body("x"),
                false,
                Set.of(415)),
            new Req(
                "no content type", "POST", checkins, device, body("x"), false, Set.of(400, 415)),
            new Req("unknown path", "GET", "/api/nothing/here", Map.of(), null, false, Set.of(404)),
            new Req(
                "unknown path, POST",
                "POST",
                "/api/v1/nope",
                with(Map.of(), "application/json"),
                body("x"),
                false,
                Set.of(404)),
            new Req("the API's root", "GET", "/api/", Map.of(), null, false, Set.of(404)),
            new Req(
                "door snapshot without a key",
                "GET",
                "/api/v1/door/snapshot",
                Map.of(),
                null,
                false,
                Set.of(401)),
            new Req(
                "door snapshot, wrong method",
                "POST",
                "/api/v1/door/snapshot",
                with(device, "application/json"),
                body("x"),
                false,
                Set.of(405)),
            new Req(
                "door sync, not JSON",
                "POST",
                "/api/v1/facilities/" + f.facilityId() + "/door-visits",
                with(device, "application/json"),
                "{\"records\":[{".getBytes(StandardCharsets.UTF_8),
                false,
                Set.of(400)),
            new Req(
                "door sync, text/plain",
                "POST",
                "/api/v1/facilities/" + f.facilityId() + "/door-visits",
                with(device, "text/plain"),
                body("x"),
                false,
                Set.of(415)),
            new Req("wrong method", "GET", checkins, device, null, false, Set.of(405)),
            new Req(
                "wrong method, calls",
                "PUT",
                "/api/v1/calls",
                with(Map.of(), "application/json"),
                body("x"),
                false,
                Set.of(405)),
            new Req("DELETE", "DELETE", checkins, device, null, false, Set.of(405)),
            new Req(
                "Accept text/html",
                "POST",
                checkins,
                Map.of(
                    "Authorization",
                    "Device " + f.deviceKey(),
                    "Content-Type",
                    "application/json",
                    "Accept",
                    "text/html"),
                body("x"),
                false,
                null),
            new Req(
                "Content-Length too big",
                "POST",
                checkins,
                with(device, "application/json"),
                new byte[5000],
                false,
                Set.of(413)),
            new Req(
                "chunked too big",
                "POST",
                checkins,
                with(device, "application/json"),
                new byte[9000],
                true,
                Set.of(413)),
            new Req(
                "webhook without headers, big",
                "POST",
                "/api/v1/calls",
                with(Map.of(), "application/json"),
                new byte[9000],
                true,
                Set.of(401, 413)));
    List<Result> results = new ArrayList<>();
    for (Req probe : probes) {
      results.add(send(probe, 0).join());
    }
    results.forEach(
        r ->
            System.out.printf(
                "  %-32s %d %s %s%n",
                r.req().kind(), r.status(), r.contentType(), shorten(r.body())));
    assertEquals(List.of(), violations(results, SUCCESS_CHECKIN));
  }

  private static Map<String, String> with(Map<String, String> headers, String contentType) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put("Content-Type", contentType);
    return h;
  }
}
