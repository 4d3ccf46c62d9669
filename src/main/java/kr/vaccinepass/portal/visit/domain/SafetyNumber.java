package kr.vaccinepass.portal.visit.domain;

/** 개인안심번호: 4 digits and 2 Hangul syllables (e.g. 12가34나 is written 1234가나), instead of a phone. */
public final class SafetyNumber {
  public static final String PATTERN = "^[0-9]{4}[가-힣]{2}$";

  private SafetyNumber() {}

  public static boolean isValid(String text) {
    return text != null && text.replace(" ", "").matches(PATTERN);
  }

  public static String normalize(String text) {
    return text.replace(" ", "");
  }

  /** 12**가나: the letters, which do not identify anyone alone. */
  public static String masked(String number) {
    return number.substring(0, 2) + "**" + number.substring(4);
  }
}
