package kr.vaccinepass.portal.grace;

import static kr.vaccinepass.portal.testsupport.TestActors.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.List;
import java.util.Set;
import kr.vaccinepass.portal.enforcement.application.EnforcementService;
import kr.vaccinepass.portal.enforcement.application.ViolationDraft;
import kr.vaccinepass.portal.enforcement.domain.Inspection;
import kr.vaccinepass.portal.enforcement.domain.Penalty;
import kr.vaccinepass.portal.enforcement.domain.Violation;
import kr.vaccinepass.portal.enforcement.domain.ViolationKind;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.facility.domain.FacilityType;
import kr.vaccinepass.portal.grace.application.CalendarService;
import kr.vaccinepass.portal.grace.application.DatedPolicies;
import kr.vaccinepass.portal.grace.application.EnforcementStatusService;
import kr.vaccinepass.portal.grace.domain.DatedPolicy;
import kr.vaccinepass.portal.grace.domain.LawTables;
import kr.vaccinepass.portal.grace.domain.PenaltyRow;
import kr.vaccinepass.portal.grace.domain.PenaltyTerms;
import kr.vaccinepass.portal.grace.domain.PolicyEvent;
import kr.vaccinepass.portal.grace.domain.PolicyEventKind;
import kr.vaccinepass.portal.grace.domain.Sanction;
import kr.vaccinepass.portal.grace.domain.ViolationCause;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.domain.Money;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.Role;
import kr.vaccinepass.portal.testsupport.Deployments;
import kr.vaccinepass.portal.testsupport.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The calendar is the one store of dated policy, in WildFly on PostgreSQL: its seed equals the
 * law's tables; a correction applies to the next case and never to a case already decided (which
 * keeps its revision); a penalty schedule added through the calendar applies from its day; the
 * public status page and the inspector's preview answer from the same store. Each event a test adds
 * is retired at its end (corrected into a court ruling, which no rule reads), so that the tests
 * after it judge by the seeded store.
 */
@ExtendWith(ArquillianExtension.class)
class DatedPolicyIT {
  private static final Actor SOME_ADMIN = new Actor(0, "admin@test", Role.ADMIN, null);

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(DatedPolicyIT.class, LawTables.class);
  }

  @Inject CalendarService calendar;
  @Inject DatedPolicies policies;
  @Inject EnforcementStatusService status;
  @Inject EnforcementService enforcement;
  @Inject FacilityService facilities;
  @Inject AccountService accounts;
  @Inject Clock clock;
  @PersistenceContext EntityManager em;

  private Actor admin;
  private Actor jongno;
  private Facility cafe;

  @BeforeEach
  void world() {
    var ownerForm = TestData.owner();
    Actor owner =
        new Actor(accounts.signUpOwner(ownerForm), ownerForm.getEmail(), Role.OWNER, null);
    admin = staff(Role.ADMIN, null);
    jongno = staff(Role.INSPECTOR, TestData.JONGNO);
    cafe = as(owner, () -> facilities.register(TestData.facilityInJongno()));
  }

  private Actor staff(Role role, String sigungu) {
    var form = TestData.inspector(TestData.JONGNO);
    form.setRole(role);
    form.setJurisdictionCode(sigungu);
    long id = as(SOME_ADMIN, () -> accounts.createStaff(form));
    return new Actor(id, form.getEmail(), role, sigungu);
  }

  @Test
  void theSeededStoreIsTheLawsTables() {
    DatedPolicy seeded = policies.current();
    assertEquals(LawTables.GUIDANCE.periods().size(), countSeeded(PolicyEventKind.GUIDANCE));
    for (var period : LawTables.GUIDANCE.periods()) {
      assertTrue(
          seeded.guidance().periods().stream()
              .anyMatch(
                  p ->
                      p.from().equals(period.from())
                          && p.until().equals(period.until())
                          && p.typeCodes().equals(period.typeCodes())
                          && p.causes().equals(period.causes())),
          "the seed has the guidance period " + period);
    }
    for (var schedule : LawTables.PENALTIES.all()) {
      var stored = seeded.penalties().named(schedule.name()).orElseThrow();
      assertEquals(schedule.effectiveFrom(), stored.effectiveFrom());
      assertEquals(schedule.visitorFine(), stored.visitorFine());
      assertEquals(schedule.operatorRows(), stored.operatorRows());
    }
    assertEquals(LawTables.PASS_POLICY.rows(), seeded.passPolicies().rows());
    assertEquals(LocalDate.of(2021, 11, 8), seeded.finesStart());
    assertEquals(LocalDate.of(2022, 3, 1), seeded.passSuspended());
  }

  @Test
  void aCorrectedGuidancePeriodJudgesTheNextCaseAndLeavesTheDecidedOneAsItWas() {
    PolicyEvent period =
        as(
            admin,
            () ->
                calendar.add(
                    guidance(LocalDate.of(2021, 10, 20), LocalDate.of(2021, 10, 22)), "테스트 계도기간"));
    Inspection inspection = open(kst("2021-10-23T12:00"));
    Violation before = log(inspection, kst("2021-10-23T12:05"));
    // before the first schedule, the first schedule: 1,500,000 won and 10 days for the 1st
    assertEquals(Money.won(1_500_000), before.getFine());
    long revisionBefore = before.getPolicyRevision();
    assertEquals(period.getStoreRevision(), revisionBefore);

    PolicyEvent corrected =
        as(
            admin,
            () ->
                calendar.edit(
                    period.getId(),
                    guidance(LocalDate.of(2021, 10, 20), LocalDate.of(2021, 10, 25)),
                    "계도기간 연장 발표"));
    assertTrue(corrected.getStoreRevision() > revisionBefore);

    Penalty preview = previewAt(kst("2021-10-23T12:05"));
    assertTrue(preview.warningOnly(), "the preview follows the correction");
    assertEquals(corrected.getStoreRevision(), preview.policyRevision());

    Violation after = log(inspection, kst("2021-10-23T12:05"));
    assertTrue(after.isWarningOnly(), "the next case is judged by the corrected period");
    assertEquals(Money.ZERO, after.getFine());
    assertEquals(corrected.getStoreRevision(), after.getPolicyRevision());

    em.clear();
    Violation stored = em.find(Violation.class, before.getId());
    assertEquals(Money.won(1_500_000), stored.getFine(), "a decided case is never rewritten");
    assertFalse(stored.isWarningOnly());
    assertEquals(
        revisionBefore, stored.getPolicyRevision(), "it keeps the revision it was judged by");
    retire(period);
  }

  /** Corrects a test's event into a court ruling, which no rule reads: the seeded store again. */
  private void retire(PolicyEvent event) {
    as(
        admin,
        () ->
            calendar.edit(
                event.getId(),
                new PolicyEvent.Content(
                    PolicyEventKind.COURT,
                    event.getStartsOn(),
                    event.getEndsOn(),
                    "시험 종료",
                    "Test over",
                    "테스트"),
                "시험 종료"));
  }

  @Test
  void aPenaltyScheduleAddedThroughTheCalendarAppliesFromItsDay() {
    PenaltyTerms terms =
        new PenaltyTerms(
            Money.won(200_000),
            List.of(
                new PenaltyRow(1, Money.won(700_000), Sanction.WARNING),
                new PenaltyRow(2, Money.won(1_400_000), Sanction.suspension(Period.ofDays(5)))));
    PolicyEvent change =
        as(
            admin,
            () ->
                calendar.add(
                    new PolicyEvent.Content(
                        PolicyEventKind.PENALTY_CHANGE,
                        LocalDate.of(2022, 1, 5),
                        null,
                        "시험 처벌 기준",
                        "Test penalties",
                        "테스트",
                        Set.of(),
                        null,
                        terms,
                        null,
                        false),
                    null));
    try {
      Inspection inspection = open(kst("2022-01-06T12:00"));
      Violation dayBefore = log(inspection, kst("2022-01-04T23:59"));
      Violation onTheDay = log(inspection, kst("2022-01-05T00:00"));
      assertEquals(Money.won(1_500_000), dayBefore.getFine(), "the schedule of 2021-11-01 still");
      assertEquals("2021-11", dayBefore.getSchedule());
      // the 2nd violation, by the new schedule's 2nd row
      assertEquals(Money.won(1_400_000), onTheDay.getFine());
      assertEquals(Sanction.suspension(Period.ofDays(5)), onTheDay.proposedSanction());
      assertEquals("2022-01-05", onTheDay.getSchedule());
    } finally {
      retire(change);
    }
    assertEquals(
        "2021-11",
        policies.current().penalties().at(kst("2022-01-05T00:00")).name(),
        "retired: the seeded schedules again");
    assertTrue(change.getStoreRevision() > 1);
  }

  @Test
  void aCoverageEventOfTheCalendarDecidesWhenATypeIsCovered() {
    Instant dayAfter = kst("2021-11-21T12:00");
    assertTrue(karaoke().isCoveredAt(dayAfter), "covered from 2021-11-01 to the end of the pass");
    PolicyEvent lifted =
        as(
            admin,
            () ->
                calendar.add(
                    new PolicyEvent.Content(
                        PolicyEventKind.COVERAGE,
                        LocalDate.of(2021, 11, 20),
                        null,
                        "시험 해제",
                        "Test lift",
                        "테스트",
                        Set.of("KARAOKE"),
                        null,
                        null,
                        null,
                        true),
                    null));
    try {
      assertFalse(karaoke().isCoveredAt(dayAfter), "lifted from 2021-11-20");
      assertTrue(karaoke().isCoveredAt(kst("2021-11-19T23:59")));
    } finally {
      retire(lifted);
    }
    assertTrue(karaoke().isCoveredAt(dayAfter), "retired: covered again");
    assertEquals(
        "calendar.coverage.typesRequired",
        refused(content(PolicyEventKind.COVERAGE, LocalDate.of(2021, 11, 20), null)));
  }

  private FacilityType karaoke() {
    return as(admin, () -> facilities.types()).stream()
        .filter(t -> t.getCode().equals("KARAOKE"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void thePublicPageAndThePreviewAgreeAfterACorrection() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), Kst.ZONE);
    Instant aMinuteAgo = clock.instant().minusSeconds(60);
    PolicyEvent period =
        as(admin, () -> calendar.add(guidance(today.minusDays(1), today.plusDays(1)), null));
    try {
      assertEquals("status.guidance", status.now(null, null).reason());
      assertTrue(previewAt(aMinuteAgo).warningOnly());
    } finally {
      retire(period);
    }
    assertFalse("status.guidance".equals(status.now(null, null).reason()));
    assertFalse(previewAt(aMinuteAgo).warningOnly(), "both read the corrected store");
  }

  @Test
  void badTermsAreRefusedWithAMessageAndNothingIsStored() {
    long revision = policies.current().revision();
    LocalDate day = LocalDate.of(2022, 8, 1);
    assertEquals("calendar.guidance.endRequired", refused(guidance(day, null)));
    assertEquals(
        "calendar.types.unknown",
        refused(content(PolicyEventKind.GUIDANCE, day, day.plusDays(1), Set.of("NO_SUCH_TYPE"))));
    assertEquals(
        "calendar.penalty.required", refused(content(PolicyEventKind.PENALTY_CHANGE, day, null)));
    assertEquals(
        "calendar.penalty.sameDay",
        refused(
            new PolicyEvent.Content(
                PolicyEventKind.PENALTY_CHANGE,
                LocalDate.of(2022, 2, 9),
                null,
                "같은 날",
                "Same day",
                "s",
                Set.of(),
                null,
                PenaltyTerms.of(LawTables.PENALTIES.all().get(0)),
                null,
                false)));
    assertThrows(BusinessException.class, () -> new PenaltyTerms(Money.won(100_000), List.of()));
    assertEquals(revision, policies.current().revision(), "nothing was stored");
    PolicyEvent next =
        as(admin, () -> calendar.add(content(PolicyEventKind.COURT, day, null), null));
    assertEquals(revision + 1, next.getStoreRevision(), "a refused change leaves no number behind");
    assertEquals("2022-02", policies.current().penalties().at(kst("2022-02-09T00:00")).name());
  }

  /** The message key the calendar refuses that content with, as an administrator adds it. */
  private String refused(PolicyEvent.Content content) {
    return assertThrows(BusinessException.class, () -> as(admin, () -> calendar.add(content, null)))
        .messageKey();
  }

  private static PolicyEvent.Content content(
      PolicyEventKind kind, LocalDate from, LocalDate to, Set<String> types) {
    return new PolicyEvent.Content(
        kind, from, to, "시험", "Test", "테스트", types, null, null, null, false);
  }

  private static PolicyEvent.Content content(PolicyEventKind kind, LocalDate from, LocalDate to) {
    return content(kind, from, to, Set.of());
  }

  /** How many events of that kind the migrations seeded (their first version has no author). */
  private long countSeeded(PolicyEventKind kind) {
    return ((Number)
            em.createNativeQuery(
                    "select count(*) from policy_event_revision"
                        + " where revision = 0 and changed_by is null and kind = ?1")
                .setParameter(1, kind.name())
                .getSingleResult())
        .longValue();
  }

  private Penalty previewAt(Instant at) {
    return as(
        jongno,
        () ->
            enforcement.preview(
                cafe.getId(), ViolationKind.OPERATOR, ViolationCause.NO_VALID_PASS, at));
  }

  private static PolicyEvent.Content guidance(LocalDate from, LocalDate to) {
    return new PolicyEvent.Content(
        PolicyEventKind.GUIDANCE,
        from,
        to,
        "시험 계도기간",
        "Test guidance period",
        "테스트",
        Set.of("RESTAURANT_CAFE"),
        null,
        null,
        null,
        false);
  }

  private Inspection open(Instant at) {
    return as(jongno, () -> enforcement.openInspection(cafe.getId(), at, "점검"));
  }

  private Violation log(Inspection inspection, Instant at) {
    ViolationDraft draft = new ViolationDraft();
    draft.setKind(ViolationKind.OPERATOR);
    draft.setOccurredAt(at);
    draft.setDescription("QR 미확인");
    return as(jongno, () -> enforcement.logViolation(inspection.getId(), draft));
  }

  private static Instant kst(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(Kst.ZONE).toInstant();
  }
}
