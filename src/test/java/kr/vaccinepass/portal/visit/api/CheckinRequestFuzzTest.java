package kr.vaccinepass.portal.visit.api;

import static kr.vaccinepass.portal.testsupport.FuzzGen.anyString;
import static kr.vaccinepass.portal.testsupport.FuzzGen.charBetween;
import static kr.vaccinepass.portal.testsupport.FuzzGen.pick;
import static kr.vaccinepass.portal.testsupport.FuzzGen.stringOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.nio.charset.StandardCharsets;
import kr.vaccinepass.portal.pass.domain.DiningParty;
import kr.vaccinepass.portal.shared.domain.TextRules;
import kr.vaccinepass.portal.testsupport.FuzzGen;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Property-based fuzzing of the check-in body ({@link CheckinRequest#parse}): whatever the bytes, a
 * request with a clean, bounded token and a known party, or {@link CheckinRequest.Malformed}, never
 * another exception.
 */
class CheckinRequestFuzzTest {
  @Test
  void aTokenAndAPartyRead() {
    CheckinRequest request =
        CheckinRequest.parse(
            "{\"token\":\"a.b.c\",\"party\":\"ALONE\"}".getBytes(StandardCharsets.UTF_8));
    assertEquals("a.b.c", request.token());
    assertEquals(DiningParty.ALONE, request.party());
    assertEquals(
        DiningParty.NONE,
        CheckinRequest.parse("{\"token\":\"a.b.c\"}".getBytes(StandardCharsets.UTF_8)).party());
  }

  @Test
  void anyBodyIsARequestOrMalformed() {
    qt().withExamples(3000)
        .withFixedSeed(20220112L)
        .forAll(bodies())
        .checkAssert(
            body -> {
              try {
                CheckinRequest request = CheckinRequest.parse(body);
                assertTrue(TextRules.isCleanText(request.token(), CheckinRequest.MAX_TOKEN));
                assertTrue(!request.token().isEmpty());
                assertNotNull(request.party());
              } catch (CheckinRequest.Malformed expected) {
                // the only refusal there is
              }
            });
  }

  private static Gen<byte[]> bodies() {
    Gen<byte[]> raw = FuzzGen.bytes(3000);
    Gen<String> tokens =
        Generate.oneOf(anyString(2100), stringOf(charBetween('a', 'z'), 2049, 2049));
    Gen<String> values =
        Generate.oneOf(
            tokens.map(CheckinRequestFuzzTest::quoted),
            pick("null", "1", "[]", "{}", "true", "\"\\u0000\"", "\"ALONE\"", "\"\""));
    Gen<String> parties =
        Generate.oneOf(
            Generate.enumValues(DiningParty.class).map(p -> quoted(p.name())),
            anyString(30).map(CheckinRequestFuzzTest::quoted),
            pick("null", "0", "\"alone\""));
    Gen<byte[]> json =
        values.zip(
            parties,
            Generate.booleans(),
            (t, p, withParty) ->
                ("{\"token\":" + t + (withParty ? ",\"party\":" + p : "") + "}")
                    .getBytes(StandardCharsets.UTF_8));
    Gen<byte[]> deep =
        Generate.range(1, 3000).map(d -> "[".repeat(d).getBytes(StandardCharsets.UTF_8));
    return Generate.oneOf(raw, json, deep);
  }

  @Test
  void aControlCharacterInTheTokenIsMalformed() {
    qt().withExamples(1000)
        .withFixedSeed(20220113L)
        .forAll(FuzzGen.controls(), Generate.range(0, 28))
        .checkAssert(
            (control, at) -> {
              String token = "eyJhbGciOiJFUzI1NiJ9.e30.c2ln";
              String dirty = token.substring(0, at) + control + token.substring(at);
              byte[] body = ("{\"token\":" + quoted(dirty) + "}").getBytes(StandardCharsets.UTF_8);
              assertThrows(CheckinRequest.Malformed.class, () -> CheckinRequest.parse(body));
            });
  }

  static String quoted(String text) {
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
}
