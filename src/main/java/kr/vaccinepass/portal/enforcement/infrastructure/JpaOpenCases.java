package kr.vaccinepass.portal.enforcement.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.List;
import kr.vaccinepass.portal.enforcement.domain.EnforcementRepository;
import kr.vaccinepass.portal.enforcement.domain.FineState;
import kr.vaccinepass.portal.facility.domain.OpenCases;

/**
 * Enforcement's answer to the facility feature: a facility has an open case while a fine case of
 * one of its violations is in a state that is not {@link FineState#closed() closed}.
 */
@ApplicationScoped
class JpaOpenCases implements OpenCases {
  private static final List<FineState> OPEN =
      Arrays.stream(FineState.values()).filter(s -> !s.closed()).toList();

  @PersistenceContext EntityManager em;
  @Inject EnforcementRepository repository;

  @Override
  public boolean existAt(long facilityId) {
    // the lock violations are logged under: none opens until this transaction ends
    repository.lockFacility(facilityId);
    return em.createQuery(
                "select count(v) from Violation v join v.fineCase f"
                    + " where v.facilityId = :facility and f.state in :open",
                Long.class)
            .setParameter("facility", facilityId)
            .setParameter("open", OPEN)
            .getSingleResult()
        > 0;
  }
}
