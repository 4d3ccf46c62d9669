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
import java.util.Arrays;
import java.util.List;
import kr.vaccinepass.portal.facility.domain.CoveragePeriod;
import kr.vaccinepass.portal.facility.domain.FacilityType;
import kr.vaccinepass.portal.grace.domain.LawTables;
import kr.vaccinepass.portal.grace.domain.PassPolicy;
import kr.vaccinepass.portal.grace.domain.PassPolicyTable;
import kr.vaccinepass.portal.shared.domain.Kst;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pass rules of domain-rules.md ("Who holds a valid pass", "Calendar"), at every date boundary:
 * the day before, the day of and the day after, at Kst.ZONE midnight. The decision cases live in
 * the shared file {@code pass-rules-cases.json}, which the door app's rules module passes as well.
 */
class PassRulesTest {
  private static final PassRules RULES = new PassRules(LawTables.PASS_POLICY);

  private static Instant kst(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(Kst.ZONE).toInstant();
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

  private static void assertDecision(PassReason expected, PassDecision decision) {
    assertEquals(expected, decision.reason());
    assertEquals(expected.outcome(), decision.outcome());
  }

  private static PassFacts vaccination(LocalDate finalDose, LocalDate booster) {
    return new PassFacts(finalDose, booster, null, null, null, null);
  }

  static List<PassRuleCases.Case> cases() {
    return PassRuleCases.all();
  }

  /**
   * Every case of the shared file (pass-rules-cases.json), which the door app's module passes too.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decidesEverySharedCase(PassRuleCases.Case c) {
    assertEquals(c.reason().outcome(), c.outcome(), "the case's outcome is its reason's");
    assertDecision(c.reason(), RULES.decide(c.facts(), c.type(), c.at(), c.party()));
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
    // columns: at (Kst.ZONE), row from, group allowance, validity, suspended
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
    PassPolicy row = LawTables.PASS_POLICY.at(at.atZone(Kst.ZONE).toInstant());
    if (rowFrom == null) {
      assertFalse(LawTables.PASS_POLICY.rows().contains(row), "not one of the rows");
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
    List<PassPolicy> rows = LawTables.PASS_POLICY.rows();
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
