package kr.vaccinepass.portal.visit.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kr.vaccinepass.portal.shared.domain.FieldSeals;
import kr.vaccinepass.portal.shared.domain.PageRequest;
import kr.vaccinepass.portal.shared.infrastructure.NativeValues;
import kr.vaccinepass.portal.visit.domain.Trace;
import kr.vaccinepass.portal.visit.domain.TraceRepository;
import kr.vaccinepass.portal.visit.domain.TraceWindow;
import kr.vaccinepass.portal.visit.domain.TracedVisit;
import kr.vaccinepass.portal.visit.domain.Visit;
import kr.vaccinepass.portal.visit.domain.VisitMethod;

@ApplicationScoped
class JpaTraceRepository implements TraceRepository {
  @PersistenceContext EntityManager em;

  @Override
  public Trace add(Trace trace) {
    em.persist(trace);
    em.flush();
    return trace;
  }

  @Override
  public Optional<Trace> find(long id) {
    return Optional.ofNullable(em.find(Trace.class, id));
  }

  @Override
  public List<Trace> ofInvestigator(long investigatorId, PageRequest page) {
    return em.createQuery(
            "select t from Trace t where t.investigatorId = :who order by t.createdAt desc, t.id desc",
            Trace.class)
        .setParameter("who", investigatorId)
        .setFirstResult(page.offset())
        .setMaxResults(page.size())
        .getResultList();
  }

  @Override
  public long countOfInvestigator(long investigatorId) {
    return em.createQuery("select count(t) from Trace t where t.investigatorId = :who", Long.class)
        .setParameter("who", investigatorId)
        .getSingleResult();
  }

  @Override
  public List<Trace> outOfRegion(PageRequest page) {
    return em.createQuery(
            "select t from Trace t where t.outOfRegion = true order by t.createdAt desc, t.id desc",
            Trace.class)
        .setFirstResult(page.offset())
        .setMaxResults(page.size())
        .getResultList();
  }

  @Override
  public long countOutOfRegion() {
    return em.createQuery("select count(t) from Trace t where t.outOfRegion = true", Long.class)
        .getSingleResult();
  }

  @Override
  public List<TracedVisit> visitsAt(long facilityId, TraceWindow window) {
    return rows(
        em.createNativeQuery(TraceQueries.VISITS_AT)
            .setParameter(1, facilityId)
            .setParameter(2, window.from())
            .setParameter(3, window.to())
            .getResultList());
  }

  @Override
  public List<TracedVisit> visitsOf(String issuerCode, String holderId, TraceWindow window) {
    return ofHolder(TraceQueries.VISITS_OF, issuerCode, holderId, window);
  }

  @Override
  public List<TracedVisit> aroundVisitsOf(String issuerCode, String holderId, TraceWindow window) {
    return ofHolder(TraceQueries.AROUND_VISITS_OF, issuerCode, holderId, window);
  }

  /** One of the holder's queries: ?1 holder id, ?2 issuer, ?3 from, ?4 to. */
  private List<TracedVisit> ofHolder(
      String sql, String issuerCode, String holderId, TraceWindow window) {
    return rows(
        em.createNativeQuery(sql)
            .setParameter(1, holderId)
            .setParameter(2, issuerCode)
            .setParameter(3, window.from())
            .setParameter(4, window.to())
            .getResultList());
  }

  @Override
  public int deleteCreatedBefore(Instant cutoff) {
    return em.createQuery("delete from Trace t where t.createdAt < :cutoff")
        .setParameter("cutoff", cutoff)
        .executeUpdate();
  }

  /** The rows, their personal fields opened at their row (as the Visit entity opens them). */
  private static List<TracedVisit> rows(List<?> result) {
    return result.stream()
        .map(Object[].class::cast)
        .map(
            r -> {
              UUID row = (UUID) r[8];
              return new TracedVisit(
                  ((Number) r[0]).longValue(),
                  NativeValues.instant(r[1]),
                  VisitMethod.valueOf((String) r[2]),
                  (String) r[3],
                  (String) r[4],
                  FieldSeals.open(Visit.NAME_FIELD, row, (String) r[5]),
                  FieldSeals.open(Visit.PHONE_FIELD, row, (String) r[6]),
                  FieldSeals.open(Visit.SAFETY_NUMBER_FIELD, row, (String) r[7]));
            })
        .toList();
  }
}
