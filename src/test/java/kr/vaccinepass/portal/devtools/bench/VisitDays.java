package kr.vaccinepass.portal.devtools.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import kr.vaccinepass.portal.shared.infrastructure.ClockProducer;

/**
 * How the visit table holds its days, for the visit table benchmark: what must exist before a day
 * is filled, and how a whole day is destroyed (the 28-day retention). Today the table is one heap
 * and a day goes by {@code DELETE}. When the table becomes one partition per KST day, add the
 * implementation that creates the days' partitions and drops one, and return it from {@link
 * #current()}: that is the one switch.
 */
interface VisitDays {
  /** Makes ready whatever the days' rows need (nothing for a plain table). */
  void prepare(Connection db, List<LocalDate> days) throws SQLException;

  /** Destroys every visit of that KST day; answers the rows destroyed, or -1 if not counted. */
  long destroy(Connection db, LocalDate day) throws SQLException;

  /** The way the schema of this build keeps days. */
  static VisitDays current() {
    return new DeleteByDay();
  }

  /** One table: a day is deleted row by row, in one statement. */
  final class DeleteByDay implements VisitDays {
    @Override
    public void prepare(Connection db, List<LocalDate> days) {
      // nothing: every row goes into the one table
    }

    @Override
    public long destroy(Connection db, LocalDate day) throws SQLException {
      try (PreparedStatement delete =
          db.prepareStatement("delete from visit where visited_at >= ? and visited_at < ?")) {
        delete.setTimestamp(1, Timestamp.from(day.atStartOfDay(ClockProducer.KST).toInstant()));
        delete.setTimestamp(
            2, Timestamp.from(day.plusDays(1).atStartOfDay(ClockProducer.KST).toInstant()));
        return delete.executeUpdate();
      }
    }

    @Override
    public String toString() {
      return "delete from visit where visited_at in the day";
    }
  }
}
