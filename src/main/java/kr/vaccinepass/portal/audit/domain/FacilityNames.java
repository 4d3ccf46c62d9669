package kr.vaccinepass.portal.audit.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The port through which the trail learns which facilities an owner has and what they are called;
 * facility implements it (facility writes to the trail, so the trail cannot depend on facility).
 */
public interface FacilityNames {
  List<Long> ownedBy(long ownerAccountId);

  Map<Long, String> of(Collection<Long> facilityIds);
}
