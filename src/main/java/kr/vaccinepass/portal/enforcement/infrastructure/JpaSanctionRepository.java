package kr.vaccinepass.portal.enforcement.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kr.vaccinepass.portal.enforcement.domain.SanctionDecision;
import kr.vaccinepass.portal.enforcement.domain.SanctionRepository;

@ApplicationScoped
class JpaSanctionRepository implements SanctionRepository {
  @PersistenceContext EntityManager em;

  @Override
  public SanctionDecision add(SanctionDecision decision) {
    em.persist(decision);
    em.flush();
    return decision;
  }

  @Override
  public Optional<SanctionDecision> ofViolation(long violationId) {
    return em.createQuery(
            "select d from SanctionDecision d where d.violationId = :violation",
            SanctionDecision.class)
        .setParameter("violation", violationId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<SanctionDecision> relevantOn(LocalDate day) {
    // in force, or ended within the last week (a missed run still reinstates the facility)
    return em.createQuery(
            "select d from SanctionDecision d where d.startsOn <= :day"
                + " and (d.endsOn is null or d.endsOn >= :weekAgo)",
            SanctionDecision.class)
        .setParameter("day", day)
        .setParameter("weekAgo", day.minusDays(7))
        .getResultList();
  }

  @Override
  public List<SanctionDecision> ofFacility(long facilityId) {
    return em.createQuery(
            "select d from SanctionDecision d where d.facilityId = :facility order by d.startsOn",
            SanctionDecision.class)
        .setParameter("facility", facilityId)
        .getResultList();
  }
}
