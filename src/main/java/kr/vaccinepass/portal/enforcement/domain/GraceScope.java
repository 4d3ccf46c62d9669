package kr.vaccinepass.portal.enforcement.domain;

import java.util.Set;
import java.util.TreeSet;

/**
 * Where and at which facilities a grace declaration applies: chosen 시도, chosen 시군구 and chosen
 * facility types. No region chosen means nationwide; no type chosen means every type. A 시군구 is
 * covered when its own code or the code of its 시도 is chosen.
 */
public record GraceScope(Set<String> sidoCodes, Set<String> sigunguCodes, Set<String> typeCodes) {
  /** Every region, every type. */
  public static final GraceScope NATIONWIDE = new GraceScope(Set.of(), Set.of(), Set.of());

  public GraceScope {
    sidoCodes = copy(sidoCodes);
    sigunguCodes = copy(sigunguCodes);
    typeCodes = copy(typeCodes);
  }

  public static GraceScope of(Set<String> sidoCodes, Set<String> sigunguCodes) {
    return new GraceScope(sidoCodes, sigunguCodes, Set.of());
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
    return java.util.Collections.unmodifiableSortedSet(sorted);
  }
}
