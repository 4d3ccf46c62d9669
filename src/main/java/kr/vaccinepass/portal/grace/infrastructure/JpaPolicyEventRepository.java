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

  /** The advisory lock that makes changes of the calendar take their revisions one at a time. */
  static final long REVISIONS = 0x63616c656e646172L; // "calendar" in ASCII

  /**
   * The next revision, gapless: changes wait for each other (a transaction-level advisory lock,
   * held until the change commits or rolls back), and a change that is refused leaves no number
   * behind, so a case never names a revision that does not exist.
   */
  @Override
  public long nextRevision() {
    em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(:key)) l")
        .setParameter("key", REVISIONS)
        .getSingleResult();
    return ((Number)
            em.createNativeQuery(
                    "select coalesce(max(store_revision), 1) + 1 from policy_event_revision")
                .getSingleResult())
        .longValue();
  }
}
