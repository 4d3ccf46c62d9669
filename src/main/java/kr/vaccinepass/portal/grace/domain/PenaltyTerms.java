package kr.vaccinepass.portal.grace.domain;

import java.io.Serializable;
import java.util.List;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Money;

/**
 * The penalties a penalty change of the calendar puts in force: the visitor's fine for each
 * violation, and the operator's fine and sanction for the 1st, 2nd, … violation (the last row
 * applies beyond). Refused with a message on the field when a fine is missing or negative or there
 * is no row.
 */
public record PenaltyTerms(Money visitorFine, List<PenaltyRow> operatorRows)
    implements Serializable {
  /** Fines above this are a typing error: the law's highest is 3,000,000 won. */
  public static final long MAX_FINE_WON = 100_000_000L;

  public PenaltyTerms {
    if (visitorFine == null) {
      throw BusinessException.onField("visitorFine", "calendar.penalty.visitorFine.required");
    }
    if (visitorFine.won() < 0 || visitorFine.won() > MAX_FINE_WON) {
      throw BusinessException.onField("visitorFine", "calendar.penalty.fine.range", MAX_FINE_WON);
    }
    if (operatorRows == null || operatorRows.isEmpty()) {
      throw BusinessException.onField("operatorRows", "calendar.penalty.rows.required");
    }
    operatorRows = List.copyOf(operatorRows);
    for (PenaltyRow r : operatorRows) {
      if (r.fine().won() < 0 || r.fine().won() > MAX_FINE_WON) {
        throw BusinessException.onField(
            "operatorRows", "calendar.penalty.fine.range", MAX_FINE_WON);
      }
    }
  }

  public static PenaltyTerms of(PenaltySchedule schedule) {
    return new PenaltyTerms(schedule.visitorFine(), schedule.operatorRows());
  }
}
