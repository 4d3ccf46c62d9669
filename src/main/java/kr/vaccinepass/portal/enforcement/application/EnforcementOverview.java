package kr.vaccinepass.portal.enforcement.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import kr.vaccinepass.portal.enforcement.domain.EnforcementStatistics;
import kr.vaccinepass.portal.enforcement.domain.RegionTotal;
import kr.vaccinepass.portal.shared.security.Role;

/** The administrators' view of enforcement: totals by 시도 and 시군구. */
@ApplicationScoped
@Transactional
@RolesAllowed(Role.ADMIN_NAME)
public class EnforcementOverview {
  @Inject EnforcementStatistics statistics;

  public List<RegionTotal> bySigungu() {
    return statistics.bySigungu();
  }
}
