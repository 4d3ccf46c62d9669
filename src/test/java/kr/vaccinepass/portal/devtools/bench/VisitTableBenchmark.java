package kr.vaccinepass.portal.devtools.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import kr.vaccinepass.portal.demo.DemoData;
import kr.vaccinepass.portal.devtools.PortalProcess;
import kr.vaccinepass.portal.facility.domain.BusinessRegistrationNumber;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.visit.domain.TraceWindow;
import kr.vaccinepass.portal.visit.infrastructure.TraceQueries;
import org.HdrHistogram.Histogram;

/**
 * The visit table benchmark: the visit table filled with synthetic visits over 28 days (1 million,
 * then 10 million rows by default; SQL {@code generate_series} straight into the table), and at
 * each size the queries that read it, timed over JDBC: the owner's visit records page (the SQL that
 * {@code JpaVisitRepository.list} and {@code count} run for /owner/visits.xhtml) and the visitors
 * of one facility in a time window, the epidemiological traces exactly as the portal runs them
 * ({@link TraceQueries}: a facility's visits over 4 hours, a holder's over 14 days and their
 * co-visitors), plus the time to destroy one day ({@link VisitDays}). The portal starts once to
 * migrate the schema and seed the demo owner, then stops: only PostgreSQL runs while this measures.
 */
final class VisitTableBenchmark {
  /** The columns of the Visit entity, in the order Hibernate selects them. */
  private static final String VISIT_COLUMNS =
      "v.id, v.check_method, v.checked_by, v.created_at, v.external_ref, v.facility_id,"
          + " v.holder_id, v.issuer_code, v.method, v.outcome, v.phone_last4, v.reason,"
          + " v.recorded_by, v.safety_number, v.token_hash, v.token_nonce, v.visited_at,"
          + " v.visitor_name, v.visitor_phone";

  /** JpaVisitRepository.list with no filter and no sort chosen, first page of 20: newest first. */
  static final String OWNER_PAGE =
      "select "
          + VISIT_COLUMNS
          + " from visit v where v.facility_id = ? and v.visited_at >= ?"
          + " order by v.visited_at desc, v.visited_at desc, v.id desc fetch first 20 rows only";

  /** JpaVisitRepository.count with no filter: the paginator's total over the 28 days kept. */
  static final String OWNER_COUNT =
      "select count(v.id) from visit v where v.facility_id = ? and v.visited_at >= ?";

  /** Who visited facility F between t1 and t2 (an epidemiological trace). */
  static final String VISITORS =
      "select v.visited_at, v.method, v.outcome, v.issuer_code, v.holder_id, v.phone_last4"
          + " from visit v where v.facility_id = ? and v.visited_at >= ? and v.visited_at < ?"
          + " order by v.visited_at";

  /**
   * One day's synthetic visits: row {@code g} at facility {@code ids[g mod n]} (spread by a
   * multiplicative hash), between 07:00 and 23:00 KST; a share of them 안심콜 calls (UNVERIFIED, an
   * external call id, a ciphertext-like phone), the rest QR visits with their nonce and the holder
   * id of one of a pool of holders ({@link HolderPool}), with that holder's issuer.
   */
  private static final String FILL =
      "insert into visit (facility_id, visited_at, method, outcome, reason, issuer_code,"
          + " holder_id, token_nonce, token_hash, external_ref, visitor_phone, phone_last4,"
          + " created_at)"
          + " select f.id, f.at,"
          + " case when f.call then 'CALL' else 'QR' end,"
          + " case when f.call then 'UNVERIFIED' else 'PASS' end,"
          + " case when f.call then null else 'VACCINATED' end,"
          + " case when f.call then null"
          + " else (array['KI_PASS','KAKAO','TOSS','PASS','COOV'])[1 + (f.h % 5)::int] end,"
          + " case when f.call then null else '"
          + HolderPool.PREFIX
          + "' || f.h end,"
          + " case when f.call then null else 'fill-' || f.g end,"
          + " case when f.call then null else md5(f.g::text) || md5('t' || f.g) end,"
          + " case when f.call then 'fill-call-' || f.g end,"
          + " case when f.call then 'k1.' || md5('p' || f.g) || substr(md5('q' || f.g), 1, 20)"
          + " end,"
          + " case when f.call then lpad((f.g % 10000)::text, 4, '0') end,"
          + " f.at"
          + " from (select g, (?::bigint[])[1 + ((g * 2654435761) % ?)::int] as id,"
          + " ?::timestamptz + interval '7 hours' + random() * interval '16 hours' as at,"
          + " (g * 40503 % 1000) < ? as call,"
          // the holder: hashed apart from the facility, a regular for 4 rows in 10
          + " ?::bigint + case when (hashint8extended(g, 1) & 9223372036854775807) % 10 < 4"
          + " then (hashint8extended(g, 2) & 9223372036854775807) % ?::bigint"
          + " else ?::bigint + (hashint8extended(g, 2) & 9223372036854775807) % ?::bigint"
          + " end as h"
          + " from generate_series(?::bigint, ?::bigint) g) f";

  /**
   * The holders of one size's new QR visits: {@code regulars} holders (a tenth) with 4 visits in 10
   * and the others with the rest, so that a holder has on average {@code bench.visits
   * .visitsPerHolder} visits over the days filled, a regular 4 times that and another two thirds of
   * it (with 20 over 28 days: about 40 and 7 in a 14-day window). Holder {@code h} is {@code
   * fill-holder-h} of issuer {@code h mod 5}; each size's holders follow those of the sizes before.
   */
  private record HolderPool(long first, long regulars, long others) {
    static final String PREFIX = "fill-holder-";
    static final String[] ISSUERS = {"KI_PASS", "KAKAO", "TOSS", "PASS", "COOV"};

    static HolderPool after(long first, long qrRows, double visitsPerHolder) {
      long holders = Math.max(2, Math.round(qrRows / visitsPerHolder));
      long regulars = Math.max(1, holders / 10);
      return new HolderPool(first, regulars, holders - regulars);
    }

    long end() {
      return first + regulars + others;
    }

    static String id(long h) {
      return PREFIX + h;
    }

    static String issuer(long h) {
      return ISSUERS[(int) (h % ISSUERS.length)];
    }
  }

  private final BenchConfig config;
  private final PortalProcess portal;
  private final VisitDays days = VisitDays.current();
  private final Random random = new Random(20220112);
  private final List<String> report = new ArrayList<>();
  private final List<String> plans = new ArrayList<>();

  private long[] facilities;
  private List<LocalDate> dayList;
  private Instant since;
  private long nextRow = 1;
  private String serverVersion = "?";
  private HolderPool holders;

  /** What one size measured. */
  private record Size(
      long rows,
      double fillSeconds,
      double vacuumSeconds,
      long tableBytes,
      Histogram ownerPage,
      Histogram ownerCount,
      Histogram visitors,
      double visitorsRows,
      double destroyMillis,
      long destroyedRows,
      Traces traces) {}

  /** The traces' queries at one size: their times and the rows each returned on average. */
  private record Traces(
      Histogram visitsAt,
      Histogram visitsOf,
      Histogram aroundVisitsOf,
      double visitsAtRows,
      double visitsOfRows,
      double aroundRows) {}

  VisitTableBenchmark(BenchConfig config, PortalProcess portal) {
    this.config = config;
    this.portal = portal;
  }

  void run() throws Exception {
    portal.startEmbeddedDatabase(config.dbPort);
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("portal.demo", "true");
    properties.put("portal.data.keys", PortalProcess.dataKey(portal.dataDir()));
    properties.put("portal.clock.start", config.clockStart);
    Log.say("Starting the portal once: schema (Flyway) and the demo owner ...");
    portal.startWildFly(config.httpPort, config.portOffset, config.serverHeap, properties);
    portal.stopWildFly();

    LocalDate today =
        OffsetDateTime.parse(config.clockStart).atZoneSameInstant(Kst.ZONE).toLocalDate();
    dayList = new ArrayList<>();
    for (int i = config.visitDays - 1; i >= 0; i--) {
      dayList.add(today.minusDays(i));
    }
    // what VisitRecordService.since() gives on the last day: 00:00 KST of today - 28 days
    since = today.minusDays(28).atStartOfDay(Kst.ZONE).toInstant();

    List<Size> sizes = new ArrayList<>();
    try (Connection db = portal.connect()) {
      facilities =
          addFacilities(
              db,
              config.rowsPerFacility > 0
                  ? (int) (config.visitSizes.get(0) / config.rowsPerFacility)
                  : config.visitFacilities,
              0);
      days.prepare(db, dayList);
      try (Statement s = db.createStatement();
          ResultSet rs = s.executeQuery("show server_version")) {
        rs.next();
        serverVersion = rs.getString(1);
      }
      long rows = 0;
      for (int s = 0; s < config.visitSizes.size(); s++) {
        long target = config.visitSizes.get(s);
        boolean last = s == config.visitSizes.size() - 1;
        try (BenchLock lock = BenchLock.acquire(config.lockFile)) {
          sizes.add(measure(db, rows, target, last));
        }
        rows = target;
      }
    }
    print(sizes);
  }

  List<String> report() {
    return report;
  }

  private Size measure(Connection db, long rows, long target, boolean last) throws SQLException {
    Log.say("Filling the visit table from " + rows + " to " + target + " rows ...");
    long[] into = facilities;
    if (config.rowsPerFacility > 0 && rows > 0) {
      // the same density at every size: the new rows go to new facilities, as many per facility
      into = addFacilities(db, (int) ((target - rows) / config.rowsPerFacility), facilities.length);
      long[] all = java.util.Arrays.copyOf(facilities, facilities.length + into.length);
      System.arraycopy(into, 0, all, facilities.length, into.length);
      facilities = all;
      Log.say(into.length + " more facilities: " + facilities.length + " in all");
    }
    long start = System.nanoTime();
    fill(db, target - rows, into);
    double fillSeconds = (System.nanoTime() - start) / 1e9;
    start = System.nanoTime();
    try (Statement s = db.createStatement()) {
      s.execute("vacuum analyze visit");
    }
    double vacuumSeconds = (System.nanoTime() - start) / 1e9;
    long actual = count(db);
    long bytes = tableBytes(db);
    Log.say(
        String.format(
            Locale.ROOT,
            "%d rows (%d MB with indexes) in %.1f s, vacuum analyze %.1f s",
            actual,
            bytes >> 20,
            fillSeconds,
            vacuumSeconds));

    // a few unmeasured rounds first, as a person's first click would find the cache warm too
    sample(db, Math.min(20, config.querySamples), null, null, null);
    Histogram page = histogram();
    Histogram count = histogram();
    Histogram visitors = histogram();
    long visitorRows = sample(db, config.querySamples, page, count, visitors);
    Traces traces = sampleTraces(db, last);

    LocalDate oldest = dayList.get(0);
    long inDay = rowsOf(db, oldest); // not timed
    start = System.nanoTime();
    days.destroy(db, oldest);
    double destroyMillis = (System.nanoTime() - start) / 1e6;
    long destroyed = inDay;
    Log.say(
        String.format(
            Locale.ROOT,
            "Destroyed %s (%d rows) in %.0f ms: %s",
            oldest,
            destroyed,
            destroyMillis,
            days));
    if (!last && destroyed > 0) {
      // the next size starts from the same spread of days; not timed
      days.prepare(db, List.of(oldest));
      fillDay(db, oldest, destroyed, facilities, holders);
    }
    return new Size(
        actual,
        fillSeconds,
        vacuumSeconds,
        bytes,
        page,
        count,
        visitors,
        (double) visitorRows / config.querySamples,
        destroyMillis,
        destroyed,
        traces);
  }

  /** The visits of one KST day. */
  private static long rowsOf(Connection db, LocalDate day) throws SQLException {
    try (PreparedStatement s =
        db.prepareStatement(
            "select count(*) from visit where visited_at >= ? and visited_at < ?")) {
      s.setObject(1, day.atStartOfDay(Kst.ZONE).toOffsetDateTime());
      s.setObject(2, day.plusDays(1).atStartOfDay(Kst.ZONE).toOffsetDateTime());
      try (var r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /** Runs the three queries {@code samples} times on random facilities and windows. */
  private long sample(Connection db, int samples, Histogram page, Histogram count, Histogram who)
      throws SQLException {
    long rowsSeen = 0;
    try (PreparedStatement pageQuery = db.prepareStatement(OWNER_PAGE);
        PreparedStatement countQuery = db.prepareStatement(OWNER_COUNT);
        PreparedStatement visitorsQuery = db.prepareStatement(VISITORS)) {
      Timestamp from = Timestamp.from(since);
      for (int i = 0; i < samples; i++) {
        long facility = facilities[random.nextInt(facilities.length)];
        pageQuery.setLong(1, facility);
        pageQuery.setTimestamp(2, from);
        record(page, () -> drain(pageQuery.executeQuery()));
        countQuery.setLong(1, facility);
        countQuery.setTimestamp(2, from);
        record(count, () -> drain(countQuery.executeQuery()));

        LocalDate day = dayList.get(random.nextInt(dayList.size()));
        Instant t1 =
            day.atTime(7, 0)
                .atZone(Kst.ZONE)
                .toInstant()
                .plus(random.nextInt(16 * 60 - config.windowMinutes + 1), ChronoUnit.MINUTES);
        visitorsQuery.setLong(1, facilities[random.nextInt(facilities.length)]);
        visitorsQuery.setTimestamp(2, Timestamp.from(t1));
        visitorsQuery.setTimestamp(
            3, Timestamp.from(t1.plus(config.windowMinutes, ChronoUnit.MINUTES)));
        long[] rows = new long[1];
        record(who, () -> rows[0] = drain(visitorsQuery.executeQuery()));
        rowsSeen += rows[0];
      }
    }
    return rowsSeen;
  }

  // --- the traces (issue 18): the portal's own SQL, TraceQueries

  /** The 4-hour window of the facility trace, from 11:00 KST. */
  private static final int TRACE_FROM_HOUR = 11;

  private static final int TRACE_HOURS = 4;

  /**
   * A TraceQueries SQL for JDBC: its positional parameters, each once and in order, as {@code ?}.
   */
  static String jdbc(String jpa) {
    return jpa.replaceAll("\\?\\d+", "?");
  }

  /** The same as the server sees it from pgjdbc (and as {@code PREPARE} takes it): {@code $n}. */
  static String numbered(String jpa) {
    return jpa.replaceAll("\\?(\\d+)", "\\$$1");
  }

  /** A facility's trace: a random facility, 11:00 to 15:00 KST of a random day. */
  private record FacilityTrace(long facility, Instant from, Instant to) {}

  /** A holder's trace: a random holder (with its issuer), 14 days from a random hour. */
  private record HolderTrace(String holder, String issuer, Instant from, Instant to) {}

  private FacilityTrace facilityTrace() {
    LocalDate day = dayList.get(random.nextInt(dayList.size()));
    Instant from = day.atTime(TRACE_FROM_HOUR, 0).atZone(Kst.ZONE).toInstant();
    return new FacilityTrace(
        facilities[random.nextInt(facilities.length)],
        from,
        from.plus(TRACE_HOURS, ChronoUnit.HOURS));
  }

  private HolderTrace holderTrace(long h) {
    int windowDays = (int) TraceWindow.LONGEST.toDays();
    LocalDate day = dayList.get(random.nextInt(Math.max(1, dayList.size() - windowDays + 1)));
    Instant from =
        day.atStartOfDay(Kst.ZONE).toInstant().plus(random.nextInt(24), ChronoUnit.HOURS);
    return new HolderTrace(
        HolderPool.id(h), HolderPool.issuer(h), from, from.plus(TraceWindow.LONGEST));
  }

  /** As Hibernate binds an {@link Instant} for PostgreSQL: a timestamp with time zone, in UTC. */
  private static OffsetDateTime utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }

  /**
   * Times the three trace queries {@code bench.visits.samples} times each (after a few unmeasured
   * rounds), on one prepared statement each as the portal's pooled connection keeps them; at the
   * last size, then shows each one's plan once with EXPLAIN (ANALYZE, BUFFERS).
   */
  private Traces sampleTraces(Connection db, boolean explain) throws SQLException {
    Histogram at = histogram();
    Histogram of = histogram();
    Histogram around = histogram();
    long[] rows = new long[3];
    try (PreparedStatement visitsAt = db.prepareStatement(jdbc(TraceQueries.VISITS_AT));
        PreparedStatement visitsOf = db.prepareStatement(jdbc(TraceQueries.VISITS_OF));
        PreparedStatement aroundOf = db.prepareStatement(jdbc(TraceQueries.AROUND_VISITS_OF))) {
      int warmup = Math.min(20, config.querySamples);
      for (int i = 0; i < warmup + config.querySamples; i++) {
        boolean timed = i >= warmup;
        FacilityTrace f = facilityTrace();
        visitsAt.setLong(1, f.facility());
        visitsAt.setObject(2, utc(f.from()));
        visitsAt.setObject(3, utc(f.to()));
        long[] n = new long[1];
        record(timed ? at : null, () -> n[0] = drain(visitsAt.executeQuery()));
        rows[0] += timed ? n[0] : 0;

        HolderTrace h = holderTrace(random.nextLong(holders.end()));
        for (PreparedStatement q : List.of(visitsOf, aroundOf)) {
          q.setString(1, h.holder());
          q.setString(2, h.issuer());
          q.setObject(3, utc(h.from()));
          q.setObject(4, utc(h.to()));
        }
        record(timed ? of : null, () -> n[0] = drain(visitsOf.executeQuery()));
        rows[1] += timed ? n[0] : 0;
        record(timed ? around : null, () -> n[0] = drain(aroundOf.executeQuery()));
        rows[2] += timed ? n[0] : 0;
      }
      if (explain) {
        Map<String, String> used = planKinds(db);
        FacilityTrace f = facilityTrace();
        explain(
            db,
            "VISITS_AT",
            TraceQueries.VISITS_AT,
            used,
            "bigint, timestamptz, timestamptz",
            f.facility() + ", " + literal(f.from()) + ", " + literal(f.to()));
        // a regular's trace: the most stops, so the most co-visitors
        HolderTrace h = holderTrace(holders.first() + random.nextInt((int) holders.regulars()));
        String args =
            "'"
                + h.holder()
                + "', '"
                + h.issuer()
                + "', "
                + literal(h.from())
                + ", "
                + literal(h.to());
        String types = "varchar, varchar, timestamptz, timestamptz";
        explain(db, "VISITS_OF", TraceQueries.VISITS_OF, used, types, args);
        explain(db, "AROUND_VISITS_OF", TraceQueries.AROUND_VISITS_OF, used, types, args);
      }
    }
    Log.say(
        String.format(
            Locale.ROOT,
            "Traces: facility p50 %s p95 %s ms; holder's visits p50 %s p95 %s ms;"
                + " co-visitors p50 %s p95 %s ms",
            ms(at, 50),
            ms(at, 95),
            ms(of, 50),
            ms(of, 95),
            ms(around, 50),
            ms(around, 95)));
    double samples = config.querySamples;
    return new Traces(at, of, around, rows[0] / samples, rows[1] / samples, rows[2] / samples);
  }

  private static String literal(Instant at) {
    return "timestamptz '" + at + "'";
  }

  /**
   * How PostgreSQL planned this connection's prepared statements so far, by their SQL: "generic" or
   * "custom" (whichever it used most), with the counts.
   */
  private static Map<String, String> planKinds(Connection db) throws SQLException {
    Map<String, String> kinds = new LinkedHashMap<>();
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select statement, generic_plans, custom_plans from pg_prepared_statements")) {
      while (rs.next()) {
        long generic = rs.getLong(2);
        long custom = rs.getLong(3);
        kinds.put(
            rs.getString(1).strip(),
            (generic > custom ? "generic" : "custom")
                + " (generic "
                + generic
                + ", custom "
                + custom
                + ")");
      }
    }
    return kinds;
  }

  /**
   * EXPLAIN (ANALYZE, BUFFERS) of one trace query, planned the way the timed runs were planned (a
   * generic or a custom plan, forced for this one statement), printed and kept for the report.
   */
  private void explain(
      Connection db, String name, String jpa, Map<String, String> used, String types, String args)
      throws SQLException {
    String kind = used.getOrDefault(numbered(jpa).strip(), "custom (not prepared)");
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("EXPLAIN (ANALYZE, BUFFERS) TraceQueries." + name + ", " + kind + ": (" + args + ")");
    try (Statement s = db.createStatement()) {
      s.execute("prepare bench_trace(" + types + ") as " + numbered(jpa));
      s.execute(
          "set plan_cache_mode = "
              + (kind.startsWith("generic") ? "force_generic_plan" : "force_custom_plan"));
      try (ResultSet rs =
          s.executeQuery("explain (analyze, buffers) execute bench_trace(" + args + ")")) {
        while (rs.next()) {
          lines.add("    " + rs.getString(1));
        }
      } finally {
        s.execute("reset plan_cache_mode");
        s.execute("deallocate bench_trace");
      }
    }
    lines.forEach(System.out::println);
    plans.addAll(lines);
  }

  private interface Query {
    void run() throws SQLException;
  }

  private static void record(Histogram h, Query query) throws SQLException {
    long start = System.nanoTime();
    query.run();
    if (h != null) {
      h.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
    }
  }

  private static long drain(ResultSet rs) throws SQLException {
    long n = 0;
    try (rs) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int c = 1; c <= columns; c++) {
          rs.getObject(c);
        }
        n++;
      }
    }
    return n;
  }

  // --- filling

  /**
   * Adds rows spread evenly over the days, one statement per day; their QR visits by holders of a
   * pool of their own (as the new facilities: more people, not busier ones).
   */
  private void fill(Connection db, long rows, long[] into) throws SQLException {
    holders =
        HolderPool.after(
            holders == null ? 0 : holders.end(),
            Math.round(rows * (1 - config.callShare)),
            config.visitsPerHolder);
    Log.say(
        String.format(
            Locale.ROOT,
            "%d more holders (%d regulars): %d in all",
            holders.regulars() + holders.others(),
            holders.regulars(),
            holders.end()));
    long perDay = rows / dayList.size();
    long rest = rows % dayList.size();
    for (int i = 0; i < dayList.size(); i++) {
      fillDay(db, dayList.get(i), perDay + (i < rest ? 1 : 0), into, holders);
    }
  }

  private void fillDay(Connection db, LocalDate day, long rows, long[] into, HolderPool pool)
      throws SQLException {
    if (rows <= 0) {
      return;
    }
    Long[] ids = new Long[into.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = into[i];
    }
    try (PreparedStatement insert = db.prepareStatement(FILL)) {
      Array array = db.createArrayOf("bigint", ids);
      insert.setArray(1, array);
      insert.setInt(2, into.length);
      insert.setTimestamp(3, Timestamp.from(day.atStartOfDay(Kst.ZONE).toInstant()));
      insert.setInt(4, (int) Math.round(config.callShare * 1000));
      insert.setLong(5, pool.first());
      insert.setLong(6, pool.regulars());
      insert.setLong(7, pool.regulars());
      insert.setLong(8, pool.others());
      insert.setLong(9, nextRow);
      insert.setLong(10, nextRow + rows - 1);
      insert.executeUpdate();
    }
    nextRow += rows;
  }

  /**
   * Synthetic facilities of the demo owner, registered as the portal would (valid business numbers,
   * 080 numbers from the sequence), of types the pass covers, in 종로구.
   */
  /**
   * One active facility, its 080 number from the sequence as the portal gives it: owner, name,
   * type, business number, 시군구, road address, capacity.
   */
  static final String INSERT_FACILITY =
      "insert into facility (owner_id, name, type_code, business_number, sigungu_code,"
          + " road_address, capacity, safe_call_number, status, created_at, updated_at)"
          + " select ?, ?, ?, ?, ?, ?, ?,"
          + " '080-' || substr(lpad(n::text, 7, '0'), 1, 3) || '-'"
          + " || substr(lpad(n::text, 7, '0'), 4), 'ACTIVE', now(), now()"
          + " from (select nextval('safe_call_number_seq') as n) s returning id";

  private static long[] addFacilities(Connection db, int count, int already) throws SQLException {
    long owner = Doors.demoOwner(db);
    String[] types = {"RESTAURANT_CAFE", "KARAOKE", "INDOOR_SPORTS", "PC_ROOM", "BATHHOUSE"};
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement insert = db.prepareStatement(INSERT_FACILITY)) {
      long prefix = 900_000_000L;
      for (int i = already; i < already + count; i++) {
        String number = businessNumber(prefix + i);
        insert.setLong(1, owner);
        insert.setString(2, "벤치마크 시설 " + (i + 1));
        insert.setString(3, types[i % types.length]);
        insert.setString(4, number);
        insert.setString(5, DemoData.JONGNO);
        insert.setString(6, "서울특별시 종로구 벤치마크로 " + (i + 1));
        insert.setInt(7, 50);
        ResultSet rs = insert.executeQuery();
        rs.next();
        ids.add(rs.getLong(1));
      }
    }
    return ids.stream().mapToLong(Long::longValue).toArray();
  }

  /** Nine digits and the National Tax Service check digit that makes them valid. */
  static String businessNumber(long nineDigits) {
    String head = String.format(Locale.ROOT, "%09d", nineDigits);
    for (int check = 0; check < 10; check++) {
      if (BusinessRegistrationNumber.isValid(head + check)) {
        return head + check;
      }
    }
    throw new IllegalStateException("no check digit for " + head);
  }

  private static long count(Connection db) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from visit")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long tableBytes(Connection db) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                // a partitioned table has no storage of its own: its partitions have
                "select coalesce(sum(pg_total_relation_size(inhrelid)), 0)"
                    + " from pg_inherits where inhparent = 'visit'::regclass")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Histogram histogram() {
    return new Histogram(3_600_000_000L, 3);
  }

  // --- the report

  private void print(List<Size> sizes) {
    List<String> out = new ArrayList<>();
    out.add("");
    out.add(
        String.format(
            Locale.ROOT,
            "VISIT TABLE BENCHMARK  (%d cores, %d facilities, %d days up to %s, %d samples a"
                + " query, windows of %d min; %s)",
            Runtime.getRuntime().availableProcessors(),
            facilities.length,
            dayList.size(),
            dayList.get(dayList.size() - 1),
            config.querySamples,
            config.windowMinutes,
            Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    out.add("");
    Log.Table table =
        new Log.Table(
            "rows",
            "size MB",
            "fill s",
            "owner page p50 ms",
            "p95 ms",
            "owner count p50 ms",
            "p95 ms",
            "visitors in window p50 ms",
            "p95 ms",
            "rows/window",
            "destroy a day ms",
            "rows destroyed");
    for (Size s : sizes) {
      table.row(
          s.rows(),
          s.tableBytes() >> 20,
          String.format(Locale.ROOT, "%.1f", s.fillSeconds() + s.vacuumSeconds()),
          ms(s.ownerPage(), 50),
          ms(s.ownerPage(), 95),
          ms(s.ownerCount(), 50),
          ms(s.ownerCount(), 95),
          ms(s.visitors(), 50),
          ms(s.visitors(), 95),
          String.format(Locale.ROOT, "%.0f", s.visitorsRows()),
          CheckinBenchmark.ms(s.destroyMillis()),
          s.destroyedRows());
    }
    out.add(table.toString());
    out.add(
        "owner page: the 20 newest of one facility's 28 days (JpaVisitRepository.list); owner count:"
            + " its total (JpaVisitRepository.count); /owner/visits.xhtml runs each twice a view."
            + " A day destroyed by: "
            + days
            + ".");

    out.add("");
    out.add(
        String.format(
            Locale.ROOT,
            "TRACES  (TraceQueries over JDBC, %d samples each; facility: %02d:00-%02d:00 KST of a"
                + " random day; holder: %d days from a random hour, %d holders, %.0f visits each"
                + " over %d days on average; PostgreSQL %s)",
            config.querySamples,
            TRACE_FROM_HOUR,
            TRACE_FROM_HOUR + TRACE_HOURS,
            TraceWindow.LONGEST.toDays(),
            holders.end(),
            config.visitsPerHolder,
            dayList.size(),
            serverVersion));
    out.add("");
    Log.Table traces =
        new Log.Table("query", "rows", "p50 ms", "p95 ms", "p99 ms", "rows returned (mean)");
    record Row(String name, java.util.function.Function<Traces, Histogram> h, int column) {}
    List<Row> rows =
        List.of(
            new Row("VISITS_AT (facility, 4 h)", Traces::visitsAt, 0),
            new Row("VISITS_OF (holder, 14 days)", Traces::visitsOf, 1),
            new Row("AROUND_VISITS_OF (co-visitors)", Traces::aroundVisitsOf, 2));
    for (Row r : rows) {
      for (Size s : sizes) {
        Traces t = s.traces();
        double returned =
            r.column() == 0
                ? t.visitsAtRows()
                : r.column() == 1 ? t.visitsOfRows() : t.aroundRows();
        traces.row(
            r.name(),
            s.rows(),
            ms(r.h().apply(t), 50),
            ms(r.h().apply(t), 95),
            ms(r.h().apply(t), 99),
            String.format(Locale.ROOT, "%.1f", returned));
      }
    }
    out.add(traces.toString());
    if (sizes.size() > 1) {
      Size first = sizes.get(0);
      Size lastSize = sizes.get(sizes.size() - 1);
      for (Row r : rows) {
        double p95First = r.h().apply(first.traces()).getValueAtPercentile(95) / 1000.0;
        double p95Last = r.h().apply(lastSize.traces()).getValueAtPercentile(95) / 1000.0;
        out.add(
            String.format(
                Locale.ROOT,
                "%s: p95 %d / %d rows = %.2f (goal: at most 1.5, and %s ms at most 100)",
                r.name(),
                lastSize.rows(),
                first.rows(),
                p95Last / p95First,
                CheckinBenchmark.ms(p95Last)));
      }
    }
    out.addAll(plans);
    report.addAll(out);
    out.forEach(System.out::println);
  }

  private static String ms(Histogram h, double percentile) {
    return CheckinBenchmark.ms(h.getValueAtPercentile(percentile) / 1000.0);
  }
}
