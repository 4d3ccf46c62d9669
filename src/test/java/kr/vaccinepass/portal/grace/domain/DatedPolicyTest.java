package kr.vaccinepass.portal.grace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.domain.Money;
import org.junit.jupiter.api.Test;

/** The dated policy the calendar's events make, as the rules read it. */
class DatedPolicyTest {
  private static final Instant AT = Instant.parse("2026-12-04T00:00:00Z");
  private static final long ADMIN = 7;

  @Test
  void aGuidancePeriodCoversFromItsFirstToItsLastDayAtItsTypesForItsCause() {
    PolicyEvent e =
        event(
            new PolicyEvent.Content(
                PolicyEventKind.GUIDANCE,
                LocalDate.of(2022, 1, 3),
                LocalDate.of(2022, 1, 9),
                "계도",
                "Guidance",
                "JTBC",
                Set.of("KARAOKE"),
                ViolationCause.PASS_EXPIRED_180_DAYS,
                null,
                null,
                false),
            5);
    GuidancePeriods g = DatedPolicy.of(List.of(e, penalties(1))).guidance();
    assertTrue(g.covers(kst("2022-01-09T23:59"), "KARAOKE", ViolationCause.PASS_EXPIRED_180_DAYS));
    assertFalse(g.covers(kst("2022-01-10T00:00"), "KARAOKE", ViolationCause.PASS_EXPIRED_180_DAYS));
    assertFalse(g.covers(kst("2022-01-02T23:59"), "KARAOKE", ViolationCause.PASS_EXPIRED_180_DAYS));
    assertFalse(g.covers(kst("2022-01-05T12:00"), "KARAOKE", ViolationCause.NO_VALID_PASS));
    assertFalse(g.covers(kst("2022-01-05T12:00"), "PC_ROOM", ViolationCause.PASS_EXPIRED_180_DAYS));
    assertTrue(g.anyOn(LocalDate.of(2022, 1, 9)));
  }

  @Test
  void theRevisionIsTheHighestOfItsEvents() {
    DatedPolicy p =
        DatedPolicy.of(
            List.of(
                penalties(3),
                passRule(LocalDate.of(2021, 11, 1), null, 9),
                passRule(LocalDate.of(2021, 12, 1), null, 4)));
    assertEquals(9, p.revision());
  }

  @Test
  void theEndOfThePassSuspendsTheRulesInForceAndAChangeWithoutRulesMakesNoRow() {
    PolicyEvent start = passRule(LocalDate.of(2021, 11, 1), new PassTerms(14, null, true, 2004));
    PolicyEvent expiry = passRule(LocalDate.of(2022, 1, 3), new PassTerms(14, 180, false, 2004));
    PolicyEvent visitorLog = passRule(LocalDate.of(2022, 2, 19), null);
    PolicyEvent end =
        event(
            new PolicyEvent.Content(
                PolicyEventKind.PASS_SUSPENDED,
                LocalDate.of(2022, 3, 1),
                null,
                "중단",
                "Suspended",
                "Kukmin Ilbo"),
            1);
    PassPolicyTable t =
        DatedPolicy.of(List.of(end, visitorLog, expiry, start, penalties(1))).passPolicies();
    assertEquals(3, t.rows().size());
    PassPolicy last = t.rows().get(2);
    assertTrue(last.suspended());
    assertEquals(Integer.valueOf(180), last.validityDays(), "the rules in force, suspended");
    assertEquals(LocalDate.of(2022, 3, 1), last.effectiveFrom());
    assertTrue(t.at(kst("2021-10-31T23:59")).suspended(), "no pass before the first row");
    assertTrue(t.at(kst("2021-11-01T00:00")).groupAllowance());
  }

  @Test
  void aPenaltyChangeMakesAScheduleFromItsDayAndACorrectionToAnotherKindRemovesIt() {
    PolicyEvent first = penalties(1);
    PolicyEvent eased =
        event(
            new PolicyEvent.Content(
                PolicyEventKind.PENALTY_CHANGE,
                LocalDate.of(2022, 2, 9),
                null,
                "완화",
                "Eased",
                "KHA news",
                Set.of(),
                null,
                new PenaltyTerms(
                    Money.won(100_000),
                    List.of(new PenaltyRow(1, Money.won(500_000), Sanction.WARNING))),
                null,
                false),
            2);
    DatedPolicy p = DatedPolicy.of(List.of(first, eased));
    assertEquals("2022-02-09", p.penalties().at(kst("2022-02-09T00:00")).name());
    assertEquals(
        Money.won(500_000), p.penalties().at(kst("2022-02-09T00:00")).operatorRow(1).fine());

    eased.edit(
        new PolicyEvent.Content(
            PolicyEventKind.COURT, LocalDate.of(2022, 2, 9), null, "법원", "Court", "Edaily"),
        "잘못 입력함",
        ADMIN,
        AT,
        3);
    DatedPolicy corrected = DatedPolicy.of(List.of(first, eased));
    assertEquals(3, corrected.revision());
    assertEquals("2021-11-01", corrected.penalties().at(kst("2022-02-09T00:00")).name());
  }

  @Test
  void whatAKindNeedsIsRequiredWithAMessageOnItsField() {
    BusinessException noEnd =
        assertThrows(
            BusinessException.class,
            () ->
                event(
                    new PolicyEvent.Content(
                        PolicyEventKind.GUIDANCE,
                        LocalDate.of(2022, 1, 3),
                        null,
                        "계도",
                        "Guidance",
                        "JTBC",
                        Set.of(),
                        null,
                        null,
                        null,
                        false),
                    1));
    assertEquals("calendar.guidance.endRequired", noEnd.messageKey());
    assertEquals(
        "calendar.penalty.required",
        assertThrows(
                BusinessException.class,
                () ->
                    event(
                        new PolicyEvent.Content(
                            PolicyEventKind.PENALTY_CHANGE,
                            LocalDate.of(2022, 1, 3),
                            null,
                            "처벌",
                            "Penalties",
                            "news"),
                        1))
            .messageKey());
    assertEquals(
        "calendar.pass.days.range",
        assertThrows(BusinessException.class, () -> new PassTerms(-1, null, false, 2004))
            .messageKey());
    assertEquals(
        "calendar.penalty.rows.required",
        assertThrows(BusinessException.class, () -> new PenaltyTerms(Money.won(1), List.of()))
            .messageKey());
  }

  @Test
  void aSanctionIsStoredAsACodeAndReadBack() {
    for (Sanction s :
        List.of(
            Sanction.NONE,
            Sanction.WARNING,
            Sanction.CLOSURE,
            Sanction.suspension(java.time.Period.ofDays(10)),
            Sanction.suspension(java.time.Period.ofMonths(3)))) {
      assertEquals(s, Sanction.ofCode(s.code()));
    }
    assertThrows(IllegalArgumentException.class, () -> Sanction.ofCode("SUSPENSION"));
    assertThrows(IllegalArgumentException.class, () -> Sanction.ofCode("P1X"));
  }

  private static PolicyEvent penalties(long revision) {
    return event(
        new PolicyEvent.Content(
            PolicyEventKind.PENALTY_CHANGE,
            LocalDate.of(2021, 11, 1),
            null,
            "처벌",
            "Penalties",
            "news",
            Set.of(),
            null,
            PenaltyTerms.of(LawTables.PENALTIES.all().get(0)),
            null,
            false),
        revision);
  }

  private static PolicyEvent passRule(LocalDate day, PassTerms terms) {
    return passRule(day, terms, 1);
  }

  private static PolicyEvent passRule(LocalDate day, PassTerms terms, long revision) {
    return event(
        new PolicyEvent.Content(
            PolicyEventKind.PASS_RULE,
            day,
            null,
            "규칙",
            "Rule",
            "news",
            Set.of(),
            null,
            null,
            terms,
            false),
        revision);
  }

  private static PolicyEvent event(PolicyEvent.Content content, long revision) {
    return PolicyEvent.create(content, null, ADMIN, AT, revision);
  }

  private static Instant kst(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(Kst.ZONE).toInstant();
  }
}
