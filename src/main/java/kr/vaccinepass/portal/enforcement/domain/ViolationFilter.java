package kr.vaccinepass.portal.enforcement.domain;

import java.time.LocalDate;

/**
 * What an inspector narrows the violations of their 시군구 to; null means any. The days are KST days
 * of the violation, both included; a state filter leaves out violations without a fine.
 */
public record ViolationFilter(ViolationKind kind, FineState state, LocalDate from, LocalDate to) {
  public static ViolationFilter none() {
    return new ViolationFilter(null, null, null, null);
  }
}
