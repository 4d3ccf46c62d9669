package kr.vaccinepass.portal.facility.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.vaccinepass.portal.audit.domain.FacilityNames;

/** The audit trail's port to facilities: an owner's facilities and their names. */
@ApplicationScoped
class JpaFacilityNames implements FacilityNames {
  @PersistenceContext EntityManager em;

  @Override
  public List<Long> ownedBy(long ownerAccountId) {
    return em.createQuery("select f.id from Facility f where f.ownerId = :owner", Long.class)
        .setParameter("owner", ownerAccountId)
        .getResultList();
  }

  @Override
  public Map<Long, String> of(Collection<Long> facilityIds) {
    Map<Long, String> names = new HashMap<>();
    if (!facilityIds.isEmpty()) {
      for (Object[] row :
          em.createQuery("select f.id, f.name from Facility f where f.id in :ids", Object[].class)
              .setParameter("ids", Set.copyOf(facilityIds))
              .getResultList()) {
        names.put((Long) row[0], (String) row[1]);
      }
    }
    return names;
  }
}
