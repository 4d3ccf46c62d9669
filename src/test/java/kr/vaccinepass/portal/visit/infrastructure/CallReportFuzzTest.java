package kr.vaccinepass.portal.visit.infrastructure;

import static kr.vaccinepass.portal.testsupport.FuzzGen.anyString;
import static kr.vaccinepass.portal.testsupport.FuzzGen.charBetween;
import static kr.vaccinepass.portal.testsupport.FuzzGen.pick;
import static kr.vaccinepass.portal.testsupport.FuzzGen.stringOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import kr.vaccinepass.portal.shared.domain.TextRules;
import kr.vaccinepass.portal.testsupport.FuzzGen;
import kr.vaccinepass.portal.visit.application.CallReport;
import kr.vaccinepass.portal.visit.application.CallWebhookService;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Property-based fuzzing of the 안심콜 call report parser ({@link JsonCallReportReader#read}):
 * whatever the bytes, a report of clean, bounded fields or MALFORMED (400), never another
 * exception; a control character or an over-long value in any field is MALFORMED (a callId with
 * U+0000 was a 500).
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
      CallReport report = new JsonCallReportReader().read(body);
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

  @Test
  void theDocumentedExampleReads() {
    CallReport report =
        new JsonCallReportReader().read(json(quote(GOOD)).getBytes(StandardCharsets.UTF_8));
    assertEquals("c-20220112-000123", report.callId());
    assertEquals(Instant.parse("2022-01-12T02:40:00Z"), report.calledAt());
  }

  private static Map<String, String> quote(Map<String, String> fields) {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    fields.forEach((k, v) -> out.put(k, quoted(v)));
    return out;
  }

  @Test
  void anyBytesAreAReportOrMalformed() {
    qt().withExamples(2000)
        .withFixedSeed(20220113L)
        .forAll(bodies())
        .checkAssert(CallReportFuzzTest::reportOrMalformed);
  }

  private static Gen<byte[]> bodies() {
    Gen<byte[]> raw = FuzzGen.bytes(600);
    Gen<byte[]> text = anyString(600).map(s -> s.getBytes(StandardCharsets.UTF_8));
    Gen<byte[]> mutated = mutatedReports().map(s -> s.getBytes(StandardCharsets.UTF_8));
    return Generate.oneOf(raw, text, mutated);
  }

  /** The good report with each field replaced, at random, by hostile JSON values. */
  private static Gen<String> mutatedReports() {
    Gen<String> values =
        Generate.oneOf(
            anyString(120).map(CallReportFuzzTest::quoted),
            pick("null", "1", "[]", "{}", "true", "\"\"", "\" \"", "\"\\u0000\""),
            stringOf(charBetween('a', 'z'), 81, 81).map(CallReportFuzzTest::quoted));
    Gen<Integer> which = Generate.range(0, FIELDS.length - 1);
    return which.zip(
        values,
        Generate.booleans(),
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

  @Test
  void aControlCharacterInAnyFieldIsMalformed() {
    // 4 fields × 65 controls = 260 pairs; the former library tried them all (exhaustively),
    // QuickTheories
    // draws 1,000 at random and skips repeats: with this seed 255 of the 260 pairs are tried
    qt().withExamples(1000)
        .withFixedSeed(20220114L)
        .forAll(Generate.range(0, FIELDS.length - 1), FuzzGen.controls())
        .checkAssert(
            (field, control) -> {
              Map<String, String> fields = new java.util.HashMap<>(GOOD);
              String value = fields.get(FIELDS[field]);
              fields.put(FIELDS[field], value.substring(0, 3) + control + value.substring(3));
              byte[] body = json(quote(fields)).getBytes(StandardCharsets.UTF_8);
              CallWebhookService.Refused refused =
                  assertThrows(
                      CallWebhookService.Refused.class,
                      () -> new JsonCallReportReader().read(body));
              assertEquals("MALFORMED", refused.code());
            });
  }

  @Test
  void overLongFieldsAreMalformed() {
    for (String field : FIELDS) {
      Map<String, String> fields = new java.util.HashMap<>(GOOD);
      fields.put(field, "9".repeat(81));
      byte[] body = json(quote(fields)).getBytes(StandardCharsets.UTF_8);
      assertThrows(
          CallWebhookService.Refused.class, () -> new JsonCallReportReader().read(body), field);
    }
  }
}
