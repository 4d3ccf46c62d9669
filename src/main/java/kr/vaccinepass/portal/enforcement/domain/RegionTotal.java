package kr.vaccinepass.portal.enforcement.domain;

import kr.vaccinepass.portal.shared.domain.LocalizedName;
import kr.vaccinepass.portal.shared.domain.Money;

/** The enforcement of one 시군구 in figures: violations, and fines by where they stand. */
public record RegionTotal(
    String sidoCode,
    LocalizedName sidoName,
    String sigunguCode,
    LocalizedName sigunguName,
    long visitorViolations,
    long operatorViolations,
    long warnings,
    Money fined,
    Money open,
    Money paid,
    Money waivedOrCancelled) {

  public long violations() {
    return visitorViolations + operatorViolations;
  }
}
