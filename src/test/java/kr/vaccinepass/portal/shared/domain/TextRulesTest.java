package kr.vaccinepass.portal.shared.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a typed text may hold: one line, or several lines of plain text. */
class TextRulesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "a Korean name,            김철수,             true,  true",
    "a name with spaces,       Kim Chul-su,        true,  true",
    "a line break,             김\\n철수,           false, true",
    "a carriage return,        김\\r철수,           false, true",
    "a tab,                    김\\t철수,           false, true",
    "NUL,                      김\\u0000,           false, false",
    "escape,                   \\u001B[2J,         false, false",
    "DEL,                      a\\u007Fb,          false, false",
    "a C1 control,             a\\u0085b,          false, false",
    "a right-to-left override, gnp\\u202Eexe,      false, false",
    "an isolate,               a\\u2066b,          false, false",
    "an emoji,                 카페 ☕,             true,  true"
  })
  void textsAreJudgedByTheirCharacters(
      String what, String text, boolean singleLine, boolean plain) {
    String real = unescape(text);
    assertEquals(singleLine, TextRules.isSingleLine(real), what);
    assertEquals(plain, TextRules.isPlainText(real), what);
  }

  @org.junit.jupiter.api.Test
  void theValidatorsLetNullThrough() {
    assertTrue(new SingleLine.Validator().isValid(null, null));
    assertTrue(new PlainText.Validator().isValid(null, null));
    assertFalse(new SingleLine.Validator().isValid("a\nb", null));
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        switch (n) {
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
            i += 4;
          }
          default -> out.append(n);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
