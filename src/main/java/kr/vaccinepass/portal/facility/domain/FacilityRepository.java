package kr.vaccinepass.portal.facility.domain;

import java.util.List;
import java.util.Optional;
import kr.vaccinepass.portal.shared.domain.Page;
import kr.vaccinepass.portal.shared.domain.PageRequest;

/** Where facilities and facility types are kept. */
public interface FacilityRepository {
  Optional<Facility> findById(long id);

  boolean existsByBusinessNumber(String digits, Long exceptFacilityId);

  Facility add(Facility facility);

  /** The next unused 080 안심콜 number, e.g. 080-100-0001. */
  String nextSafeCallNumber();

  Page<Facility> search(FacilityScope scope, FacilityFilter filter, PageRequest page);

  List<FacilityType> allTypes();

  Optional<FacilityType> findType(String code);
}
