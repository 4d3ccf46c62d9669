package kr.vaccinepass.portal.visit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import kr.vaccinepass.portal.pass.domain.DiningParty;
import kr.vaccinepass.portal.shared.domain.TextRules;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based fuzzing of the check-in body ({@link CheckinRequest#parse}): whatever the bytes, a
 * request with a clean, bounded token and a known party, or {@link CheckinRequest.Malformed}, never
 * another exception.
 */
class CheckinRequestFuzzTest {
  @Example
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

  @Property(tries = 3000)
  void anyBodyIsARequestOrMalformed(@ForAll("bodies") byte[] body) {
    try {
      CheckinRequest request = CheckinRequest.parse(body);
      assertTrue(TextRules.isCleanText(request.token(), CheckinRequest.MAX_TOKEN));
      assertTrue(!request.token().isEmpty());
      assertNotNull(request.party());
    } catch (CheckinRequest.Malformed expected) {
      // the only refusal there is
    }
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(3000);
    Arbitrary<String> tokens =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(2100),
            Arbitraries.strings().withCharRange('a', 'z').ofLength(2049));
    Arbitrary<String> values =
        Arbitraries.oneOf(
            tokens.map(CheckinRequestFuzzTest::quoted),
            Arbitraries.of("null", "1", "[]", "{}", "true", "\"\\u0000\"", "\"ALONE\"", "\"\""));
    Arbitrary<String> parties =
        Arbitraries.oneOf(
            Arbitraries.of(DiningParty.class).map(p -> quoted(p.name())),
            Arbitraries.strings().all().ofMaxLength(30).map(CheckinRequestFuzzTest::quoted),
            Arbitraries.of("null", "0", "\"alone\""));
    Arbitrary<byte[]> json =
        Combinators.combine(values, parties, Arbitraries.of(true, false))
            .as(
                (t, p, withParty) ->
                    ("{\"token\":" + t + (withParty ? ",\"party\":" + p : "") + "}")
                        .getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> deep =
        Arbitraries.integers()
            .between(1, 3000)
            .map(d -> "[".repeat(d).getBytes(StandardCharsets.UTF_8));
    return Arbitraries.oneOf(raw, json, deep);
  }

  @Property(tries = 1000)
  void aControlCharacterInTheTokenIsMalformed(
      @ForAll("controls") char control, @ForAll("positions") int at) {
    String token = "eyJhbGciOiJFUzI1NiJ9.e30.c2ln";
    String dirty = token.substring(0, at) + control + token.substring(at);
    byte[] body = ("{\"token\":" + quoted(dirty) + "}").getBytes(StandardCharsets.UTF_8);
    assertThrows(CheckinRequest.Malformed.class, () -> CheckinRequest.parse(body));
  }

  @Provide
  Arbitrary<Character> controls() {
    return Arbitraries.oneOf(
        Arbitraries.chars().range('\u0000', '\u001f'),
        Arbitraries.chars().range('\u007f', '\u009f'));
  }

  @Provide
  Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(0, 28);
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
