package kr.vaccinepass.portal.grace.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import kr.vaccinepass.portal.grace.domain.Incident;
import kr.vaccinepass.portal.grace.domain.IncidentRepository;

@ApplicationScoped
class JpaIncidentRepository implements IncidentRepository {
  @PersistenceContext EntityManager em;

  @Override
  public Incident add(Incident incident) {
    em.persist(incident);
    em.flush();
    return incident;
  }

  @Override
  public Optional<Incident> find(long id) {
    return Optional.ofNullable(em.find(Incident.class, id));
  }

  @Override
  public List<Incident> all() {
    return em.createQuery(
            "select i from Incident i"
                + " order by case when i.endsAt is null then 0 else 1 end, i.startsAt desc, i.id desc",
            Incident.class)
        .getResultList();
  }

  @Override
  public List<Incident> open() {
    return em.createQuery(
            "select i from Incident i where i.endsAt is null order by i.startsAt", Incident.class)
        .getResultList();
  }

  @Override
  public List<Incident> at(java.time.Instant at) {
    return em.createQuery(
            "select i from Incident i where i.startsAt <= :at"
                + " and (i.endsAt is null or i.endsAt > :at) order by i.startsAt",
            Incident.class)
        .setParameter("at", at)
        .getResultList();
  }
}
