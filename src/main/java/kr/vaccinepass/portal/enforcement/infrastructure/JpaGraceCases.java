package kr.vaccinepass.portal.enforcement.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.vaccinepass.portal.enforcement.domain.FineCase;
import kr.vaccinepass.portal.enforcement.domain.GraceCases;
import kr.vaccinepass.portal.grace.domain.GraceDeclaration;
import kr.vaccinepass.portal.grace.domain.GraceScope;
import kr.vaccinepass.portal.grace.domain.GraceStatus;
import kr.vaccinepass.portal.grace.domain.ViolationCause;

/**
 * The cases grace declarations cover and hold, found in SQL: violation → fine case, → 시군구 for the
 * 시도. The region and the facility type are the case's own (the violation's, fixed when it was
 * logged), which were the facility's at that time. Answers grace's {@code CoveredCases} port for a
 * declaration's preview.
 */
@ApplicationScoped
class JpaGraceCases implements GraceCases {
  private static final List<String> ACTIVE =
      List.of(GraceStatus.APPLYING.name(), GraceStatus.APPLIED.name());

  /** The advisory lock between logging a case and starting a run ("grace" in ASCII). */
  static final long NEW_CASES = 0x6772616365L;

  @PersistenceContext EntityManager em;

  @Override
  public long countCovered(GraceDeclaration d) {
    Query q = em.createNativeQuery("select count(*)" + covered(d));
    bindCovered(q, d);
    return ((Number) q.getSingleResult()).longValue();
  }

  @Override
  public List<Long> lockUnheld(GraceDeclaration d, int limit) {
    Query q =
        em.createNativeQuery(
            "select f.id"
                + covered(d)
                + " and not exists (select 1 from grace_waiver w"
                + "   where w.declaration_id = :declaration and w.fine_case_id = f.id)"
                + " order by f.id limit :limit for update of f");
    bindCovered(q, d);
    q.setParameter("declaration", d.getId()).setParameter("limit", limit);
    return ids(q);
  }

  /**
   * The cases the declaration covers: in the window (start inclusive, end exclusive), of a cause
   * its kind names, with a fine case that is not cancelled, in its regions and types.
   */
  private static String covered(GraceDeclaration d) {
    GraceScope scope = d.scope();
    StringBuilder sql =
        new StringBuilder(
            " from violation v"
                + " join fine_case f on f.id = v.fine_case_id"
                + " join sigungu g on g.code = v.sigungu_code"
                + " where v.occurred_at >= :startsAt and v.occurred_at < :endsAt"
                + " and v.cause in (:causes)"
                + " and f.state <> 'CANCELLED'");
    if (!scope.nationwide()) {
      List<String> region = new ArrayList<>();
      if (!scope.sidoCodes().isEmpty()) {
        region.add("g.sido_code in (:sido)");
      }
      if (!scope.sigunguCodes().isEmpty()) {
        region.add("v.sigungu_code in (:sigungu)");
      }
      sql.append(" and (").append(String.join(" or ", region)).append(")");
    }
    if (!scope.allTypes()) {
      sql.append(" and v.facility_type_code in (:types)");
    }
    return sql.toString();
  }

  private static void bindCovered(Query q, GraceDeclaration d) {
    GraceScope scope = d.scope();
    q.setParameter("startsAt", d.getStartsAt())
        .setParameter("endsAt", d.getEndsAt())
        .setParameter(
            "causes", d.getKind().causes().stream().map(ViolationCause::name).sorted().toList());
    if (!scope.sidoCodes().isEmpty()) {
      q.setParameter("sido", scope.sidoCodes());
    }
    if (!scope.sigunguCodes().isEmpty()) {
      q.setParameter("sigungu", scope.sigunguCodes());
    }
    if (!scope.allTypes()) {
      q.setParameter("types", scope.typeCodes());
    }
  }

  @Override
  public List<Long> lockHeld(long declarationId, int limit) {
    return ids(
        em.createNativeQuery(
                "select f.id from grace_waiver w join fine_case f on f.id = w.fine_case_id"
                    + " where w.declaration_id = :declaration"
                    + " order by f.id limit :limit for update of f")
            .setParameter("declaration", declarationId)
            .setParameter("limit", limit));
  }

  @Override
  public List<FineCase> fineCases(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select distinct f from FineCase f left join fetch f.history where f.id in :ids",
            FineCase.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  @Override
  public void link(long declarationId, Collection<Long> fineCaseIds, Instant at) {
    if (fineCaseIds.isEmpty()) {
      return;
    }
    em.createNativeQuery(
            "insert into grace_waiver (declaration_id, fine_case_id, waived_at)"
                + " select cast(:declaration as bigint), f.id, cast(:at as timestamptz)"
                + " from fine_case f where f.id in (:ids)")
        .setParameter("declaration", declarationId)
        .setParameter("at", at)
        .setParameter("ids", fineCaseIds)
        .executeUpdate();
  }

  @Override
  public void unlink(long declarationId, Collection<Long> fineCaseIds) {
    if (fineCaseIds.isEmpty()) {
      return;
    }
    em.createNativeQuery(
            "delete from grace_waiver where declaration_id = :declaration"
                + " and fine_case_id in (:ids)")
        .setParameter("declaration", declarationId)
        .setParameter("ids", fineCaseIds)
        .executeUpdate();
  }

  @Override
  public Map<Long, GraceDeclaration> activeHolders(Collection<Long> fineCaseIds) {
    if (fineCaseIds.isEmpty()) {
      return Map.of();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select distinct on (w.fine_case_id) w.fine_case_id, w.declaration_id"
                    + " from grace_waiver w join grace_declaration d on d.id = w.declaration_id"
                    + " where w.fine_case_id in (:ids) and d.status in (:active)"
                    + " order by w.fine_case_id, w.declaration_id")
            .setParameter("ids", fineCaseIds)
            .setParameter("active", ACTIVE)
            .getResultList();
    Map<Long, GraceDeclaration> holders = new HashMap<>();
    for (Object[] row : rows) {
      holders.put(
          ((Number) row[0]).longValue(),
          em.find(GraceDeclaration.class, ((Number) row[1]).longValue()));
    }
    return holders;
  }

  @Override
  public boolean linkNew(long declarationId, long fineCaseId, Instant at) {
    // the update locks the declaration's row and re-reads its status after any revocation
    int counted =
        em.createNativeQuery(
                "update grace_declaration set covered_count = covered_count + 1"
                    + " where id = :declaration and status in (:active)")
            .setParameter("declaration", declarationId)
            .setParameter("active", ACTIVE)
            .executeUpdate();
    if (counted == 0) {
      return false;
    }
    int linked =
        em.createNativeQuery(
                "insert into grace_waiver (declaration_id, fine_case_id, waived_at)"
                    + " values (:declaration, :fineCase, cast(:at as timestamptz))"
                    + " on conflict (declaration_id, fine_case_id) do nothing")
            .setParameter("declaration", declarationId)
            .setParameter("fineCase", fineCaseId)
            .setParameter("at", at)
            .executeUpdate();
    if (linked == 0) {
      // linked already (asked twice): the count goes back, nothing else changes
      em.createNativeQuery(
              "update grace_declaration set covered_count = covered_count - 1"
                  + " where id = :declaration")
          .setParameter("declaration", declarationId)
          .executeUpdate();
      return false;
    }
    return true;
  }

  @Override
  public long countHeld(long declarationId) {
    return ((Number)
            em.createNativeQuery("select count(*) from grace_waiver where declaration_id = :d")
                .setParameter("d", declarationId)
                .getSingleResult())
        .longValue();
  }

  @Override
  public long countToWaive(GraceDeclaration d) {
    Query q = em.createNativeQuery("select count(*)" + covered(d) + " and f.state <> 'WAIVED'");
    bindCovered(q, d);
    return ((Number) q.getSingleResult()).longValue();
  }

  @Override
  public void admitNewCase() {
    advisoryLock("pg_advisory_xact_lock_shared");
  }

  @Override
  public void awaitCasesInFlight() {
    advisoryLock("pg_advisory_xact_lock");
  }

  /**
   * A transaction-level advisory lock on {@link #NEW_CASES}, released when the transaction ends.
   */
  private void advisoryLock(String function) {
    em.createNativeQuery("select count(*) from (select " + function + "(:key)) l")
        .setParameter("key", NEW_CASES)
        .getSingleResult();
  }

  private static List<Long> ids(Query q) {
    @SuppressWarnings("unchecked")
    List<Object> rows = q.getResultList();
    return rows.stream().map(r -> ((Number) r).longValue()).toList();
  }
}
