package kr.vaccinepass.portal.grace.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import kr.vaccinepass.portal.grace.domain.PolicyEvent;
import kr.vaccinepass.portal.grace.domain.PolicyEventRepository;

@ApplicationScoped
class JpaPolicyEventRepository implements PolicyEventRepository {
  @PersistenceContext EntityManager em;

  @Override
  public List<PolicyEvent> all() {
    return em.createQuery(
            "select e from PolicyEvent e order by e.startsOn, e.id", PolicyEvent.class)
        .getResultList();
  }

  @Override
  public Optional<PolicyEvent> find(long id) {
    return Optional.ofNullable(em.find(PolicyEvent.class, id));
  }

  @Override
  public Optional<PolicyEvent> withRevisions(long id) {
    return em.createQuery(
            "select e from PolicyEvent e left join fetch e.revisions where e.id = :id",
            PolicyEvent.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  @Override
  public PolicyEvent add(PolicyEvent event) {
    em.persist(event);
    em.flush();
    return event;
  }

  @Override
  public long nextRevision() {
    return ((Number)
            em.createNativeQuery("select nextval('policy_store_revision')").getSingleResult())
        .longValue();
  }
}
