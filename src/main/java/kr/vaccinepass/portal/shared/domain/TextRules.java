package kr.vaccinepass.portal.shared.domain;

/**
 * What every text the machine API takes must be: bounded, and free of control characters (C0, DEL,
 * C1) and of lone UTF-16 surrogates. PostgreSQL refuses U+0000 in a text column, and a lone
 * surrogate cannot be encoded; such a value, let through, fails the whole group commit of the
 * visits it travels with. The API refuses them at the edge as MALFORMED (docs/checkin.md).
 */
public final class TextRules {
  private TextRules() {}

  /** At most {@code max} UTF-16 units, no control character, no lone surrogate. */
  public static boolean isCleanText(String text, int max) {
    if (text == null || text.length() > max) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
