package kr.vaccinepass.portal.visit.infrastructure;

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
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.domain.PageRequest;
import kr.vaccinepass.portal.shared.infrastructure.NativeValues;
import kr.vaccinepass.portal.visit.domain.DeviceKey;
import kr.vaccinepass.portal.visit.domain.DoorMode;
import kr.vaccinepass.portal.visit.domain.DoorRecord;
import kr.vaccinepass.portal.visit.domain.DoorReport;
import kr.vaccinepass.portal.visit.domain.DoorState;
import kr.vaccinepass.portal.visit.domain.DoorSyncStatus;
import kr.vaccinepass.portal.visit.domain.RegionDoors;
import kr.vaccinepass.portal.visit.domain.Visit;
import kr.vaccinepass.portal.visit.domain.VisitFilter;
import kr.vaccinepass.portal.visit.domain.VisitRepository;

@ApplicationScoped
class JpaVisitRepository implements VisitRepository {
  /** The list columns one may sort by. */
  private static final Map<String, String> SORTS =
      Map.of("visitedAt", "v.visitedAt", "method", "v.method", "outcome", "v.outcome");

  private static final java.time.format.DateTimeFormatter PARTITION_DAY =
      java.time.format.DateTimeFormatter.BASIC_ISO_DATE;

  @PersistenceContext EntityManager em;

  @Resource(lookup = "java:jboss/datasources/PortalDS")
  DataSource dataSource;

  @Override
  public Visit add(Visit visit) {
    em.persist(visit);
    em.flush();
    String claim = visit.claim();
    if (claim != null) {
      // unique across all visits: a second visit with the same nonce or call id fails here
      em.createNativeQuery(
              "insert into visit_claim (claim, visit_id, visited_at) values (?1, ?2, ?3)")
          .setParameter(1, claim)
          .setParameter(2, visit.getId())
          .setParameter(3, visit.getVisitedAt())
          .executeUpdate();
    }
    return visit;
  }

  @Override
  public List<Long> addAll(List<Visit> batch) {
    return insertClaimed(batch);
  }

  @Override
  public List<Long> addDoorVisits(List<Visit> batch) {
    return insertClaimed(batch);
  }

  /**
   * Visits with a claim (QR check-ins, door-verified visits) in one statement, through the JTA data
   * source's connection of the caller's transaction: each visit's id, in order, or null where its
   * claim was taken already.
   */
  private List<Long> insertClaimed(List<Visit> batch) {
    if (batch.isEmpty()) {
      return List.of();
    }
    int n = batch.size();
    Object[][] columns = {
      new String[n],
      new Long[n],
      new OffsetDateTime[n],
      new String[n],
      new String[n],
      new String[n],
      new String[n],
      new String[n],
      new String[n],
      new String[n],
      new Long[n],
      new OffsetDateTime[n],
      new Boolean[n],
      new String[n]
    };
    for (int i = 0; i < n; i++) {
      Visit v = batch.get(i);
      columns[0][i] = v.claim();
      columns[1][i] = v.getFacilityId();
      columns[2][i] = OffsetDateTime.ofInstant(v.getVisitedAt(), ZoneOffset.UTC);
      columns[3][i] = v.getMethod().name();
      columns[4][i] = v.getOutcome().name();
      columns[5][i] = v.getReason() == null ? null : v.getReason().name();
      columns[6][i] = v.getIssuerCode();
      columns[7][i] = v.getHolderId();
      columns[8][i] = v.getTokenNonce();
      columns[9][i] = v.getTokenHash();
      columns[10][i] = v.getRecordedBy();
      columns[11][i] = OffsetDateTime.ofInstant(v.getCreatedAt(), ZoneOffset.UTC);
      columns[12][i] = v.isDoorVerified();
      columns[13][i] = v.getDoorDisagreement() == null ? null : v.getDoorDisagreement().name();
    }
    String[] types = {
      "varchar",
      "int8",
      "timestamptz",
      "varchar",
      "varchar",
      "varchar",
      "varchar",
      "varchar",
      "varchar",
      "varchar",
      "int8",
      "timestamptz",
      "bool",
      "varchar"
    };
    Long[] answer = new Long[n];
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(CLAIMED_INSERT)) {
      for (int k = 0; k < columns.length; k++) {
        s.setArray(k + 1, c.createArrayOf(types[k], columns[k]));
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          answer[r.getInt(1) - 1] = r.getLong(2);
        }
      }
      return Arrays.asList(answer);
    } catch (SQLException e) {
      throw new IllegalStateException("the batch of visits could not be written", e);
    }
  }

  /**
   * One statement, one round trip, the same text for every batch (so PostgreSQL plans it once): the
   * rows come in as arrays, each gets its id from the visit sequence, its claim is inserted unless
   * taken ({@code on conflict do nothing}), and only the rows whose claim went in are inserted as
   * visits. It answers the 1-based position and the id of each row stored.
   */
  private static final String CLAIMED_INSERT =
      """
      with input as materialized (
        select u.ord, nextval(pg_get_serial_sequence('visit', 'id')) as id, u.claim,
               u.facility_id, u.visited_at, u.method, u.outcome, u.reason, u.issuer_code,
               u.holder_id, u.token_nonce, u.token_hash, u.recorded_by, u.created_at,
               u.door_verified, u.door_disagreement
          from unnest(?::varchar[], ?::int8[], ?::timestamptz[], ?::varchar[], ?::varchar[],
                      ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                      ?::int8[], ?::timestamptz[], ?::bool[], ?::varchar[])
               with ordinality as u(claim, facility_id, visited_at, method, outcome, reason,
                                    issuer_code, holder_id, token_nonce, token_hash, recorded_by,
                                    created_at, door_verified, door_disagreement, ord)),
      claimed as (
        insert into visit_claim (claim, visit_id, visited_at)
        select claim, id, visited_at from input
        on conflict (claim) do nothing
        returning visit_id),
      stored as (
        insert into visit (id, facility_id, visited_at, method, outcome, reason, issuer_code,
                           holder_id, token_nonce, token_hash, recorded_by, created_at,
                           door_verified, door_disagreement)
        select i.id, i.facility_id, i.visited_at, i.method, i.outcome, i.reason, i.issuer_code,
               i.holder_id, i.token_nonce, i.token_hash, i.recorded_by, i.created_at,
               i.door_verified, i.door_disagreement
          from input i join claimed c on c.visit_id = i.id
        returning id)
      select i.ord, i.id from input i join stored s on s.id = i.id
      """;

  @Override
  public boolean reachable() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public Optional<Visit> find(long id) {
    return Optional.ofNullable(em.find(Visit.class, id));
  }

  @Override
  public Optional<Visit> findByNonce(String nonce) {
    return byClaim("nonce:" + nonce);
  }

  @Override
  public Optional<Visit> findCall(String callId) {
    return byClaim("call:" + callId);
  }

  private Optional<Visit> byClaim(String claim) {
    List<?> ids =
        em.createNativeQuery("select visit_id from visit_claim where claim = ?1")
            .setParameter(1, claim)
            .getResultList();
    return ids.isEmpty()
        ? Optional.empty()
        : Optional.ofNullable(em.find(Visit.class, ((Number) ids.get(0)).longValue()));
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
      q.bind("dayStart", f.day().atStartOfDay(Kst.ZONE).toInstant());
      q.bind("dayEnd", f.day().plusDays(1).atStartOfDay(Kst.ZONE).toInstant());
    }
    if (f.hour() != null) {
      // an hour of the chosen day, as a range the index can use; "today" is the portal clock's,
      // which the service puts in when no day was chosen (VisitRecordService), never the machine's
      LocalDate day =
          Objects.requireNonNull(f.day(), "an hour is filtered within a day (the service's today)");
      Instant start = day.atTime(f.hour(), 0).atZone(Kst.ZONE).toInstant();
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
            .setParameter(2, day.atStartOfDay(Kst.ZONE).toInstant())
            .setParameter(3, day.plusDays(1).atStartOfDay(Kst.ZONE).toInstant())
            .getResultList();
    long[] hours = new long[24];
    for (Object[] row : rows) {
      hours[((Number) row[0]).intValue()] = ((Number) row[1]).longValue();
    }
    return hours;
  }

  @Override
  public int deleteBefore(Instant cutoff) {
    // the doors' sync records have no personal data, and go with the visits' retention
    em.createNativeQuery("delete from door_record where happened_at < ?1")
        .setParameter(1, cutoff)
        .executeUpdate();
    em.createNativeQuery("delete from visit_claim where claim like 'call:%' and visited_at < ?1")
        .setParameter(1, cutoff)
        .executeUpdate();
    return em.createNativeQuery("delete from visit_default where visited_at < ?1")
        .setParameter(1, cutoff)
        .executeUpdate();
  }

  @Override
  public int deleteNonceClaimsBefore(Instant cutoff) {
    return em.createNativeQuery(
            "delete from visit_claim where claim like 'nonce:%' and visited_at < ?1")
        .setParameter(1, cutoff)
        .executeUpdate();
  }

  @Override
  public List<LocalDate> partitionDays() {
    List<?> names =
        em.createNativeQuery(
                "select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                    + " where i.inhparent = 'visit'::regclass and c.relname ~ '^visit_[0-9]{8}$'")
            .getResultList();
    return names.stream()
        .map(n -> LocalDate.parse(((String) n).substring(6), PARTITION_DAY))
        .sorted()
        .toList();
  }

  @Override
  public boolean createPartition(LocalDate day) {
    Instant from = day.atStartOfDay(Kst.ZONE).toInstant();
    Instant until = day.plusDays(1).atStartOfDay(Kst.ZONE).toInstant();
    boolean strays =
        !em.createNativeQuery(
                "select 1 from visit_default where visited_at >= ?1 and visited_at < ?2 limit 1")
            .setParameter(1, from)
            .setParameter(2, until)
            .getResultList()
            .isEmpty();
    if (strays) {
      return false;
    }
    em.createNativeQuery(
            "create table if not exists "
                + partitionName(day)
                + " partition of visit for values from ('"
                + from
                + "') to ('"
                + until
                + "')")
        .executeUpdate();
    return true;
  }

  @Override
  public void dropPartition(LocalDate day) {
    em.createNativeQuery("drop table if exists " + partitionName(day)).executeUpdate();
  }

  /** visit_YYYYMMDD: made of digits only, never of input. */
  private static String partitionName(LocalDate day) {
    return "visit_" + day.format(PARTITION_DAY);
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

  private static final String DOOR_RECORD_COLUMNS =
      "facility_id, record_id, token_nonce, token_hash, happened_at, door_code, status,"
          + " server_code, reason, visit_id, flagged, synced_at";

  @Override
  public Optional<DoorRecord> findDoorRecord(long facilityId, String recordId) {
    List<?> rows =
        em.createNativeQuery(
                "select "
                    + DOOR_RECORD_COLUMNS
                    + " from door_record where facility_id = ?1 and record_id = ?2")
            .setParameter(1, facilityId)
            .setParameter(2, recordId)
            .getResultList();
    return rows.stream().findFirst().map(r -> doorRecord((Object[]) r));
  }

  @Override
  public Optional<DoorRecord> admittedDoorRecord(String nonce) {
    List<?> rows =
        em.createNativeQuery(
                "select "
                    + DOOR_RECORD_COLUMNS
                    + " from door_record where token_nonce = ?1 and visit_id is not null"
                    + " and status in ('STORED', 'DISAGREEMENT') order by happened_at limit 1")
            .setParameter(1, nonce)
            .getResultList();
    return rows.stream().findFirst().map(r -> doorRecord((Object[]) r));
  }

  @Override
  public Set<String> doorRecordIds(long facilityId, Collection<String> recordIds) {
    if (recordIds.isEmpty()) {
      return Set.of();
    }
    Set<String> found = new HashSet<>();
    for (Object id :
        em.createNativeQuery(
                "select record_id from door_record where facility_id = ?1 and record_id in (?2)")
            .setParameter(1, facilityId)
            .setParameter(2, recordIds)
            .getResultList()) {
      found.add((String) id);
    }
    return found;
  }

  @Override
  public Set<String> seenNonces(Collection<String> nonces) {
    if (nonces.isEmpty()) {
      return Set.of();
    }
    List<String> claims = nonces.stream().map(n -> "nonce:" + n).toList();
    Set<String> found = new HashSet<>();
    for (Object nonce :
        em.createNativeQuery(
                "select substr(claim, 7) from visit_claim where claim in (?1)"
                    + " union select token_nonce from door_record where token_nonce in (?2)"
                    + " and visit_id is not null and status in ('STORED', 'DISAGREEMENT')")
            .setParameter(1, claims)
            .setParameter(2, nonces)
            .getResultList()) {
      found.add((String) nonce);
    }
    return found;
  }

  @Override
  public void displaceDoorVisit(DoorRecord r) {
    em.createNativeQuery("delete from visit_claim where claim = ?1 and visit_id = ?2")
        .setParameter(1, "nonce:" + r.nonce())
        .setParameter(2, r.visitId())
        .executeUpdate();
    em.createNativeQuery("delete from visit where id = ?1 and visited_at = ?2")
        .setParameter(1, r.visitId())
        .setParameter(2, r.at())
        .executeUpdate();
    em.createNativeQuery(
            "update door_record set status = 'REPLAY', server_code = 'REPLAYED', reason = null,"
                + " visit_id = null, flagged = false where facility_id = ?1 and record_id = ?2")
        .setParameter(1, r.facilityId())
        .setParameter(2, r.recordId())
        .executeUpdate();
  }

  @Override
  public int addDoorRecords(List<DoorRecord> batch) {
    if (batch.isEmpty()) {
      return 0;
    }
    int n = batch.size();
    Object[][] columns = {
      new Long[n],
      new String[n],
      new String[n],
      new String[n],
      new OffsetDateTime[n],
      new String[n],
      new String[n],
      new String[n],
      new String[n],
      new Long[n],
      new Boolean[n],
      new OffsetDateTime[n]
    };
    for (int i = 0; i < n; i++) {
      DoorRecord r = batch.get(i);
      columns[0][i] = r.facilityId();
      columns[1][i] = r.recordId();
      columns[2][i] = r.nonce();
      columns[3][i] = r.tokenHash();
      columns[4][i] = OffsetDateTime.ofInstant(r.at(), ZoneOffset.UTC);
      columns[5][i] = r.doorCode();
      columns[6][i] = r.status().name();
      columns[7][i] = r.serverCode();
      columns[8][i] = r.reason();
      columns[9][i] = r.visitId();
      columns[10][i] = r.flagged();
      columns[11][i] = OffsetDateTime.ofInstant(r.syncedAt(), ZoneOffset.UTC);
    }
    String[] types = {
      "int8",
      "varchar",
      "varchar",
      "varchar",
      "timestamptz",
      "varchar",
      "varchar",
      "varchar",
      "varchar",
      "int8",
      "bool",
      "timestamptz"
    };
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "insert into door_record ("
                    + DOOR_RECORD_COLUMNS
                    + ") select * from unnest(?::int8[], ?::varchar[], ?::varchar[],"
                    + " ?::varchar[], ?::timestamptz[], ?::varchar[], ?::varchar[],"
                    + " ?::varchar[], ?::varchar[], ?::int8[], ?::bool[], ?::timestamptz[])"
                    + " on conflict (facility_id, record_id) do nothing")) {
      for (int k = 0; k < columns.length; k++) {
        s.setArray(k + 1, c.createArrayOf(types[k], columns[k]));
      }
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("the door's records could not be written", e);
    }
  }

  private static DoorRecord doorRecord(Object[] r) {
    return new DoorRecord(
        ((Number) r[0]).longValue(),
        (String) r[1],
        (String) r[2],
        (String) r[3],
        NativeValues.instant(r[4]),
        (String) r[5],
        DoorSyncStatus.valueOf((String) r[6]),
        (String) r[7],
        (String) r[8],
        r[9] == null ? null : ((Number) r[9]).longValue(),
        (Boolean) r[10],
        NativeValues.instant(r[11]));
  }

  /** A door's heartbeat: one statement, whether the door reported before or not. */
  private static final String DOOR_STATE_UPSERT =
      """
      insert into door_state (device_key_id, last_seen_at, mode, queued, oldest_queued_at,
                              snapshot_issued_at, clock_offset_ms)
      values (?, ?, ?, ?, ?, ?, ?)
      on conflict (device_key_id) do update set
        last_seen_at = excluded.last_seen_at, mode = excluded.mode, queued = excluded.queued,
        oldest_queued_at = excluded.oldest_queued_at,
        snapshot_issued_at = excluded.snapshot_issued_at,
        clock_offset_ms = excluded.clock_offset_ms
      """;

  @Override
  public void reportDoorState(long deviceKeyId, Instant seenAt, DoorReport report) {
    // JDBC on the transaction's own connection (JTA): a null instant needs its SQL type
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(DOOR_STATE_UPSERT)) {
      s.setLong(1, deviceKeyId);
      s.setObject(2, OffsetDateTime.ofInstant(seenAt, ZoneOffset.UTC));
      s.setString(3, report.mode().name());
      s.setInt(4, report.queued());
      setInstant(s, 5, report.oldestQueuedAt());
      setInstant(s, 6, report.snapshotIssuedAt());
      if (report.clockOffsetMs() == null) {
        s.setNull(7, Types.BIGINT);
      } else {
        s.setLong(7, report.clockOffsetMs());
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("the door's state could not be written", e);
    }
  }

  private static void setInstant(PreparedStatement s, int index, Instant value)
      throws SQLException {
    if (value == null) {
      s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      s.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
    }
  }

  @Override
  public Map<Long, DoorState> doorStates(long facilityId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select s.device_key_id, s.last_seen_at, s.mode, s.queued, s.oldest_queued_at,"
                    + " s.snapshot_issued_at, s.clock_offset_ms from door_state s"
                    + " join device_key k on k.id = s.device_key_id where k.facility_id = ?1")
            .setParameter(1, facilityId)
            .getResultList();
    Map<Long, DoorState> states = new HashMap<>();
    for (Object[] r : rows) {
      long keyId = ((Number) r[0]).longValue();
      states.put(
          keyId,
          new DoorState(
              keyId,
              NativeValues.instant(r[1]),
              new DoorReport(
                  DoorMode.valueOf((String) r[2]),
                  ((Number) r[3]).intValue(),
                  r[4] == null ? null : NativeValues.instant(r[4]),
                  r[5] == null ? null : NativeValues.instant(r[5]),
                  r[6] == null ? null : ((Number) r[6]).longValue())));
    }
    return states;
  }

  /**
   * Joins the facility's table for its 시군구 (the region is the facility's, and a facility may move:
   * it is not copied into door_state); the rule's windows and modes come from the caller.
   */
  @Override
  public List<RegionDoors> doorsPerRegion(
      Instant reportingSince, Instant countedSince, Set<DoorMode> degraded) {
    List<String> modes = degraded.stream().map(DoorMode::name).sorted().toList();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select f.sigungu_code, count(*),"
                    + " count(*) filter (where s.last_seen_at < :reporting),"
                    + " count(*) filter (where s.last_seen_at >= :reporting"
                    + " and s.mode in (:modes)),"
                    + " coalesce(sum(s.queued), 0)"
                    + " from door_state s join device_key k on k.id = s.device_key_id"
                    + " join facility f on f.id = k.facility_id"
                    + " where k.revoked_at is null and s.last_seen_at >= :counted"
                    + " group by f.sigungu_code order by f.sigungu_code")
            .setParameter("reporting", reportingSince)
            .setParameter("counted", countedSince)
            .setParameter("modes", modes.isEmpty() ? List.of("") : modes)
            .getResultList();
    List<RegionDoors> regions = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      regions.add(
          new RegionDoors(
              (String) r[0],
              ((Number) r[1]).longValue(),
              ((Number) r[2]).longValue(),
              ((Number) r[3]).longValue(),
              ((Number) r[4]).longValue()));
    }
    return regions;
  }
}
