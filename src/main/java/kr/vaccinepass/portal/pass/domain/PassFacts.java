package kr.vaccinepass.portal.pass.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a visitor can show at the door. Every field may be null (nothing of that kind shown); dates
 * are Korean (Asia/Seoul) calendar dates.
 *
 * @param finalDoseDate the date of the last dose of the primary series (2nd dose, or the single
 *     dose of a one-dose vaccine)
 * @param boosterDate the date of the booster (3rd) dose
 * @param pcrNoticeAt when the negative PCR result was notified
 * @param exemption the kind of exemption certificate held
 * @param exemptionUntil the last day the exemption certificate is valid, null when it has no end
 * @param birthYear the year of birth, for the under-18 exemption
 */
public record PassFacts(
    LocalDate finalDoseDate,
    LocalDate boosterDate,
    Instant pcrNoticeAt,
    ExemptionKind exemption,
    LocalDate exemptionUntil,
    Integer birthYear) {

  private static final PassFacts NONE = new PassFacts(null, null, null, null, null, null);

  /** Nothing shown: no vaccination, no PCR result, no exemption, no age. */
  public static PassFacts none() {
    return NONE;
  }
}
