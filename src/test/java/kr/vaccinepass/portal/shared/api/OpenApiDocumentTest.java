package kr.vaccinepass.portal.shared.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kr.vaccinepass.portal.pass.domain.PassReason;
import kr.vaccinepass.portal.visit.api.CallResource;
import kr.vaccinepass.portal.visit.api.CheckinResource;
import kr.vaccinepass.portal.visit.domain.CheckinCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The machine API's OpenAPI document (src/main/resources/openapi.yaml) describes every JAX-RS
 * resource of the portal: every path and HTTP method of every {@code @Path} class found in the
 * compiled classes, and every refusal code of a check-in. A resource added without its description
 * fails here. The YAML is read as indented text, which is all this document's plain block style
 * needs; no YAML library.
 */
class OpenApiDocumentTest {
  private static final String BASE_PACKAGE = "kr.vaccinepass.portal";
  private static final String CHECKINS = "/v1/facilities/{facilityId}/checkins";
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(?::[^}]*)?}");

  private static Outline document;
  private static Map<String, Set<String>> resources;

  @BeforeAll
  static void read() throws IOException, URISyntaxException {
    try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
      assertNotNull(in, "openapi.yaml is not on the classpath (src/main/resources)");
      document = new Outline(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    resources = resourceOperations();
  }

  @Test
  void theScanFindsTheKnownResources() {
    for (Class<?> known :
        List.of(CheckinResource.class, CallResource.class, OpenApiResource.class)) {
      String path = normalize(known.getAnnotation(Path.class).value());
      assertTrue(
          resources.keySet().stream().anyMatch(p -> p.startsWith(path)),
          known.getSimpleName() + " was not found by the class scan: " + resources.keySet());
    }
  }

  @Test
  void everyResourceOperationIsDocumented() {
    Map<String, Set<String>> documented = documentedOperations();
    List<String> missing = new ArrayList<>();
    resources.forEach(
        (path, methods) -> {
          for (String method : methods) {
            if (!documented.getOrDefault(path, Set.of()).contains(method)) {
              missing.add(method + " " + path);
            }
          }
        });
    assertEquals(
        List.of(), missing, "resources without a description in openapi.yaml (under paths:)");
  }

  @Test
  void everyDocumentedOperationExists() {
    List<String> stale = new ArrayList<>();
    documentedOperations()
        .forEach(
            (path, methods) -> {
              for (String method : methods) {
                if (!resources.getOrDefault(path, Set.of()).contains(method)) {
                  stale.add(method + " " + path);
                }
              }
            });
    assertEquals(List.of(), stale, "openapi.yaml describes operations no resource serves");
  }

  @Test
  void theServerIsTheApplicationPath() {
    String applicationPath =
        normalize(RestApplication.class.getAnnotation(ApplicationPath.class).value());
    assertTrue(document.child(-1, "servers") >= 0, "no servers:");
    List<String> urls =
        document.lines.stream()
            .map(l -> Pattern.compile("^\\s*-\\s*url:\\s*['\"]?([^'\"\\s]+)").matcher(l))
            .filter(Matcher::find)
            .map(m -> m.group(1))
            .toList();
    assertEquals(List.of(applicationPath), urls);
  }

  @Test
  void theRefusalCodesAreExactlyTheCheckinRefusalsAndTheDeviceKeyCodes() {
    Set<String> expected =
        Arrays.stream(CheckinCode.values())
            .filter(c -> !c.admitted())
            .map(Enum::name)
            .collect(Collectors.toCollection(TreeSet::new));
    expected.add("DEVICE_KEY_REQUIRED");
    expected.add("DEVICE_KEY_INVALID");
    expected.add("TOO_MANY_FAILED_LOOKUPS");
    expected.add("OVERLOADED");
    // the transport's answers, from ApiExceptionMapper and BodyLimit
    expected.add("SERVICE_UNAVAILABLE");
    expected.add("PAYLOAD_TOO_LARGE");
    expected.add("UNSUPPORTED_MEDIA_TYPE");
    int schema = document.path("components", "schemas", "CheckinRefusalCode");
    assertTrue(schema >= 0, "components/schemas/CheckinRefusalCode is missing");
    assertEquals(expected, new TreeSet<>(document.enumOf(schema)));
    for (String code : expected) {
      assertTrue(document.text.contains(code), code);
    }
  }

  @Test
  void theCheckinStatusesAreTheCodesStatuses() {
    int responses = document.path("paths", CHECKINS, "post", "responses");
    assertTrue(responses >= 0, "no responses for post " + CHECKINS);
    Set<String> documented = new TreeSet<>(document.childKeys(responses));
    for (CheckinCode code : CheckinCode.values()) {
      assertTrue(
          documented.contains(String.valueOf(code.httpStatus())),
          code + " answers " + code.httpStatus() + ", not documented: " + documented);
    }
    // the resource's own refusals: DEVICE_KEY_REQUIRED, DEVICE_KEY_INVALID
    assertTrue(documented.contains("401"), "401 for the device key");
    assertTrue(documented.contains("503"), "503 when overloaded");
    assertTrue(documented.contains("413"), "413 for a body over the cap");
    assertTrue(documented.contains("415"), "415 for a body that is not JSON");
  }

  /** The answers every body-taking operation can give: the cap, the media type, no database. */
  @Test
  void theBodyCapAndAnUnavailableDatabaseAreDocumentedOnEveryOperationThatTakesABody() {
    for (String path : List.of(CHECKINS, "/v1/calls")) {
      int responses = document.path("paths", path, "post", "responses");
      assertTrue(responses >= 0, "no responses for post " + path);
      Set<String> statuses = new TreeSet<>(document.childKeys(responses));
      for (String status : List.of("400", "413", "415", "503")) {
        assertTrue(statuses.contains(status), path + " does not document " + status);
      }
    }
    int call = document.path("components", "schemas", "CallProblem");
    assertTrue(call >= 0, "components/schemas/CallProblem is missing");
    String callProblem = String.join("\n", document.lines.subList(call, document.lines.size()));
    for (String code : List.of("PAYLOAD_TOO_LARGE", "SERVICE_UNAVAILABLE", "MALFORMED")) {
      assertTrue(callProblem.contains(code), "CallProblem lacks " + code);
    }
    assertTrue(
        document.text.contains(
            String.valueOf(BodyLimit.MAX_BYTES).replaceAll("(\\d)(\\d{3})$", "$1,$2")),
        "the body cap of " + BodyLimit.MAX_BYTES + " bytes is stated");
    assertTrue(
        document.text.contains("Retry-After"),
        "Retry-After with SERVICE_UNAVAILABLE and OVERLOADED");
  }

  @Test
  void everyPassReasonIsNamed() {
    for (PassReason reason : PassReason.values()) {
      assertTrue(document.text.contains(reason.name()), reason.name());
    }
  }

  /** The documented methods per path: the keys under {@code paths:}, the methods under each. */
  private static Map<String, Set<String>> documentedOperations() {
    int paths = document.child(-1, "paths");
    assertTrue(paths >= 0, "no paths:");
    Map<String, Set<String>> operations = new TreeMap<>();
    for (int path : document.children(paths)) {
      operations.put(
          normalize(document.key(path)),
          document.childKeys(path).stream()
              .filter(k -> k.matches("get|put|post|delete|options|head|patch|trace"))
              .collect(Collectors.toCollection(TreeSet::new)));
    }
    return operations;
  }

  /** Every JAX-RS resource class compiled from the portal's sources, with its operations. */
  private static Map<String, Set<String>> resourceOperations()
      throws IOException, URISyntaxException {
    java.nio.file.Path classes =
        java.nio.file.Path.of(
            OpenApiResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    java.nio.file.Path base = classes.resolve(BASE_PACKAGE.replace('.', '/'));
    assertTrue(Files.isDirectory(base), "compiled classes not found at " + base);
    byte[] marker = "jakarta/ws/rs/Path".getBytes(StandardCharsets.US_ASCII);
    Map<String, Set<String>> operations = new TreeMap<>();
    try (Stream<java.nio.file.Path> files = Files.walk(base)) {
      for (java.nio.file.Path file : (Iterable<java.nio.file.Path>) files::iterator) {
        if (!file.toString().endsWith(".class") || !contains(Files.readAllBytes(file), marker)) {
          continue;
        }
        String name = classes.relativize(file).toString().replace('/', '.').replace('\\', '.');
        Class<?> type;
        try {
          type =
              Class.forName(
                  name.substring(0, name.length() - ".class".length()),
                  false,
                  OpenApiDocumentTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
          throw new AssertionError("cannot load " + name, e);
        }
        Path path = type.getAnnotation(Path.class);
        if (path != null && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
          collect(type, normalize(path.value()), operations, 0);
        }
      }
    }
    return operations;
  }

  /** The resource methods of a class under a path; sub-resource locators are followed. */
  private static void collect(
      Class<?> type, String prefix, Map<String, Set<String>> operations, int depth) {
    assertTrue(depth < 5, "sub-resource locators nest too deep at " + prefix);
    for (Method method : type.getMethods()) {
      if (method.getDeclaringClass() == Object.class) {
        continue;
      }
      Path path = method.getAnnotation(Path.class);
      String full = path == null ? prefix : normalize(prefix + "/" + path.value());
      String http = httpMethod(method);
      if (http != null) {
        operations.computeIfAbsent(full, p -> new TreeSet<>()).add(http.toLowerCase());
      } else if (path != null) {
        collect(method.getReturnType(), full, operations, depth + 1);
      }
    }
  }

  private static String httpMethod(Method method) {
    for (Annotation a : method.getAnnotations()) {
      HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  /** "/a/b/{id}" for "a//b/{id: \d+}/": one leading slash, no trailing one, bare parameters. */
  static String normalize(String path) {
    String bare = TEMPLATE.matcher(path.trim()).replaceAll("{$1}");
    String joined =
        Arrays.stream(bare.split("/")).filter(s -> !s.isEmpty()).collect(Collectors.joining("/"));
    return "/" + joined;
  }

  private static boolean contains(byte[] bytes, byte[] marker) {
    outer:
    for (int i = 0; i <= bytes.length - marker.length; i++) {
      for (int j = 0; j < marker.length; j++) {
        if (bytes[i + j] != marker[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * A YAML document of block mappings as an outline of keyed lines: a key's children are the keyed
   * lines at the first deeper indentation until the indentation falls back. Block scalars' text is
   * deeper than their key's siblings, so it never reads as a key of the mapping around it.
   */
  static final class Outline {
    private static final Pattern KEYED =
        Pattern.compile(
            "^( *)(?!-\\s)(?:'([^']*)'|\"([^\"]*)\"|([^'\"#\\s][^:#]*?))\\s*:(?:\\s|$)");

    final String text;
    final List<String> lines;

    Outline(String text) {
      this.text = text;
      this.lines = text.lines().toList();
    }

    /** The line of a key among the children of a line (-1: the top level), or -1. */
    int child(int parent, String key) {
      for (int line : children(parent)) {
        if (key.equals(key(line))) {
          return line;
        }
      }
      return -1;
    }

    /** The line of a key path from the top level, or -1. */
    int path(String... keys) {
      int line = -1;
      for (String key : keys) {
        line = child(line, key);
        if (line < 0) {
          return -1;
        }
      }
      return line;
    }

    List<String> childKeys(int parent) {
      return children(parent).stream().map(this::key).toList();
    }

    List<Integer> children(int parent) {
      int parentIndent = parent < 0 ? -1 : indent(parent);
      int childIndent = -1;
      List<Integer> found = new ArrayList<>();
      for (int i = parent + 1; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.isBlank() || line.stripLeading().startsWith("#")) {
          continue;
        }
        int indent = indent(i);
        if (indent <= parentIndent) {
          break;
        }
        if (childIndent < 0) {
          childIndent = indent;
        }
        if (indent == childIndent && KEYED.matcher(line).find()) {
          found.add(i);
        }
      }
      return found;
    }

    String key(int line) {
      Matcher m = KEYED.matcher(lines.get(line));
      if (!m.find()) {
        throw new IllegalStateException("not a key: " + lines.get(line));
      }
      return m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4).trim();
    }

    /** The items of the {@code enum:} of a schema, block ({@code - A}) or flow ({@code [A, B]}). */
    List<String> enumOf(int schema) {
      int line = child(schema, "enum");
      assertTrue(line >= 0, "no enum under " + lines.get(schema).trim());
      String rest = lines.get(line).substring(lines.get(line).indexOf(':') + 1).trim();
      if (rest.startsWith("[")) {
        return Arrays.stream(rest.replaceAll("[\\[\\]]", "").split(","))
            .map(s -> s.trim().replaceAll("^['\"]|['\"]$", ""))
            .filter(s -> !s.isEmpty())
            .toList();
      }
      List<String> items = new ArrayList<>();
      for (int i = line + 1; i < lines.size(); i++) {
        String l = lines.get(i);
        if (l.isBlank()) {
          continue;
        }
        if (indent(i) < indent(line) || !l.stripLeading().startsWith("-")) {
          break;
        }
        items.add(l.stripLeading().substring(1).trim().replaceAll("^['\"]|['\"]$", ""));
      }
      return items;
    }

    private int indent(int line) {
      String l = lines.get(line);
      return l.length() - l.stripLeading().length();
    }
  }
}
