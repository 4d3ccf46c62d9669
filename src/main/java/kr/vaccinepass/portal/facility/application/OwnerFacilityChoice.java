package kr.vaccinepass.portal.facility.application;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.List;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.facility.domain.FacilityFilter;
import kr.vaccinepass.portal.shared.domain.PageRequest;

/**
 * The facility an owner is working at, remembered for the session: the scanner, the records, the
 * devices and the violations pages open on it, so a reload at the door never switches facility
 * unnoticed. Here, with the facilities, because pages of several features share it.
 */
@SessionScoped
public class OwnerFacilityChoice implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject FacilityService facilities;

  private Long current;

  /** The owner's facilities for a selector (an owner has few; 200 at most here). */
  public List<Facility> facilities() {
    return facilities.list(FacilityFilter.none(), new PageRequest(0, 200, "name", true));
  }

  /** The requested facility when it is one of them, else the remembered one, else the first. */
  public Long pick(Long requested, List<Facility> choices) {
    for (Long candidate : new Long[] {requested, current}) {
      if (candidate != null && choices.stream().anyMatch(f -> f.getId().equals(candidate))) {
        current = candidate;
        return candidate;
      }
    }
    current = choices.isEmpty() ? null : choices.get(0).getId();
    return current;
  }

  /** The facility the owner works with in this session, if chosen. */
  public Long current() {
    return current;
  }

  public void remember(Long facilityId) {
    if (facilityId != null) {
      current = facilityId;
    }
  }
}
