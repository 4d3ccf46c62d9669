package kr.vaccinepass.portal.grace.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of the pass policy: the rules in force from a Korean date until the next row.
 *
 * @param effectiveFrom the first Korean (Asia/Seoul) date the row applies, from 00:00 KST
 * @param daysAfterFinalDose a final dose on day D is in effect from D + this many days, 00:00 KST
 * @param validityDays how many days the primary series stays in effect after it took effect, null
 *     for no expiry: valid on the dates [D + daysAfterFinalDose, D + daysAfterFinalDose +
 *     validityDays)
 * @param groupAllowance whether one unvaccinated person may dine in a group at a restaurant or café
 * @param underEighteenBornFrom people born in or after this year are exempt as under-18s
 * @param suspended whether the pass was suspended entirely
 * @param source the public source of the row (see domain-rules.md)
 */
public record PassPolicy(
    LocalDate effectiveFrom,
    int daysAfterFinalDose,
    Integer validityDays,
    boolean groupAllowance,
    int underEighteenBornFrom,
    boolean suspended,
    String source) {
  public PassPolicy {
    Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    if (daysAfterFinalDose < 0) {
      throw new IllegalArgumentException("daysAfterFinalDose is not negative");
    }
    if (validityDays != null && validityDays <= 0) {
      throw new IllegalArgumentException("validityDays is positive or null");
    }
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("a policy row names its source");
    }
  }

  /** The first date a final dose given on that date is in effect. */
  public LocalDate vaccinationValidFrom(LocalDate finalDoseDate) {
    return finalDoseDate.plusDays(daysAfterFinalDose);
  }

  /** The first date a final dose given on that date is no longer in effect, null if never. */
  public LocalDate vaccinationExpiresOn(LocalDate finalDoseDate) {
    return validityDays == null ? null : vaccinationValidFrom(finalDoseDate).plusDays(validityDays);
  }
}
