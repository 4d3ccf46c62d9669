package kr.vaccinepass.portal.devtools.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import kr.vaccinepass.portal.shared.domain.Kst;

/**
 * How the visit table holds its days, for the visit table benchmark: one partition per KST day
 * (V12), made before a day is filled, and a whole day destroyed by dropping its partition (the
 * 28-day retention, as {@code VisitRetention} does it).
 */
interface VisitDays {
  /** Makes ready whatever the days' rows need: their partitions. */
  void prepare(Connection db, List<LocalDate> days) throws SQLException;

  /** Destroys every visit of that KST day; answers the rows destroyed, or -1 if not counted. */
  long destroy(Connection db, LocalDate day) throws SQLException;

  /** The way the schema of this build keeps days. */
  static VisitDays current() {
    return new DayPartitions();
  }

  /** One partition per KST day: a day is dropped whole, whatever its size. */
  final class DayPartitions implements VisitDays {
    @Override
    public void prepare(Connection db, List<LocalDate> days) throws SQLException {
      try (Statement s = db.createStatement()) {
        for (LocalDate day : days) {
          s.execute(
              "create table if not exists "
                  + name(day)
                  + " partition of visit for values from ('"
                  + day.atStartOfDay(Kst.ZONE).toInstant()
                  + "') to ('"
                  + day.plusDays(1).atStartOfDay(Kst.ZONE).toInstant()
                  + "')");
        }
      }
    }

    @Override
    public long destroy(Connection db, LocalDate day) throws SQLException {
      try (Statement s = db.createStatement()) {
        s.execute("drop table if exists " + name(day));
      }
      return -1;
    }

    private static String name(LocalDate day) {
      return "visit_" + day.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    }

    @Override
    public String toString() {
      return "drop table visit_YYYYMMDD (the day's partition)";
    }
  }
}
