package kr.vaccinepass.portal.facility.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.domain.FacilityFilter;
import kr.vaccinepass.portal.facility.domain.FacilityStatus;

/** The facility figures on each role's dashboard: how many the caller sees, how many active. */
@Named
@RequestScoped
public class FacilityDashboardBacking {
  @Inject FacilityService facilities;

  private long total;
  private long active;

  @PostConstruct
  void init() {
    total = facilities.count(FacilityFilter.none());
    active = facilities.count(new FacilityFilter(null, null, null, null, FacilityStatus.ACTIVE));
  }

  public long getTotal() {
    return total;
  }

  public long getActive() {
    return active;
  }
}
