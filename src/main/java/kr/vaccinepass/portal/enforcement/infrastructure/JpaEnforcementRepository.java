package kr.vaccinepass.portal.enforcement.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import kr.vaccinepass.portal.enforcement.domain.EnforcementRepository;
import kr.vaccinepass.portal.enforcement.domain.Inspection;
import kr.vaccinepass.portal.enforcement.domain.Violation;
import kr.vaccinepass.portal.enforcement.domain.ViolationKind;

@ApplicationScoped
class JpaEnforcementRepository implements EnforcementRepository {
  @PersistenceContext EntityManager em;

  @Override
  public Inspection add(Inspection inspection) {
    em.persist(inspection);
    return inspection;
  }

  @Override
  public Optional<Inspection> inspection(long id) {
    return Optional.ofNullable(em.find(Inspection.class, id));
  }

  @Override
  public Violation add(Violation violation) {
    em.persist(violation);
    em.flush();
    return violation;
  }

  @Override
  public Optional<Violation> violation(long id) {
    return Optional.ofNullable(em.find(Violation.class, id));
  }

  @Override
  public void lockFacility(long facilityId) {
    em.createNativeQuery("select pg_advisory_xact_lock(?1)")
        .setParameter(1, facilityId)
        .getSingleResult();
  }

  @Override
  public List<Violation> operatorViolations(long facilityId) {
    return em.createQuery(
            "select v from Violation v left join fetch v.fineCase"
                + " where v.facilityId = :facility and v.kind = :kind order by v.occurredAt",
            Violation.class)
        .setParameter("facility", facilityId)
        .setParameter("kind", ViolationKind.OPERATOR)
        .getResultList();
  }

  @Override
  public List<Violation> violationsOfFacility(long facilityId) {
    return em.createQuery(
            "select v from Violation v left join fetch v.fineCase"
                + " where v.facilityId = :facility order by v.occurredAt desc, v.id desc",
            Violation.class)
        .setParameter("facility", facilityId)
        .getResultList();
  }

  @Override
  public List<Violation> violations(String sigunguCode, int offset, int size) {
    TypedQuery<Violation> query =
        em.createQuery(
            "select v from Violation v left join fetch v.fineCase"
                + (sigunguCode == null ? "" : " where v.sigunguCode = :sigungu")
                + " order by v.occurredAt desc, v.id desc",
            Violation.class);
    if (sigunguCode != null) {
      query.setParameter("sigungu", sigunguCode);
    }
    return query.setFirstResult(offset).setMaxResults(size).getResultList();
  }
}
