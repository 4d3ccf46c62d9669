package kr.vaccinepass.portal.shared.domain;

/** People's names as others may see them: the first and last letters, the rest starred (김*수). */
public final class PersonNames {
  private PersonNames() {}

  public static String masked(String name) {
    if (name == null) {
      return null;
    }
    int n = name.codePointCount(0, name.length());
    if (n <= 1) {
      return "*";
    }
    int first = name.offsetByCodePoints(0, 1);
    int last = name.offsetByCodePoints(0, n - 1);
    return name.substring(0, first)
        + "*".repeat(Math.max(1, n - 2))
        + (n > 2 ? name.substring(last) : "");
  }
}
