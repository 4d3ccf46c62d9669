package kr.vaccinepass.portal.facility.domain;

import java.util.List;
import java.util.Optional;
import kr.vaccinepass.portal.shared.domain.PageRequest;

/** Where facilities and facility types are kept. */
public interface FacilityRepository {
  Optional<Facility> findById(long id);

  /** The facility of an 안심콜 080 number (080-xxx-xxxx). */
  Optional<Facility> findBySafeCallNumber(String safeCallNumber);

  boolean existsByBusinessNumber(String digits, Long exceptFacilityId);

  Facility add(Facility facility);

  /** The next unused 080 안심콜 number, e.g. 080-100-0001. */
  String nextSafeCallNumber();

  /** One page of the facilities in scope that match the filter, sorted. */
  List<Facility> list(FacilityScope scope, FacilityFilter filter, PageRequest page);

  /** How many facilities in scope match the filter. */
  long count(FacilityScope scope, FacilityFilter filter);

  List<FacilityType> allTypes();

  Optional<FacilityType> findType(String code);
}
