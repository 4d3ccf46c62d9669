package kr.vaccinepass.portal.pass.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import kr.vaccinepass.portal.facility.domain.CoveragePeriod;
import kr.vaccinepass.portal.facility.domain.FacilityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pass rules of domain-rules.md ("Who holds a valid pass", "Calendar"), one table per rule, at
 * every date boundary: the day before, the day of and the day after, at KST midnight.
 */
class PassRulesTest {
  private static final ZoneId KST = ZoneId.of("Asia/Seoul");
  private static final PassRules RULES = new PassRules();

  private static Instant kst(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(KST).toInstant();
  }

  private static FacilityType type(String code, String from, String until) {
    return new FacilityType(
        code,
        code,
        code,
        null,
        List.of(new CoveragePeriod(kst(from), until == null ? null : kst(until), "test")));
  }

  /** 노래연습장: one of the first five types (Newsway 2021-11-08) until 2022-03-01 (News1). */
  private static final FacilityType KARAOKE =
      type("KARAOKE", "2021-11-01T00:00", "2022-03-01T00:00");

  /** 식당·카페: 2021-12-06 (seed news) until 2022-03-01 (News1). */
  private static final FacilityType RESTAURANT =
      type("RESTAURANT_CAFE", "2021-12-06T00:00", "2022-03-01T00:00");

  /** 학원: 2021-12-06 until the court's suspension of 2022-01-04 (Edaily). */
  private static final FacilityType ACADEMY =
      type("ACADEMY", "2021-12-06T00:00", "2022-01-04T00:00");

  /** A type covered with no end, so only the policy table can take the pass away. */
  private static final FacilityType ALWAYS = type("ALWAYS", "2020-01-01T00:00", null);

  private static FacilityType typeNamed(String name) {
    return switch (name) {
      case "KARAOKE" -> KARAOKE;
      case "RESTAURANT" -> RESTAURANT;
      case "ACADEMY" -> ACADEMY;
      case "ALWAYS" -> ALWAYS;
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static void assertDecision(PassReason expected, PassDecision decision) {
    assertEquals(expected, decision.reason());
    assertEquals(expected.outcome(), decision.outcome());
  }

  private static PassFacts vaccination(LocalDate finalDose, LocalDate booster) {
    return new PassFacts(finalDose, booster, null, null, null, null);
  }

  @ParameterizedTest(name = "{0} at {1} → {3}")
  @CsvSource({
    // columns: type, at (KST), booster, reason
    "ALWAYS,     2021-10-31T23:59:59, 2021-10-01, NOT_COVERED", // no policy row before the pass
    "ALWAYS,     2021-11-01T00:00:00, 2021-10-01, BOOSTED", // the pass starts
    "ALWAYS,     2022-02-28T23:59:59, 2021-10-01, BOOSTED", // the last second of the pass
    "ALWAYS,     2022-03-01T00:00:00, 2021-10-01, NOT_COVERED", // suspended entirely
    "ALWAYS,     2022-03-02T00:00:00,           , NOT_COVERED", // suspended, even without proof
    "KARAOKE,    2021-11-01T00:00:00,           , NO_PROOF", // covered from the first day
    "RESTAURANT, 2021-12-05T23:59:59,           , NOT_COVERED", // type not covered yet
    "RESTAURANT, 2021-12-06T00:00:00,           , NO_PROOF", // type covered from 2021-12-06
    "ACADEMY,    2022-01-03T23:59:59,           , NO_PROOF", // academies until the court's order
    "ACADEMY,    2022-01-04T00:00:00,           , NOT_COVERED", // suspended for academies
    "ACADEMY,    2022-01-05T00:00:00,           , NOT_COVERED", // and after
  })
  void notCoveredWhenSuspendedOrOutsideTheType(
      String type, LocalDateTime at, LocalDate booster, PassReason reason) {
    assertDecision(
        reason,
        RULES.decide(
            vaccination(null, booster), typeNamed(type), at.atZone(KST).toInstant(), null));
  }

  @ParameterizedTest(name = "dose {1}, booster {2}, at {0} → {3}")
  @CsvSource({
    // columns: at (KST), final dose, booster, reason
    "2021-11-14T23:59:59, 2021-11-01,           , NOT_YET_EFFECTIVE", // day 13 after the dose
    "2021-11-15T00:00:00, 2021-11-01,           , VACCINATED", // day 14, from KST midnight
    "2021-11-16T00:00:00, 2021-11-01,           , VACCINATED", // day 15
    "2021-11-20T12:00:00, 2021-11-20,           , NOT_YET_EFFECTIVE", // dose given today
    "2021-11-20T12:00:00, 2021-11-25,           , NOT_YET_EFFECTIVE", // dose date in the future
    "2022-01-02T23:59:59, 2021-06-01,           , VACCINATED", // old dose: no expiry before 01-03
    "2022-01-03T00:00:00, 2021-06-01,           , VACCINATION_EXPIRED", // the 180-day rule starts
    "2022-01-20T00:00:00, 2021-07-11,           , VACCINATED", // D+193, the last valid day
    "2022-01-20T23:59:59, 2021-07-11,           , VACCINATED", // its last second
    "2022-01-21T00:00:00, 2021-07-11,           , VACCINATION_EXPIRED", // D+194
    "2022-01-22T00:00:00, 2021-07-11,           , VACCINATION_EXPIRED", // D+195
    "2022-01-09T23:59:59, 2021-06-01, 2022-01-10, VACCINATION_EXPIRED", // day before the booster
    "2022-01-10T00:00:00, 2021-06-01, 2022-01-10, BOOSTED", // booster valid the same day
    "2022-01-11T00:00:00, 2021-06-01, 2022-01-10, BOOSTED", // and the day after
    "2022-02-28T12:00:00, 2021-05-01, 2021-11-15, BOOSTED", // a booster removes the expiry
    "2021-12-10T12:00:00,           , 2021-12-10, BOOSTED", // a booster alone is enough
    "2021-12-10T12:00:00, 2021-11-01, 2021-12-11, VACCINATED", // a future booster is ignored
    "2021-12-10T12:00:00, 2021-12-01, 2021-12-11, NOT_YET_EFFECTIVE", // same, dose too young
  })
  void vaccinationAndBooster(
      LocalDateTime at, LocalDate finalDose, LocalDate booster, PassReason reason) {
    assertDecision(
        reason,
        RULES.decide(vaccination(finalDose, booster), KARAOKE, at.atZone(KST).toInstant(), null));
  }

  @Test
  void kstMidnightIsFifteenHundredUtcTheDayBefore() {
    PassFacts dose = vaccination(LocalDate.of(2021, 11, 1), null);
    assertDecision(
        PassReason.NOT_YET_EFFECTIVE,
        RULES.decide(dose, KARAOKE, Instant.parse("2021-11-14T14:59:59Z"), null));
    assertDecision(
        PassReason.VACCINATED,
        RULES.decide(dose, KARAOKE, Instant.parse("2021-11-14T15:00:00Z"), null));
  }

  @ParameterizedTest(name = "PCR notice {1}, dose {2}, at {0} → {3}")
  @CsvSource({
    // columns: at (KST), PCR notice (KST), final dose, reason
    "2021-12-20T08:59:59, 2021-12-20T09:00:00,           , PCR_EXPIRED", // notice not yet given
    "2021-12-20T09:00:00, 2021-12-20T09:00:00,           , PCR_NEGATIVE", // at the notice
    "2021-12-22T09:00:00, 2021-12-20T09:00:00,           , PCR_NEGATIVE", // exactly 48 h later
    "2021-12-22T23:59:59, 2021-12-20T09:00:00,           , PCR_NEGATIVE", // until 24:00 that day
    "2021-12-23T00:00:00, 2021-12-20T09:00:00,           , PCR_EXPIRED", // the next day
    "2021-12-24T12:00:00, 2021-12-20T09:00:00,           , PCR_EXPIRED", // and after
    "2021-12-22T20:00:00, 2021-12-20T08:00:00,           , PCR_NEGATIVE", // 48 h end on UTC 12-21
    "2021-12-22T23:59:59, 2021-12-20T23:30:00,           , PCR_NEGATIVE", // late notice, same day
    "2021-12-23T00:00:00, 2021-12-20T23:30:00,           , PCR_EXPIRED",
    "2021-12-23T00:00:00, 2021-12-21T00:00:00,           , PCR_NEGATIVE", // notice at midnight
    "2021-12-21T12:00:00, 2021-12-20T09:00:00, 2021-12-15, PCR_NEGATIVE", // dose still too young
    "2021-12-21T12:00:00, 2021-12-20T09:00:00, 2021-12-01, VACCINATED", // vaccination first
    "2022-01-10T12:00:00, 2022-01-09T09:00:00, 2021-06-01, PCR_NEGATIVE", // expired dose, PCR ok
    "2022-01-10T12:00:00, 2022-01-01T09:00:00, 2021-06-01, VACCINATION_EXPIRED", // both stale
    "2021-12-30T12:00:00, 2021-12-20T09:00:00, 2021-12-20, NOT_YET_EFFECTIVE", // young dose first
  })
  void negativePcr(
      LocalDateTime at, LocalDateTime pcrNotice, LocalDate finalDose, PassReason reason) {
    PassFacts facts =
        new PassFacts(finalDose, null, pcrNotice.atZone(KST).toInstant(), null, null, null);
    assertDecision(reason, RULES.decide(facts, KARAOKE, at.atZone(KST).toInstant(), null));
  }

  @ParameterizedTest(name = "born {1}, {2} until {3}, dose {4}, at {0} → {5}")
  @CsvSource({
    // columns: at (KST), born, exemption, until, final dose, reason
    "2022-01-10T12:00:00, 2003,          ,           ,           , NO_PROOF", // 18 or older
    "2022-01-10T12:00:00, 2004,          ,           ,           , UNDER_18", // the first year
    "2022-01-10T12:00:00, 2005,          ,           ,           , UNDER_18",
    "2021-11-10T12:00:00, 2004,          ,           ,           , UNDER_18", // also in 2021
    "2022-01-10T12:00:00, 2004,          ,           , 2021-06-01, UNDER_18", // expired, but minor
    "2022-01-10T12:00:00, 2004, MEDICAL  ,           ,           , UNDER_18", // age before papers
    "2022-02-28T12:00:00,     , MEDICAL  ,           ,           , MEDICAL_EXEMPTION", // no end
    "2022-01-30T12:00:00,     , MEDICAL  , 2022-01-31,           , MEDICAL_EXEMPTION",
    "2022-01-31T23:59:59,     , MEDICAL  , 2022-01-31,           , MEDICAL_EXEMPTION", // last day
    "2022-02-01T00:00:00,     , MEDICAL  , 2022-01-31,           , EXEMPTION_EXPIRED", // day after
    "2022-02-28T12:00:00, 2003, RECOVERED,           ,           , RECOVERED", // no end
    "2021-12-31T23:59:59,     , RECOVERED, 2021-12-31,           , RECOVERED", // last day
    "2022-01-01T00:00:00,     , RECOVERED, 2021-12-31,           , EXEMPTION_EXPIRED", // day after
    "2022-02-01T00:00:00,     , MEDICAL  , 2022-01-31, 2021-06-01, VACCINATION_EXPIRED", // dose 1st
    "2022-01-10T12:00:00,     , RECOVERED,           , 2021-06-01, RECOVERED", // papers save him
  })
  void underEighteenAndExemptionCertificates(
      LocalDateTime at,
      Integer birthYear,
      ExemptionKind exemption,
      LocalDate until,
      LocalDate finalDose,
      PassReason reason) {
    PassFacts facts = new PassFacts(finalDose, null, null, exemption, until, birthYear);
    assertDecision(reason, RULES.decide(facts, KARAOKE, at.atZone(KST).toInstant(), null));
  }

  @ParameterizedTest(name = "{0} {2} at {1}, dose {3} → {4}")
  @CsvSource({
    // columns: type, at (KST), party, final dose, reason
    "RESTAURANT, 2021-12-06T00:00:00, GROUP_ONE_UNVACCINATED,           , GROUP_ALLOWANCE", // 1st
    // day
    "RESTAURANT, 2021-12-17T23:59:59, GROUP_ONE_UNVACCINATED,           , GROUP_ALLOWANCE", // last
    "RESTAURANT, 2021-12-18T00:00:00, GROUP_ONE_UNVACCINATED,           , NO_PROOF", // alone only
    "RESTAURANT, 2021-12-19T00:00:00, GROUP_ONE_UNVACCINATED,           , NO_PROOF",
    "RESTAURANT, 2021-12-17T23:59:59, ALONE,                            , SOLO_DINER",
    "RESTAURANT, 2021-12-18T00:00:00, ALONE,                            , SOLO_DINER",
    "RESTAURANT, 2022-02-28T23:59:59, ALONE,                            , SOLO_DINER", // the last
    "RESTAURANT, 2022-03-01T00:00:00, ALONE,                            , NOT_COVERED", // suspended
    "RESTAURANT, 2021-12-10T12:00:00, NONE,                             , NO_PROOF", // not stated
    "RESTAURANT, 2021-12-10T12:00:00,                       ,           , NO_PROOF", // null = NONE
    "RESTAURANT, 2022-01-10T12:00:00, ALONE,                  2021-06-01, SOLO_DINER", // expired
    "RESTAURANT, 2022-01-10T12:00:00, GROUP_ONE_UNVACCINATED, 2021-06-01, VACCINATION_EXPIRED",
    "KARAOKE,    2021-12-10T12:00:00, ALONE,                            , NO_PROOF", // cafés only
    "KARAOKE,    2021-12-10T12:00:00, GROUP_ONE_UNVACCINATED,           , NO_PROOF", // cafés only
  })
  void restaurantDiningParty(
      String type, LocalDateTime at, DiningParty party, LocalDate finalDose, PassReason reason) {
    assertDecision(
        reason,
        RULES.decide(
            vaccination(finalDose, null), typeNamed(type), at.atZone(KST).toInstant(), party));
  }

  @Test
  void nullFactsAreNoFacts() {
    Instant at = kst("2021-12-10T12:00");
    assertDecision(PassReason.NO_PROOF, RULES.decide(null, KARAOKE, at, DiningParty.NONE));
    assertDecision(PassReason.NO_PROOF, RULES.decide(PassFacts.none(), KARAOKE, at, null));
    assertNull(PassFacts.none().finalDoseDate());
  }

  @Test
  void anotherTableDecidesByItsOwnRows() {
    PassPolicyTable table =
        new PassPolicyTable(
            List.of(new PassPolicy(LocalDate.of(2021, 11, 1), 7, 10, true, 2010, false, "test")));
    PassRules rules = new PassRules(table);
    PassFacts dose = vaccination(LocalDate.of(2021, 11, 1), null);
    assertDecision(
        PassReason.VACCINATED, rules.decide(dose, KARAOKE, kst("2021-11-08T00:00"), null));
    assertDecision(
        PassReason.VACCINATION_EXPIRED, rules.decide(dose, KARAOKE, kst("2021-11-18T00:00"), null));
  }

  @ParameterizedTest(name = "policy at {0} → row of {1}")
  @CsvSource({
    // columns: at (KST), row from, group allowance, validity, suspended
    "2021-10-31T23:59:59,           , false,    , true", // before the pass: a suspended row
    "2021-11-01T00:00:00, 2021-11-01, true,     , false", // pass starts
    "2021-12-17T23:59:59, 2021-11-01, true,     , false",
    "2021-12-18T00:00:00, 2021-12-18, false,    , false", // alone only at restaurants
    "2022-01-02T23:59:59, 2021-12-18, false,    , false",
    "2022-01-03T00:00:00, 2022-01-03, false, 180, false", // 180-day expiry
    "2022-02-28T23:59:59, 2022-01-03, false, 180, false",
    "2022-03-01T00:00:00, 2022-03-01, false, 180, true", // suspended entirely
    "2030-01-01T00:00:00, 2022-03-01, false, 180, true", // the last row stays
  })
  void policyTableAtRowBoundaries(
      LocalDateTime at,
      LocalDate rowFrom,
      boolean groupAllowance,
      Integer validityDays,
      boolean suspended) {
    PassPolicy row = PassPolicyTable.STANDARD.at(at.atZone(KST).toInstant());
    if (rowFrom == null) {
      assertFalse(PassPolicyTable.STANDARD.rows().contains(row), "not one of the rows");
    } else {
      assertEquals(rowFrom, row.effectiveFrom());
    }
    assertEquals(groupAllowance, row.groupAllowance());
    assertEquals(validityDays, row.validityDays());
    assertEquals(suspended, row.suspended());
    assertEquals(14, row.daysAfterFinalDose());
    assertEquals(2004, row.underEighteenBornFrom());
  }

  @Test
  void standardRowsAreInOrderAndNameTheirSources() {
    List<PassPolicy> rows = PassPolicyTable.STANDARD.rows();
    assertEquals(
        List.of(
            LocalDate.of(2021, 11, 1),
            LocalDate.of(2021, 12, 18),
            LocalDate.of(2022, 1, 3),
            LocalDate.of(2022, 3, 1)),
        rows.stream().map(PassPolicy::effectiveFrom).toList());
    assertTrue(rows.stream().noneMatch(r -> r.source().isBlank()));
    assertThrows(UnsupportedOperationException.class, () -> rows.add(rows.get(0)));
  }

  @Test
  void rowsMustBeInStrictDateOrder() {
    PassPolicy a = new PassPolicy(LocalDate.of(2021, 11, 1), 14, null, true, 2004, false, "a");
    PassPolicy b = new PassPolicy(LocalDate.of(2021, 12, 18), 14, null, false, 2004, false, "b");
    assertThrows(IllegalArgumentException.class, () -> new PassPolicyTable(List.of(b, a)));
    assertThrows(IllegalArgumentException.class, () -> new PassPolicyTable(List.of(a, a)));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "VACCINATED, PASS",
    "BOOSTED, PASS",
    "PCR_NEGATIVE, PASS",
    "UNDER_18, EXEMPT",
    "MEDICAL_EXEMPTION, EXEMPT",
    "RECOVERED, EXEMPT",
    "SOLO_DINER, EXEMPT",
    "GROUP_ALLOWANCE, EXEMPT",
    "NOT_COVERED, EXEMPT",
    "NOT_YET_EFFECTIVE, NO_PASS",
    "VACCINATION_EXPIRED, NO_PASS",
    "PCR_EXPIRED, NO_PASS",
    "EXEMPTION_EXPIRED, NO_PASS",
    "NO_PROOF, NO_PASS",
  })
  void eachReasonKnowsItsOutcome(PassReason reason, PassOutcome outcome) {
    assertEquals(outcome, reason.outcome());
    PassDecision decision = PassDecision.of(reason);
    assertSame(reason, decision.reason());
    assertEquals(outcome, decision.outcome());
    assertEquals(outcome != PassOutcome.NO_PASS, decision.admitted());
  }

  @Test
  void theOutcomeTableListsEveryReasonAndADecisionCannotContradictItsReason() {
    assertEquals(14, PassReason.values().length);
    assertTrue(Arrays.stream(PassReason.values()).allMatch(r -> r.outcome() != null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new PassDecision(PassOutcome.PASS, PassReason.NO_PROOF));
  }
}
