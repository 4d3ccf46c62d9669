package kr.vaccinepass.portal.grace.domain;

import java.io.Serializable;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where and at which facilities a grace declaration applies, as the administrator sees it on the
 * form: a 시도 chosen with no 시군구 under it is the whole 시도; 시군구 chosen under a 시도 are only those 시군구
 * (the 시도 merely narrowed the list); a 시군구 chosen alone is that 시군구. No region chosen means
 * nationwide; no type chosen means every type. Every scope is kept in that reading: a 시도 that has a
 * chosen 시군구 under it is dropped, so {@link #sidoCodes()} are the whole 시도 covered.
 */
public record GraceScope(Set<String> sidoCodes, Set<String> sigunguCodes, Set<String> typeCodes)
    implements Serializable {
  /** Every region, every type. */
  public static final GraceScope NATIONWIDE = new GraceScope(Set.of(), Set.of(), Set.of());

  public GraceScope {
    sigunguCodes = copy(sigunguCodes);
    Set<String> narrowed = new TreeSet<>();
    sigunguCodes.forEach(code -> narrowed.add(sidoOf(code)));
    TreeSet<String> whole = new TreeSet<>(copy(sidoCodes));
    whole.removeAll(narrowed);
    sidoCodes = Collections.unmodifiableSortedSet(whole);
    typeCodes = copy(typeCodes);
  }

  /** The regions as chosen on the form, every facility type (see the class comment). */
  public static GraceScope asChosen(Set<String> sidoCodes, Set<String> sigunguCodes) {
    return new GraceScope(sidoCodes, sigunguCodes, Set.of());
  }

  /** The same as {@link #asChosen}. */
  public static GraceScope of(Set<String> sidoCodes, Set<String> sigunguCodes) {
    return asChosen(sidoCodes, sigunguCodes);
  }

  /**
   * The 시도 of a 시군구: its code's first two digits (법정동코드, 행정표준코드관리시스템: 2-digit 시도 + 3-digit 시군구 +
   * 00000; V1__regions.sql).
   */
  public static String sidoOf(String sigunguCode) {
    // a code too short to be one names no 시도 (the service refuses it as unknown)
    return sigunguCode.length() < 2 ? sigunguCode : sigunguCode.substring(0, 2) + "00000000";
  }

  /** The same regions, only these facility types (none: every type). */
  public GraceScope onlyTypes(Set<String> codes) {
    return new GraceScope(sidoCodes, sigunguCodes, codes);
  }

  public boolean nationwide() {
    return sidoCodes.isEmpty() && sigunguCodes.isEmpty();
  }

  public boolean allTypes() {
    return typeCodes.isEmpty();
  }

  public boolean coversRegion(String sidoCode, String sigunguCode) {
    return nationwide() || sidoCodes.contains(sidoCode) || sigunguCodes.contains(sigunguCode);
  }

  public boolean coversType(String typeCode) {
    return allTypes() || typeCodes.contains(typeCode);
  }

  public boolean covers(String sidoCode, String sigunguCode, String typeCode) {
    return coversRegion(sidoCode, sigunguCode) && coversType(typeCode);
  }

  /** Sorted and without blanks, so that equal choices are equal scopes. */
  private static Set<String> copy(Set<String> codes) {
    TreeSet<String> sorted = new TreeSet<>();
    if (codes != null) {
      codes.stream().filter(c -> c != null && !c.isBlank()).map(String::strip).forEach(sorted::add);
    }
    return Collections.unmodifiableSortedSet(sorted);
  }
}
