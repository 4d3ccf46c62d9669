package kr.vaccinepass.portal.facility.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.domain.FacilityFilter;
import kr.vaccinepass.portal.facility.domain.FacilityStatus;
import kr.vaccinepass.portal.shared.domain.PageRequest;

/** The facility figures on each role's dashboard: how many the caller sees, how many active. */
@Named
@RequestScoped
public class FacilityDashboardBacking {
  @Inject FacilityService facilities;

  private long total;
  private long active;

  @PostConstruct
  void init() {
    total = facilities.search(FacilityFilter.none(), PageRequest.first(1)).total();
    active =
        facilities
            .search(
                new FacilityFilter(null, null, null, null, FacilityStatus.ACTIVE),
                PageRequest.first(1))
            .total();
  }

  public long getTotal() {
    return total;
  }

  public long getActive() {
    return active;
  }
}
