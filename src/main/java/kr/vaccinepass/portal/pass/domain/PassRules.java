package kr.vaccinepass.portal.pass.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import kr.vaccinepass.portal.facility.domain.FacilityType;
import kr.vaccinepass.portal.grace.domain.DatedPolicy;
import kr.vaccinepass.portal.grace.domain.PassPolicy;
import kr.vaccinepass.portal.grace.domain.PassPolicyTable;
import kr.vaccinepass.portal.shared.domain.Kst;

/**
 * Decides pass / exempt / no pass for what a visitor shows at a facility at an instant, by the
 * policy row in force then. All dates are Korean (Asia/Seoul) dates. The first rule that applies
 * wins: not covered, booster, primary series, PCR, under-18, exemption certificate, restaurant
 * dining party; otherwise no pass with the most specific reason.
 */
public final class PassRules {
  /**
   * A negative PCR result holds until 24:00 of the day 48 h after its notice falls on (seed news).
   */
  public static final Duration PCR_VALIDITY = Duration.ofHours(48);

  private final PassPolicyTable table;

  /** Rules by the pass policy of the enforcement calendar as it stands in that policy. */
  public static PassRules of(DatedPolicy policy) {
    return new PassRules(policy.passPolicies());
  }

  public PassRules(PassPolicyTable table) {
    this.table = Objects.requireNonNull(table, "table");
  }

  /**
   * The decision at the door.
   *
   * @param facts what the visitor shows; null means nothing
   * @param type the facility's type
   * @param at the instant of the check
   * @param party whom an unvaccinated visitor of a restaurant dines with; null means {@link
   *     DiningParty#NONE}
   */
  public PassDecision decide(PassFacts facts, FacilityType type, Instant at, DiningParty party) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
    PassFacts f = facts == null ? PassFacts.none() : facts;
    DiningParty p = party == null ? DiningParty.NONE : party;
    PassPolicy policy = table.at(at);
    LocalDate today = LocalDate.ofInstant(at, Kst.ZONE);

    // 1. suspended (2022-03-01, Kukmin Ilbo) or not yet begun, or not this type then
    if (policy.suspended() || !type.isCoveredAt(at)) {
      return PassDecision.of(PassReason.NOT_COVERED);
    }
    // 2. a booster is valid the same day and removes the expiry (JTBC; KBS World)
    if (f.boosterDate() != null && !f.boosterDate().isAfter(today)) {
      return PassDecision.of(PassReason.BOOSTED);
    }
    // 3. 14 days after the final dose; 180 days' validity from 2022-01-03 (JTBC; KBS World)
    VaccinationState vaccination = vaccinationState(f.finalDoseDate(), policy, today);
    if (vaccination == VaccinationState.VALID) {
      return PassDecision.of(PassReason.VACCINATED);
    }
    // 4. negative PCR until 24:00 of the day on which 48 h after the notice fall (seed news)
    if (pcrValid(f.pcrNoticeAt(), at, today)) {
      return PassDecision.of(PassReason.PCR_NEGATIVE);
    }
    // 5. under-18s are exempt, born in/after 2004 (domain-rules.md, "Who holds a valid pass")
    if (f.birthYear() != null && f.birthYear() >= policy.underEighteenBornFrom()) {
      return PassDecision.of(PassReason.UNDER_18);
    }
    // 6. recovered (isolation-release certificate) or medical exemption, until its last day
    if (f.exemption() != null
        && (f.exemptionUntil() == null || !today.isAfter(f.exemptionUntil()))) {
      return PassDecision.of(
          f.exemption() == ExemptionKind.MEDICAL
              ? PassReason.MEDICAL_EXEMPTION
              : PassReason.RECOVERED);
    }
    // 7. restaurants/cafés: alone always; one unvaccinated per group until 2021-12-17 (KBS World)
    if (type.isRestaurantOrCafe()) {
      if (p == DiningParty.ALONE) {
        return PassDecision.of(PassReason.SOLO_DINER);
      }
      if (p == DiningParty.GROUP_ONE_UNVACCINATED && policy.groupAllowance()) {
        return PassDecision.of(PassReason.GROUP_ALLOWANCE);
      }
    }
    // 8. no pass, with the most specific reason
    if (vaccination == VaccinationState.EXPIRED) {
      return PassDecision.of(PassReason.VACCINATION_EXPIRED);
    }
    if (vaccination == VaccinationState.NOT_YET_EFFECTIVE) {
      return PassDecision.of(PassReason.NOT_YET_EFFECTIVE);
    }
    if (f.pcrNoticeAt() != null) {
      return PassDecision.of(PassReason.PCR_EXPIRED);
    }
    if (f.exemption() != null) {
      return PassDecision.of(PassReason.EXEMPTION_EXPIRED);
    }
    return PassDecision.of(PassReason.NO_PROOF);
  }

  private enum VaccinationState {
    NONE,
    NOT_YET_EFFECTIVE,
    VALID,
    EXPIRED
  }

  private static VaccinationState vaccinationState(
      LocalDate finalDoseDate, PassPolicy policy, LocalDate today) {
    if (finalDoseDate == null) {
      return VaccinationState.NONE;
    }
    if (today.isBefore(policy.vaccinationValidFrom(finalDoseDate))) {
      return VaccinationState.NOT_YET_EFFECTIVE;
    }
    LocalDate expiresOn = policy.vaccinationExpiresOn(finalDoseDate);
    return expiresOn == null || today.isBefore(expiresOn)
        ? VaccinationState.VALID
        : VaccinationState.EXPIRED;
  }

  private static boolean pcrValid(Instant noticeAt, Instant at, LocalDate today) {
    if (noticeAt == null || noticeAt.isAfter(at)) {
      return false;
    }
    LocalDate lastDay = LocalDate.ofInstant(noticeAt.plus(PCR_VALIDITY), Kst.ZONE);
    return !today.isAfter(lastDay);
  }
}
