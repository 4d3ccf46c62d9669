package kr.vaccinepass.portal.audit.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import kr.vaccinepass.portal.audit.domain.AuditChain;
import kr.vaccinepass.portal.audit.domain.AuditEntry;
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

  @Resource(lookup = "java:jboss/datasources/PortalDS")
  DataSource dataSource;

  /**
   * Runs as the transaction completes (AuditTrail's synchronization), over JDBC on the
   * transaction's own connection: the persistence context may already have been flushed for the
   * last time. The advisory lock is held from here until the commit, a few milliseconds.
   */
  @Override
  public void append(List<Pending> entries) {
    if (entries.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
        lock.setLong(1, CHAIN);
        lock.executeQuery().close();
      }
      long seq = 0;
      String hash = AuditChain.GENESIS;
      try (PreparedStatement last =
              c.prepareStatement("select seq, hash from audit_entry order by seq desc limit 1");
          ResultSet r = last.executeQuery()) {
        if (r.next()) {
          seq = r.getLong(1);
          hash = r.getString(2);
        }
      }
      try (PreparedStatement insert = c.prepareStatement(INSERT)) {
        for (Pending p : entries) {
          AuditEntry e = AuditEntry.after(seq, hash, p.at(), p.who(), p.what());
          bind(insert, e);
          insert.addBatch();
          seq = e.getSeq();
          hash = e.getHash();
        }
        insert.executeBatch();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the audit trail could not be written", e);
    }
  }

  private static final String INSERT =
      "insert into audit_entry (seq, at, actor_id, actor_role, authority, address, kind,"
          + " object_id, facility_id, fields, detail, reason, prev_hash, hash)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static void bind(PreparedStatement s, AuditEntry e) throws SQLException {
    s.setLong(1, e.getSeq());
    s.setObject(2, OffsetDateTime.ofInstant(e.getAt(), ZoneOffset.UTC));
    s.setObject(3, e.getActorId(), Types.BIGINT);
    s.setString(4, e.getActorRole() == null ? null : e.getActorRole().name());
    s.setString(5, e.getAuthority());
    s.setString(6, e.getAddress());
    s.setString(7, e.getKind().name());
    s.setString(8, e.getObjectId());
    s.setObject(9, e.getFacilityId(), Types.BIGINT);
    s.setString(10, e.getFieldNames());
    s.setString(11, e.getDetail());
    s.setString(12, e.getReason());
    s.setString(13, e.getPrevHash());
    s.setString(14, e.getHash());
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
  public List<AuditEntry> visitRecordReads(
      Collection<Long> facilityIds, long notBy, PageRequest page) {
    if (facilityIds.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select e from AuditEntry e where e.facilityId in :facilities and e.kind in :kinds"
                + " and (e.actorId is null or e.actorId <> :me) order by e.seq desc",
            AuditEntry.class)
        .setParameter("facilities", facilityIds)
        .setParameter("me", notBy)
        .setParameter("kinds", visitRecordReadKinds())
        .setFirstResult(page.offset())
        .setMaxResults(page.size())
        .getResultList();
  }

  @Override
  public long countVisitRecordReads(Collection<Long> facilityIds, long notBy) {
    if (facilityIds.isEmpty()) {
      return 0;
    }
    return em.createQuery(
            "select count(e) from AuditEntry e where e.facilityId in :facilities"
                + " and e.kind in :kinds and (e.actorId is null or e.actorId <> :me)",
            Long.class)
        .setParameter("facilities", facilityIds)
        .setParameter("me", notBy)
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
