package kr.vaccinepass.portal.enforcement.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kr.vaccinepass.portal.enforcement.domain.EnforcementRepository;
import kr.vaccinepass.portal.enforcement.domain.FineState;
import kr.vaccinepass.portal.enforcement.domain.FineTotals;
import kr.vaccinepass.portal.enforcement.domain.Inspection;
import kr.vaccinepass.portal.enforcement.domain.Violation;
import kr.vaccinepass.portal.enforcement.domain.ViolationFilter;
import kr.vaccinepass.portal.enforcement.domain.ViolationKind;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.domain.Money;
import kr.vaccinepass.portal.shared.domain.PageRequest;

@ApplicationScoped
class JpaEnforcementRepository implements EnforcementRepository {
  /** The list columns one may sort by. */
  private static final Map<String, String> SORTS =
      Map.of("occurredAt", "v.occurredAt", "kind", "v.kind", "fine", "v.fine", "state", "f.state");

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
    // the page shows the case and the inspection after the transaction
    return em.createQuery(
            "select v from Violation v join fetch v.inspection left join fetch v.fineCase"
                + " where v.id = :id",
            Violation.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
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
  public List<Violation> violationsOfFacility(long facilityId, String sigunguCode) {
    return em.createQuery(
            "select v from Violation v left join fetch v.fineCase"
                + " where v.facilityId = :facility and v.sigunguCode = :sigungu"
                + " order by v.occurredAt desc, v.id desc",
            Violation.class)
        .setParameter("facility", facilityId)
        .setParameter("sigungu", Objects.requireNonNull(sigunguCode, "the jurisdiction"))
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

  @Override
  public List<Inspection> inspectionsOfFacility(long facilityId, String sigunguCode) {
    return em.createQuery(
            "select i from Inspection i where i.facilityId = :facility and i.sigunguCode = :sigungu"
                + " order by i.inspectedAt desc, i.id desc",
            Inspection.class)
        .setParameter("facility", facilityId)
        .setParameter("sigungu", Objects.requireNonNull(sigunguCode, "the jurisdiction"))
        .getResultList();
  }

  @Override
  public List<Violation> violations(String sigunguCode, ViolationFilter filter, PageRequest page) {
    // Map.of refuses null keys, even to look them up
    String sort = page.sortField() == null ? null : SORTS.getOrDefault(page.sortField(), null);
    String order =
        (sort == null ? "" : sort + (page.ascending() ? " asc" : " desc") + ", ")
            + "v.occurredAt desc, v.id desc";
    TypedQuery<Violation> query =
        em.createQuery(
            "select v from Violation v left join fetch v.fineCase f"
                + where(filter)
                + " order by "
                + order,
            Violation.class);
    bind(query::setParameter, sigunguCode, filter);
    return query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
  }

  @Override
  public long countViolations(String sigunguCode, ViolationFilter filter) {
    TypedQuery<Long> query =
        em.createQuery(
            "select count(v) from Violation v left join v.fineCase f" + where(filter), Long.class);
    bind(query::setParameter, sigunguCode, filter);
    return query.getSingleResult();
  }

  @Override
  public List<FineTotals.Group> fineGroups(String sigunguCode, ViolationFilter filter) {
    // one row per (fine, state, amount, imposition day): few, whatever the number of violations
    TypedQuery<Object[]> query =
        em.createQuery(
            "select v.fine, f.state, f.amount, f.imposedOn, count(v)"
                + " from Violation v left join v.fineCase f"
                + where(filter)
                + " group by v.fine, f.state, f.amount, f.imposedOn",
            Object[].class);
    bind(query::setParameter, sigunguCode, filter);
    return query.getResultList().stream()
        .map(
            row ->
                new FineTotals.Group(
                    (Money) row[0],
                    (FineState) row[1],
                    (Money) row[2],
                    (LocalDate) row[3],
                    ((Number) row[4]).longValue()))
        .toList();
  }

  /** The jurisdiction is always part of the condition; the filter adds to it. */
  private static String where(ViolationFilter f) {
    StringBuilder where = new StringBuilder(" where v.sigunguCode = :sigungu");
    if (f.kind() != null) {
      where.append(" and v.kind = :kind");
    }
    if (f.state() != null) {
      where.append(" and f.state = :state");
    }
    if (f.from() != null) {
      where.append(" and v.occurredAt >= :from");
    }
    if (f.to() != null) {
      where.append(" and v.occurredAt < :to");
    }
    return where.toString();
  }

  private interface Binder {
    Object bind(String name, Object value);
  }

  private static void bind(Binder q, String sigunguCode, ViolationFilter f) {
    q.bind("sigungu", Objects.requireNonNull(sigunguCode, "the jurisdiction"));
    if (f.kind() != null) {
      q.bind("kind", f.kind());
    }
    if (f.state() != null) {
      q.bind("state", f.state());
    }
    if (f.from() != null) {
      q.bind("from", f.from().atStartOfDay(Kst.ZONE).toInstant());
    }
    if (f.to() != null) {
      q.bind("to", f.to().plusDays(1).atStartOfDay(Kst.ZONE).toInstant());
    }
  }
}
