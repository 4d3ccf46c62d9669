package kr.vaccinepass.portal.visit.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.vaccinepass.portal.shared.domain.PageRequest;
import kr.vaccinepass.portal.shared.infrastructure.ClockProducer;
import kr.vaccinepass.portal.visit.domain.DeviceKey;
import kr.vaccinepass.portal.visit.domain.Visit;
import kr.vaccinepass.portal.visit.domain.VisitFilter;
import kr.vaccinepass.portal.visit.domain.VisitRepository;

@ApplicationScoped
class JpaVisitRepository implements VisitRepository {
  /** The list columns one may sort by. */
  private static final Map<String, String> SORTS =
      Map.of("visitedAt", "v.visitedAt", "method", "v.method", "outcome", "v.outcome");

  @PersistenceContext EntityManager em;

  @Override
  public Visit add(Visit visit) {
    em.persist(visit);
    em.flush();
    return visit;
  }

  @Override
  public Optional<Visit> find(long id) {
    return Optional.ofNullable(em.find(Visit.class, id));
  }

  @Override
  public Optional<Visit> findByNonce(String nonce) {
    return em.createQuery("select v from Visit v where v.tokenNonce = :nonce", Visit.class)
        .setParameter("nonce", nonce)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Visit> findCall(String callId) {
    return em.createQuery(
            "select v from Visit v where v.method = :method and v.externalRef = :ref", Visit.class)
        .setParameter("method", kr.vaccinepass.portal.visit.domain.VisitMethod.CALL)
        .setParameter("ref", callId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Visit> list(long facilityId, Instant since, VisitFilter filter, PageRequest page) {
    // Map.of refuses null keys, even to look them up
    String sort =
        page.sortField() == null
            ? "v.visitedAt"
            : SORTS.getOrDefault(page.sortField(), "v.visitedAt");
    String direction = page.sortField() == null ? "desc" : page.ascending() ? "asc" : "desc";
    TypedQuery<Visit> query =
        em.createQuery(
            "select v from Visit v"
                + where(filter)
                + " order by "
                + sort
                + " "
                + direction
                + ", v.visitedAt desc, v.id desc",
            Visit.class);
    bind(query::setParameter, facilityId, since, filter);
    return query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
  }

  @Override
  public long count(long facilityId, Instant since, VisitFilter filter) {
    TypedQuery<Long> query =
        em.createQuery("select count(v) from Visit v" + where(filter), Long.class);
    bind(query::setParameter, facilityId, since, filter);
    return query.getSingleResult();
  }

  private static String where(VisitFilter f) {
    StringBuilder where =
        new StringBuilder(" where v.facilityId = :facility and v.visitedAt >= :since");
    if (f.day() != null) {
      where.append(" and v.visitedAt >= :dayStart and v.visitedAt < :dayEnd");
    }
    if (f.hour() != null) {
      where.append(" and v.visitedAt >= :hourStart and v.visitedAt < :hourEnd");
    }
    if (f.method() != null) {
      where.append(" and v.method = :method");
    }
    if (f.outcome() != null) {
      where.append(" and v.outcome = :outcome");
    }
    return where.toString();
  }

  private interface Binder {
    Object bind(String name, Object value);
  }

  private static void bind(Binder q, long facilityId, Instant since, VisitFilter f) {
    q.bind("facility", facilityId);
    q.bind("since", since);
    if (f.day() != null) {
      q.bind("dayStart", f.day().atStartOfDay(ClockProducer.KST).toInstant());
      q.bind("dayEnd", f.day().plusDays(1).atStartOfDay(ClockProducer.KST).toInstant());
    }
    if (f.hour() != null) {
      // an hour of the chosen day (today when no day is chosen), as a range the index can use
      LocalDate day = f.day() != null ? f.day() : LocalDate.now(ClockProducer.KST);
      Instant start = day.atTime(f.hour(), 0).atZone(ClockProducer.KST).toInstant();
      q.bind("hourStart", start);
      q.bind("hourEnd", start.plusSeconds(3600));
    }
    if (f.method() != null) {
      q.bind("method", f.method());
    }
    if (f.outcome() != null) {
      q.bind("outcome", f.outcome());
    }
  }

  @Override
  public long[] perHour(long facilityId, LocalDate day) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select cast(extract(hour from visited_at at time zone 'Asia/Seoul') as int),"
                    + " count(*) from visit where facility_id = ?1 and visited_at >= ?2"
                    + " and visited_at < ?3 group by 1")
            .setParameter(1, facilityId)
            .setParameter(2, day.atStartOfDay(ClockProducer.KST).toInstant())
            .setParameter(3, day.plusDays(1).atStartOfDay(ClockProducer.KST).toInstant())
            .getResultList();
    long[] hours = new long[24];
    for (Object[] row : rows) {
      hours[((Number) row[0]).intValue()] = ((Number) row[1]).longValue();
    }
    return hours;
  }

  @Override
  public int deleteBefore(Instant cutoff) {
    return em.createQuery("delete from Visit v where v.visitedAt < :cutoff")
        .setParameter("cutoff", cutoff)
        .executeUpdate();
  }

  @Override
  public void addDenials(LocalDate day, long facilityId, String code, long count) {
    em.createNativeQuery(
            "insert into checkin_denial (day, facility_id, code, count) values (?1, ?2, ?3, ?4)"
                + " on conflict (day, facility_id, code)"
                + " do update set count = checkin_denial.count + excluded.count")
        .setParameter(1, day)
        .setParameter(2, facilityId)
        .setParameter(3, code)
        .setParameter(4, count)
        .executeUpdate();
  }

  @Override
  public long denials(LocalDate day, long facilityId, String code) {
    List<?> rows =
        em.createNativeQuery(
                "select count from checkin_denial where day = ?1 and facility_id = ?2 and code = ?3")
            .setParameter(1, day)
            .setParameter(2, facilityId)
            .setParameter(3, code)
            .getResultList();
    return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
  }

  @Override
  public long denials(LocalDate day, long facilityId) {
    return ((Number)
            em.createNativeQuery(
                    "select coalesce(sum(count), 0) from checkin_denial"
                        + " where day = ?1 and facility_id = ?2")
                .setParameter(1, day)
                .setParameter(2, facilityId)
                .getSingleResult())
        .longValue();
  }

  @Override
  public DeviceKey add(DeviceKey key) {
    em.persist(key);
    return key;
  }

  @Override
  public Optional<DeviceKey> findDeviceKey(long id) {
    return Optional.ofNullable(em.find(DeviceKey.class, id));
  }

  @Override
  public Optional<DeviceKey> findDeviceKeyByHash(String secretHash) {
    return em.createQuery("select k from DeviceKey k where k.secretHash = :hash", DeviceKey.class)
        .setParameter("hash", secretHash)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<DeviceKey> deviceKeys(long facilityId) {
    return em.createQuery(
            "select k from DeviceKey k where k.facilityId = :facility order by k.createdAt desc",
            DeviceKey.class)
        .setParameter("facility", facilityId)
        .getResultList();
  }
}
