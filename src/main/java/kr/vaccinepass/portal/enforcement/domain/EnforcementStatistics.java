package kr.vaccinepass.portal.enforcement.domain;

import java.util.List;

/** Figures of enforcement across the country, for administrators. */
public interface EnforcementStatistics {
  /** One row per 시군구 with at least one violation. */
  List<RegionTotal> bySigungu();
}
