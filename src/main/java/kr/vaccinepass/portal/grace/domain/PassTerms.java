package kr.vaccinepass.portal.grace.domain;

import java.io.Serializable;
import kr.vaccinepass.portal.shared.domain.BusinessException;

/**
 * The pass rules a rule change of the calendar puts in force from its day (domain-rules.md, "Who
 * holds a valid pass"). Refused with a message on the field when a number is outside what the law
 * could mean.
 *
 * @param daysAfterFinalDose a final dose on day D counts from D + this many days
 * @param validityDays how long the primary series stays valid after it took effect; null: no expiry
 * @param groupAllowance whether one unvaccinated person may dine in a group at a restaurant or café
 * @param underEighteenBornFrom visitors born in or after this year are exempt as under-18s
 */
public record PassTerms(
    int daysAfterFinalDose, Integer validityDays, boolean groupAllowance, int underEighteenBornFrom)
    implements Serializable {
  public PassTerms {
    if (daysAfterFinalDose < 0 || daysAfterFinalDose > 365) {
      throw BusinessException.onField("daysAfterFinalDose", "calendar.pass.days.range", 365);
    }
    if (validityDays != null && (validityDays < 1 || validityDays > 3650)) {
      throw BusinessException.onField("validityDays", "calendar.pass.validity.range", 3650);
    }
    if (underEighteenBornFrom < 1900 || underEighteenBornFrom > 2100) {
      throw BusinessException.onField("underEighteenBornFrom", "calendar.pass.bornFrom.range");
    }
  }

  public static PassTerms of(PassPolicy row) {
    return new PassTerms(
        row.daysAfterFinalDose(),
        row.validityDays(),
        row.groupAllowance(),
        row.underEighteenBornFrom());
  }

  /** The row these terms make from that day, with that source. */
  public PassPolicy from(java.time.LocalDate day, String source, boolean suspended) {
    return new PassPolicy(
        day,
        daysAfterFinalDose,
        validityDays,
        groupAllowance,
        underEighteenBornFrom,
        suspended,
        source);
  }
}
