package kr.vaccinepass.portal.facility.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import kr.vaccinepass.portal.facility.domain.FacilityRepository;
import kr.vaccinepass.portal.facility.domain.FacilityStatus;

/**
 * Applies the sanctions decided by enforcement to a facility's status, and announces the change
 * (the check-in path drops its cached copy). Internal: enforcement calls it after its own
 * jurisdiction checks, and from its daily schedule.
 */
@ApplicationScoped
@Transactional
public class FacilityStatusUpdater {
  @Inject FacilityRepository facilities;
  @Inject Event<FacilityChanged> changed;
  @Inject Clock clock;

  /** The facility's status now; changed only when the sanctions say so. */
  public FacilityStatus apply(long facilityId, boolean closureOrdered, boolean suspendedToday) {
    var facility = facilities.findById(facilityId).orElseThrow();
    if (facility.applySanctions(closureOrdered, suspendedToday, clock.instant())) {
      changed.fire(new FacilityChanged(facilityId));
    }
    return facility.getStatus();
  }
}
