package kr.vaccinepass.portal.visit.domain;

import java.util.Objects;

/**
 * The health authority an investigator belongs to: a 시도 (which covers its 시군구) or a single 시군구, by
 * its code.
 */
public record HealthAuthority(String code, boolean wholeSido) {
  public HealthAuthority {
    Objects.requireNonNull(code, "code");
  }

  /** Whether a facility in this 시도 and 시군구 lies in the authority's region. */
  public boolean covers(String sidoCode, String sigunguCode) {
    return wholeSido ? code.equals(sidoCode) : code.equals(sigunguCode);
  }
}
