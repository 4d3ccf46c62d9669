package kr.vaccinepass.portal.visit.infrastructure;

/**
 * The SQL of the traces, in one place so that the trace benchmark (docs/benchmarks.md, "Traces")
 * measures exactly what the portal runs. Each reads a few partitions of the visit table through an
 * index: a facility's visits by (facility_id, visited_at), a holder's by (holder_id, visited_at),
 * and the co-visitors of each of the holder's visits by the facility index again, one stay either
 * side. The facility index includes {@link #COLUMNS} (V30, with row_key since V31), so that a
 * facility's visits are read from the index alone, not one heap page per visit: a column added here
 * belongs in its INCLUDE list too.
 */
public final class TraceQueries {
  private TraceQueries() {}

  static final String COLUMNS =
      "facility_id, visited_at, method, issuer_code, holder_id, visitor_name, visitor_phone,"
          + " safety_number, row_key";

  /** ?1 facility, ?2 from, ?3 to. */
  public static final String VISITS_AT =
      "select "
          + COLUMNS
          + " from visit where facility_id = ?1 and visited_at >= ?2 and visited_at < ?3"
          + " order by visited_at";

  /** ?1 holder id, ?2 issuer, ?3 from, ?4 to. */
  public static final String VISITS_OF =
      "select "
          + COLUMNS
          + " from visit where holder_id = ?1 and issuer_code = ?2"
          + " and visited_at >= ?3 and visited_at < ?4 order by visited_at";

  /**
   * ?1 holder id, ?2 issuer, ?3 from, ?4 to: every visit at the facility of one of the holder's
   * visits in the window, within an hour of it (TraceWindow.STAY); the holder's own included.
   */
  public static final String AROUND_VISITS_OF =
      "select distinct v.facility_id, v.visited_at, v.method, v.issuer_code, v.holder_id,"
          + " v.visitor_name, v.visitor_phone, v.safety_number, v.row_key"
          + " from (select facility_id, visited_at from visit where holder_id = ?1"
          + " and issuer_code = ?2 and visited_at >= ?3 and visited_at < ?4) s"
          + " cross join lateral (select * from visit w where w.facility_id = s.facility_id"
          + " and w.visited_at >= s.visited_at - interval '1 hour'"
          + " and w.visited_at <= s.visited_at + interval '1 hour') v"
          + " order by v.visited_at";
}
