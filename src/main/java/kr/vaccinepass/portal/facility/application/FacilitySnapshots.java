package kr.vaccinepass.portal.facility.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.facility.domain.FacilityRepository;

/** Loads snapshots for {@link FacilityDirectory}, each in a transaction of its own. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
class FacilitySnapshots {
  @Inject FacilityRepository facilities;

  Optional<FacilitySnapshot> load(long facilityId) {
    return facilities.findById(facilityId).map(FacilitySnapshots::snapshot);
  }

  Optional<Long> idOfSafeCallNumber(String number) {
    return facilities.findBySafeCallNumber(number).map(Facility::getId);
  }

  private static FacilitySnapshot snapshot(Facility f) {
    f.getType().getCoverage().size();
    return new FacilitySnapshot(
        f.getId(),
        f.getOwnerId(),
        f.getName(),
        f.getType(),
        f.getStatus(),
        f.getSigungu().getCode(),
        f.getSigungu().getSido().getCode(),
        f.getSafeCallNumber());
  }
}
