package kr.vaccinepass.portal.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of UTF-16 text for the property-based fuzz tests. QuickTheories' own
 * {@code strings().allPossible()} draws defined code points (supplementary ones as pairs) and never
 * a lone surrogate; these draw single {@code char}s, surrogates included, so a string may hold a
 * lone surrogate as the parsers can receive it.
 */
public final class FuzzGen {
  /**
   * Every char but the noncharacters (U+FDD0–U+FDEF, U+FFFE, U+FFFF) and the private-use block
   * (U+E000–U+F8FF): surrogates, controls and unassigned chars included.
   */
  private static final char[] ANY = anyChars();

  private FuzzGen() {}

  private static char[] anyChars() {
    StringBuilder out = new StringBuilder();
    for (int c = 0; c <= 0xFFFF; c++) {
      boolean noncharacter = (c >= 0xFDD0 && c <= 0xFDEF) || c >= 0xFFFE;
      boolean privateUse = c >= 0xE000 && c <= 0xF8FF;
      if (!noncharacter && !privateUse) {
        out.append((char) c);
      }
    }
    return out.toString().toCharArray();
  }

  /** Any char (see {@link #ANY}), surrogates and controls included. */
  public static Gen<Character> anyChar() {
    return Generate.range(0, ANY.length - 1).map(i -> ANY[i]);
  }

  /** One of the given chars. */
  public static Gen<Character> charOf(String chars) {
    return Generate.range(0, chars.length() - 1).map(chars::charAt);
  }

  /** A char from {@code first} to {@code last}, both included. */
  public static Gen<Character> charBetween(char first, char last) {
    return Generate.range(first, last).map(i -> (char) i.intValue());
  }

  /** The control characters: C0 (U+0000–U+001F), DEL and C1 (U+007F–U+009F). */
  public static Gen<Character> controls() {
    return Generate.oneOf(charBetween('\u0000', '\u001f'), charBetween('\u007f', '\u009f'));
  }

  /** A string of {@code min} to {@code max} chars (UTF-16 units) drawn from {@code chars}. */
  public static Gen<String> stringOf(Gen<Character> chars, int min, int max) {
    Gen<Integer> lengths = Generate.range(min, max);
    return in -> {
      int length = lengths.generate(in);
      char[] out = new char[length];
      for (int i = 0; i < length; i++) {
        out[i] = chars.generate(in);
      }
      return new String(out);
    };
  }

  /** A string of any chars, surrogates and controls included, at most {@code max} long. */
  public static Gen<String> anyString(int max) {
    return stringOf(anyChar(), 0, max);
  }

  /** Bytes of any value, at most {@code max} of them. */
  public static Gen<byte[]> bytes(int max) {
    return Generate.byteArrays(
        Generate.range(0, max), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
  }

  /** One of the given values. */
  @SafeVarargs
  public static <T> Gen<T> pick(T... values) {
    return Generate.pick(Arrays.asList(values));
  }

  /** A list of {@code min} to {@code max} values of {@code element}. */
  public static <T> Gen<List<T>> listOf(Gen<T> element, int min, int max) {
    Gen<Integer> sizes = Generate.range(min, max);
    return in -> {
      int size = sizes.generate(in);
      List<T> out = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        out.add(element.generate(in));
      }
      return out;
    };
  }
}
