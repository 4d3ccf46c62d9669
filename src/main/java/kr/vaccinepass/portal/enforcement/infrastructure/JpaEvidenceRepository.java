package kr.vaccinepass.portal.enforcement.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import kr.vaccinepass.portal.enforcement.domain.Evidence;
import kr.vaccinepass.portal.enforcement.domain.EvidenceRepository;
import kr.vaccinepass.portal.enforcement.domain.EvidenceSummary;

@ApplicationScoped
class JpaEvidenceRepository implements EvidenceRepository {
  @PersistenceContext EntityManager em;

  @Override
  public Evidence add(Evidence evidence) {
    em.persist(evidence);
    em.flush();
    return evidence;
  }

  @Override
  public Optional<Evidence> find(long id) {
    return Optional.ofNullable(em.find(Evidence.class, id));
  }

  @Override
  public List<EvidenceSummary> ofViolation(long violationId) {
    return em.createQuery(
            "select new kr.vaccinepass.portal.enforcement.domain.EvidenceSummary(e.id,"
                + " e.contentType, e.sizeBytes, e.description, e.createdAt) from Evidence e"
                + " where e.violationId = :violation order by e.createdAt, e.id",
            EvidenceSummary.class)
        .setParameter("violation", violationId)
        .getResultList();
  }

  @Override
  public boolean exists(long violationId, String sha256) {
    return em.createQuery(
                "select count(e) from Evidence e where e.violationId = :v and e.sha256 = :h",
                Long.class)
            .setParameter("v", violationId)
            .setParameter("h", sha256)
            .getSingleResult()
        > 0;
  }
}
