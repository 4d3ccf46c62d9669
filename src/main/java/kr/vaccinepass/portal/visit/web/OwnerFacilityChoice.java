package kr.vaccinepass.portal.visit.web;

import java.util.List;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.facility.domain.FacilityFilter;
import kr.vaccinepass.portal.shared.domain.PageRequest;

/** The owner's facilities for a page's facility selector (an owner has few; 200 at most here). */
final class OwnerFacilityChoice {
  private OwnerFacilityChoice() {}

  static List<Facility> of(FacilityService facilities) {
    return facilities.list(FacilityFilter.none(), new PageRequest(0, 200, "name", true));
  }

  /** The requested facility when it is one of them, else the first, else null. */
  static Long pick(Long requested, List<Facility> choices) {
    if (requested != null && choices.stream().anyMatch(f -> f.getId().equals(requested))) {
      return requested;
    }
    return choices.isEmpty() ? null : choices.get(0).getId();
  }
}
