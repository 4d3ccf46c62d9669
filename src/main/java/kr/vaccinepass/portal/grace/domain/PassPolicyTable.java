package kr.vaccinepass.portal.grace.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import kr.vaccinepass.portal.shared.domain.Kst;

/**
 * The pass policy as dated rows, one place for "what applied on 2021-12-13 at 12:05 Kst.ZONE". A
 * row applies from 00:00 Kst.ZONE of its date until the next row starts; before the first row the
 * pass did not exist, which {@link #at(Instant)} answers with a suspended row that is not one of
 * {@link #rows()}.
 */
public final class PassPolicyTable {
  private static final int BORN_2004 = 2004;

  /** Before 2021-11-01 no pass applied anywhere (Newsway 2021-11-08). */
  public static final PassPolicy BEFORE_THE_PASS =
      new PassPolicy(
          LocalDate.MIN, 14, null, false, BORN_2004, true, "no pass before 2021-11-01 (Newsway)");

  private final List<PassPolicy> rows;

  /** A table of rows in strictly increasing order of their effective dates. */
  public PassPolicyTable(List<PassPolicy> rows) {
    this.rows = List.copyOf(rows);
    for (int i = 1; i < this.rows.size(); i++) {
      if (!this.rows.get(i).effectiveFrom().isAfter(this.rows.get(i - 1).effectiveFrom())) {
        throw new IllegalArgumentException("policy rows are in strictly increasing date order");
      }
    }
  }

  /** The row in force at that instant, by its Korean date; a suspended row before the first one. */
  public PassPolicy at(Instant instant) {
    LocalDate date = LocalDate.ofInstant(Objects.requireNonNull(instant, "instant"), Kst.ZONE);
    for (int i = rows.size() - 1; i >= 0; i--) {
      if (!rows.get(i).effectiveFrom().isAfter(date)) {
        return rows.get(i);
      }
    }
    return BEFORE_THE_PASS;
  }

  /** What {@link #at} answers before the first row: the pass did not apply (suspended). */
  public PassPolicy beforeFirstRow() {
    return BEFORE_THE_PASS;
  }

  /** The rows, oldest first (unmodifiable). */
  public List<PassPolicy> rows() {
    return rows;
  }
}
