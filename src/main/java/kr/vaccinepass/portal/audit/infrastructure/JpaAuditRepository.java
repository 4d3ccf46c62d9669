package kr.vaccinepass.portal.audit.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kr.vaccinepass.portal.audit.domain.AuditActor;
import kr.vaccinepass.portal.audit.domain.AuditChain;
import kr.vaccinepass.portal.audit.domain.AuditEntry;
import kr.vaccinepass.portal.audit.domain.AuditFact;
import kr.vaccinepass.portal.audit.domain.AuditFilter;
import kr.vaccinepass.portal.audit.domain.AuditKind;
import kr.vaccinepass.portal.audit.domain.AuditRepository;
import kr.vaccinepass.portal.shared.domain.PageRequest;

@ApplicationScoped
class JpaAuditRepository implements AuditRepository {
  /** The advisory lock that gives the chain one order ("audit" in ASCII). */
  static final long CHAIN = 0x6175646974L;

  private static final int BATCH = 1_000;

  @PersistenceContext EntityManager em;

  @Override
  public AuditEntry append(Instant at, AuditActor who, AuditFact what) {
    // held until the transaction ends: the next append reads this one's hash only once committed
    em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(:key)) l")
        .setParameter("key", CHAIN)
        .getSingleResult();
    @SuppressWarnings("unchecked")
    List<Object[]> last =
        em.createNativeQuery("select seq, hash from audit_entry order by seq desc limit 1")
            .getResultList();
    long seq = last.isEmpty() ? 0 : ((Number) last.get(0)[0]).longValue();
    String hash = last.isEmpty() ? AuditChain.GENESIS : (String) last.get(0)[1];
    AuditEntry entry = AuditEntry.after(seq, hash, at, who, what);
    em.persist(entry);
    em.flush();
    return entry;
  }

  @Override
  public List<AuditEntry> list(AuditFilter filter, PageRequest page) {
    Map<String, Object> params = new LinkedHashMap<>();
    TypedQuery<AuditEntry> query =
        em.createQuery(
            "select e from AuditEntry e"
                + where(filter, params)
                + " order by e.seq "
                + (page.sortField() != null && page.ascending() ? "asc" : "desc"),
            AuditEntry.class);
    params.forEach(query::setParameter);
    return query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
  }

  @Override
  public long count(AuditFilter filter) {
    Map<String, Object> params = new LinkedHashMap<>();
    TypedQuery<Long> query =
        em.createQuery("select count(e) from AuditEntry e" + where(filter, params), Long.class);
    params.forEach(query::setParameter);
    return query.getSingleResult();
  }

  private static String where(AuditFilter f, Map<String, Object> params) {
    List<String> parts = new ArrayList<>();
    if (f.actorId() != null) {
      parts.add("e.actorId = :actor");
      params.put("actor", f.actorId());
    }
    if (f.kind() != null) {
      parts.add("e.kind = :kind");
      params.put("kind", f.kind());
    }
    if (f.subject() != null) {
      List<AuditKind> kinds = new ArrayList<>();
      for (AuditKind k : AuditKind.values()) {
        if (k.subject() == f.subject()) {
          kinds.add(k);
        }
      }
      parts.add("e.kind in :kinds");
      params.put("kinds", kinds);
    }
    if (f.objectId() != null) {
      parts.add("e.objectId = :object");
      params.put("object", f.objectId());
    }
    if (f.facilityId() != null) {
      parts.add("e.facilityId = :facility");
      params.put("facility", f.facilityId());
    }
    if (f.from() != null) {
      parts.add("e.at >= :from");
      params.put("from", f.from());
    }
    if (f.to() != null) {
      parts.add("e.at < :to");
      params.put("to", f.to());
    }
    return parts.isEmpty() ? "" : " where " + String.join(" and ", parts);
  }

  @Override
  public void inOrder(Consumer<AuditEntry> each) {
    long after = Long.MIN_VALUE;
    while (true) {
      List<AuditEntry> batch =
          em.createQuery(
                  "select e from AuditEntry e where e.seq > :after order by e.seq",
                  AuditEntry.class)
              .setParameter("after", after)
              .setMaxResults(BATCH)
              .getResultList();
      for (AuditEntry e : batch) {
        each.accept(e);
        em.detach(e);
        after = e.getSeq();
      }
      if (batch.size() < BATCH) {
        return;
      }
    }
  }

  @Override
  public List<AuditEntry> visitRecordReads(Collection<Long> facilityIds, PageRequest page) {
    if (facilityIds.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select e from AuditEntry e where e.facilityId in :facilities and e.kind in :kinds"
                + " order by e.seq desc",
            AuditEntry.class)
        .setParameter("facilities", facilityIds)
        .setParameter("kinds", visitRecordReadKinds())
        .setFirstResult(page.offset())
        .setMaxResults(page.size())
        .getResultList();
  }

  @Override
  public long countVisitRecordReads(Collection<Long> facilityIds) {
    if (facilityIds.isEmpty()) {
      return 0;
    }
    return em.createQuery(
            "select count(e) from AuditEntry e where e.facilityId in :facilities"
                + " and e.kind in :kinds",
            Long.class)
        .setParameter("facilities", facilityIds)
        .setParameter("kinds", visitRecordReadKinds())
        .getSingleResult();
  }

  private static List<AuditKind> visitRecordReadKinds() {
    List<AuditKind> kinds = new ArrayList<>();
    for (AuditKind k : AuditKind.values()) {
      if (k.isVisitRecordRead()) {
        kinds.add(k);
      }
    }
    return kinds;
  }

  @Override
  public int pruneExpired() {
    return em.createNativeQuery(
            "delete from audit_entry where recorded_at < now() - make_interval(days => :days)")
        .setParameter("days", AuditRepository.RETENTION_DAYS)
        .executeUpdate();
  }
}
