package kr.vaccinepass.portal.grace.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import kr.vaccinepass.portal.shared.domain.Money;

/**
 * The penalties in force from a Korean date until the next schedule starts.
 *
 * @param name a short stable name, e.g. "2021-11"; stored with each penalty decided by it
 * @param effectiveFrom the first Korean (Asia/Seoul) date the schedule applies, from 00:00 KST
 * @param visitorFine the fine of a visitor, for each violation
 * @param operatorRows the operator's rows for counts 1..n, in order; row n applies beyond n
 * @param source the public source of the schedule (domain-rules.md)
 */
public record PenaltySchedule(
    String name,
    LocalDate effectiveFrom,
    Money visitorFine,
    List<PenaltyRow> operatorRows,
    String source) {
  public PenaltySchedule {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a schedule has a name");
    }
    Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    Objects.requireNonNull(visitorFine, "visitorFine");
    operatorRows = List.copyOf(operatorRows);
    if (operatorRows.isEmpty()) {
      throw new IllegalArgumentException("a schedule has at least one operator row");
    }
    for (int i = 0; i < operatorRows.size(); i++) {
      if (operatorRows.get(i).count() != i + 1) {
        throw new IllegalArgumentException("operator rows count 1, 2, 3 … in order: " + name);
      }
    }
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("a schedule names its source");
    }
  }

  /**
   * The row of the operator's count-th violation (count ≥ 1); beyond the last row, the last row.
   */
  public PenaltyRow operatorRow(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("a violation count starts at 1: " + count);
    }
    return operatorRows.get(Math.min(count, operatorRows.size()) - 1);
  }
}
