package kr.vaccinepass.portal.visit.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import kr.vaccinepass.portal.shared.domain.TextRules;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based fuzzing of the 안심콜 call report parser ({@link CallReport#parse}): whatever the
 * bytes, a report of clean, bounded fields or MALFORMED (400), never another exception; a control
 * character or an over-long value in any field is MALFORMED (a callId with U+0000 was a 500).
 */
class CallReportFuzzTest {
  private static final String[] FIELDS = {"callId", "calledNumber", "callerNumber", "calledAt"};
  private static final Map<String, String> GOOD =
      Map.of(
          "callId", "c-20220112-000123",
          "calledNumber", "080-100-0000",
          "callerNumber", "010-1234-5678",
          "calledAt", "2022-01-12T11:40:00+09:00");

  private static String json(Map<String, String> fields) {
    StringBuilder out = new StringBuilder("{");
    for (String name : FIELDS) {
      if (fields.containsKey(name)) {
        out.append(out.length() > 1 ? "," : "").append('"').append(name).append("\":");
        out.append(fields.get(name));
      }
    }
    return out.append('}').toString();
  }

  private static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\' || c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static void reportOrMalformed(byte[] body) {
    try {
      CallReport report = CallReport.parse(body);
      for (String field :
          new String[] {report.callId(), report.calledNumber(), report.callerNumber()}) {
        assertTrue(TextRules.isCleanText(field, CallReport.MAX_CALL_ID), field);
        assertFalse(field.isBlank());
      }
      assertTrue(report.calledAt() != null);
    } catch (CallWebhookService.Refused refused) {
      assertEquals("MALFORMED", refused.code());
      assertEquals(400, refused.status());
    }
  }

  @Example
  void theDocumentedExampleReads() {
    CallReport report = CallReport.parse(json(quote(GOOD)).getBytes(StandardCharsets.UTF_8));
    assertEquals("c-20220112-000123", report.callId());
    assertEquals(Instant.parse("2022-01-12T02:40:00Z"), report.calledAt());
  }

  private static Map<String, String> quote(Map<String, String> fields) {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    fields.forEach((k, v) -> out.put(k, quoted(v)));
    return out;
  }

  @Property(tries = 2000)
  void anyBytesAreAReportOrMalformed(@ForAll("bodies") byte[] body) {
    reportOrMalformed(body);
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
    Arbitrary<byte[]> text =
        Arbitraries.strings().all().ofMaxLength(600).map(s -> s.getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> mutated = mutatedReports().map(s -> s.getBytes(StandardCharsets.UTF_8));
    return Arbitraries.oneOf(raw, text, mutated);
  }

  /** The good report with each field replaced, at random, by hostile JSON values. */
  @Provide
  Arbitrary<String> mutatedReports() {
    Arbitrary<String> values =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(120).map(CallReportFuzzTest::quoted),
            Arbitraries.of("null", "1", "[]", "{}", "true", "\"\"", "\" \"", "\"\\u0000\""),
            Arbitraries.strings()
                .withCharRange('a', 'z')
                .ofLength(81)
                .map(CallReportFuzzTest::quoted));
    Arbitrary<Integer> which = Arbitraries.integers().between(0, FIELDS.length - 1);
    return Combinators.combine(which, values, Arbitraries.of(true, false))
        .as(
            (i, v, drop) -> {
              Map<String, String> fields = new java.util.HashMap<>(quote(GOOD));
              if (drop) {
                fields.remove(FIELDS[i]);
              } else {
                fields.put(FIELDS[i], v);
              }
              return json(fields);
            });
  }

  @Property(tries = 1000)
  void aControlCharacterInAnyFieldIsMalformed(
      @ForAll("fieldIndex") int field, @ForAll("controls") char control) {
    Map<String, String> fields = new java.util.HashMap<>(GOOD);
    String value = fields.get(FIELDS[field]);
    fields.put(FIELDS[field], value.substring(0, 3) + control + value.substring(3));
    byte[] body = json(quote(fields)).getBytes(StandardCharsets.UTF_8);
    CallWebhookService.Refused refused =
        assertThrows(CallWebhookService.Refused.class, () -> CallReport.parse(body));
    assertEquals("MALFORMED", refused.code());
  }

  @Provide
  Arbitrary<Integer> fieldIndex() {
    return Arbitraries.integers().between(0, FIELDS.length - 1);
  }

  @Provide
  Arbitrary<Character> controls() {
    return Arbitraries.oneOf(
        Arbitraries.chars().range('\u0000', '\u001f'),
        Arbitraries.chars().range('\u007f', '\u009f'));
  }

  @Example
  void overLongFieldsAreMalformed() {
    for (String field : FIELDS) {
      Map<String, String> fields = new java.util.HashMap<>(GOOD);
      fields.put(field, "9".repeat(81));
      byte[] body = json(quote(fields)).getBytes(StandardCharsets.UTF_8);
      assertThrows(CallWebhookService.Refused.class, () -> CallReport.parse(body), field);
    }
  }
}
