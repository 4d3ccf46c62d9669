package kr.vaccinepass.portal.enforcement;

import static kr.vaccinepass.portal.testsupport.TestActors.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import jakarta.validation.ConstraintViolationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.List;
import kr.vaccinepass.portal.enforcement.application.EnforcementService;
import kr.vaccinepass.portal.enforcement.application.OwnerCaseService;
import kr.vaccinepass.portal.enforcement.application.ViolationDraft;
import kr.vaccinepass.portal.enforcement.application.ViolationRow;
import kr.vaccinepass.portal.enforcement.domain.FineState;
import kr.vaccinepass.portal.enforcement.domain.FineTotals;
import kr.vaccinepass.portal.enforcement.domain.Inspection;
import kr.vaccinepass.portal.enforcement.domain.Notice;
import kr.vaccinepass.portal.enforcement.domain.Penalty;
import kr.vaccinepass.portal.enforcement.domain.Violation;
import kr.vaccinepass.portal.enforcement.domain.ViolationFilter;
import kr.vaccinepass.portal.enforcement.domain.ViolationKind;
import kr.vaccinepass.portal.facility.application.FacilityDraft;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.grace.domain.Sanction;
import kr.vaccinepass.portal.grace.domain.ViolationCause;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.shared.domain.AccessDeniedException;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.domain.Money;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.domain.PageRequest;
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
 * Inspections and violations in WildFly on PostgreSQL: the penalty from the law's table, the
 * escalation of operator violations, the count rule, the jurisdiction, encryption at rest; the
 * preview before saving; the inspector's filtered list, its count and its sums.
 */
@ExtendWith(ArquillianExtension.class)
class EnforcementServiceIT {
  private static final Actor SOME_ADMIN = new Actor(0, "admin@test", Role.ADMIN, null);

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(EnforcementServiceIT.class);
  }

  @Inject EnforcementService enforcement;
  @Inject OwnerCaseService owners;
  @Inject FacilityService facilities;
  @Inject AccountService accounts;
  @PersistenceContext EntityManager em;
  @Resource UserTransaction tx;

  private Actor owner;
  private Actor jongno;
  private Actor busan;
  private Facility cafe;

  @BeforeEach
  void world() {
    var ownerForm = TestData.owner();
    owner = new Actor(accounts.signUpOwner(ownerForm), ownerForm.getEmail(), Role.OWNER, null);
    jongno = inspector(TestData.JONGNO);
    busan = inspector(TestData.BUSAN_JUNG);
    cafe = as(owner, () -> facilities.register(TestData.facilityInJongno()));
  }

  @Test
  void operatorViolationsEscalateFromFirstToFourthOnTheFirstSchedule() {
    Inspection inspection = open(cafe, kst("2021-12-20T12:00"));

    Violation first = log(inspection, ViolationKind.OPERATOR, kst("2021-12-20T12:05"));
    Violation second = log(inspection, ViolationKind.OPERATOR, kst("2021-12-27T12:05"));
    Violation third = log(inspection, ViolationKind.OPERATOR, kst("2022-01-03T12:05"));
    Violation fourth = log(inspection, ViolationKind.OPERATOR, kst("2022-01-10T12:05"));

    assertPenalty(first, 0, 1_500_000, Sanction.suspension(Period.ofDays(10)));
    assertPenalty(second, 1, 3_000_000, Sanction.suspension(Period.ofDays(20)));
    assertPenalty(third, 2, 3_000_000, Sanction.suspension(Period.ofMonths(3)));
    assertPenalty(fourth, 3, 3_000_000, Sanction.CLOSURE);
    assertEquals(FineState.DRAFT, fourth.getFineCase().getState());
    assertEquals("2021-11", fourth.getSchedule());
  }

  @Test
  void theEasedScheduleAppliesFromTheNinthOfFebruary() {
    Inspection inspection = open(cafe, kst("2022-02-08T12:00"));

    Violation before = log(inspection, ViolationKind.OPERATOR, kst("2022-02-08T23:59"));
    Violation after = log(inspection, ViolationKind.OPERATOR, kst("2022-02-09T00:01"));

    assertPenalty(before, 0, 1_500_000, Sanction.suspension(Period.ofDays(10)));
    // the 2nd on the eased schedule (KHA news; Ilyo)
    assertPenalty(after, 1, 1_000_000, Sanction.suspension(Period.ofDays(10)));
  }

  @Test
  void aCancelledFineDoesNotCountAndAGuidanceWarningIsNotFined() {
    Inspection inspection = open(cafe, kst("2021-12-20T12:00"));
    // 2021-12-10 lies in the guidance period of restaurants (12-06 – 12-12): a warning
    Violation warned = log(inspection, ViolationKind.OPERATOR, kst("2021-12-10T12:00"));
    Violation first = log(inspection, ViolationKind.OPERATOR, kst("2021-12-20T12:05"));
    as(jongno, () -> enforcement.cancelFine(first.getId(), "logged in error"));
    Violation again = log(inspection, ViolationKind.OPERATOR, kst("2021-12-21T12:05"));

    assertTrue(warned.isWarningOnly());
    assertNull(warned.getFineCase());
    assertEquals(Money.ZERO, warned.getFine());
    assertPenalty(again, 0, 1_500_000, Sanction.suspension(Period.ofDays(10)));
  }

  @Test
  void aVisitorIsFinedAHundredThousandWonAndTheirDataIsEncrypted() throws Exception {
    Inspection inspection = open(cafe, kst("2021-12-20T12:00"));
    ViolationDraft draft = draft(ViolationKind.VISITOR, kst("2021-12-20T12:10"));
    draft.setVisitorName("홍길동");
    draft.setVisitorBirthDate(LocalDate.of(1990, 5, 1));
    draft.setVisitorPhone("01055556666");
    draft.setShown("COOV screenshot (not proof)");

    Violation v = as(jongno, () -> enforcement.logViolation(inspection.getId(), draft));

    assertEquals(Money.won(100_000), v.getFine());
    assertEquals("홍*동", v.maskedVisitorName());
    tx.begin();
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "select visitor_name, visitor_phone, visitor_birth_date from violation where id = ?1")
                .setParameter(1, v.getId())
                .getSingleResult();
    tx.commit();
    for (Object column : row) {
      // the whole values: four digits may turn up in the ciphertext's base64 by chance
      assertFalse(
          column.toString().contains("홍길동")
              || column.toString().contains("01055556666")
              || column.toString().contains("1990-05-01"),
          column.toString());
      assertTrue(column.toString().startsWith("test1."), column.toString());
    }
  }

  @Test
  void anInspectorActsOnlyInTheirOwnJurisdiction() {
    NotFoundException outside =
        assertThrows(
            NotFoundException.class,
            () ->
                as(
                    busan,
                    () -> enforcement.openInspection(cafe.getId(), kst("2021-12-20T12:00"), null)));
    assertEquals("enforcement.outsideJurisdiction", outside.messageKey());

    Inspection inspection = open(cafe, kst("2021-12-20T12:00"));
    Violation v = log(inspection, ViolationKind.OPERATOR, kst("2021-12-20T12:05"));
    assertThrows(
        NotFoundException.class,
        () ->
            as(
                busan,
                () ->
                    enforcement.logViolation(
                        inspection.getId(),
                        draft(ViolationKind.OPERATOR, kst("2021-12-20T12:06")))));
    assertThrows(NotFoundException.class, () -> as(busan, () -> enforcement.violation(v.getId())));
    assertThrows(
        NotFoundException.class, () -> as(busan, () -> enforcement.cancelFine(v.getId(), "x")));
    assertTrue(
        as(busan, () -> enforcement.violations(0, 50)).stream()
            .noneMatch(x -> x.getId().equals(v.getId())));
    assertThrows(
        AccessDeniedException.class,
        () ->
            as(
                owner,
                () -> enforcement.openInspection(cafe.getId(), kst("2021-12-20T12:00"), null)));
  }

  @Test
  void theFineGoesThroughItsProcedureAndTheOwnerGivesAnOpinion() {
    Inspection inspection = open(cafe, kst("2021-12-20T12:00"));
    Violation v = log(inspection, ViolationKind.OPERATOR, kst("2021-12-20T12:05"));
    BusinessException tooSoon =
        assertThrows(
            BusinessException.class,
            () ->
                as(
                    jongno,
                    () -> enforcement.sendPriorNotice(v.getId(), LocalDate.of(2022, 2, 25))));
    assertEquals("fine.opinionDeadline.tooSoon", tooSoon.messageKey());
    BusinessException notYet =
        assertThrows(
            BusinessException.class,
            () -> as(jongno, () -> enforcement.notice(v.getId(), Notice.Kind.PRIOR_NOTICE)));
    assertEquals("notice.notYet", notYet.messageKey());
    as(jongno, () -> enforcement.sendPriorNotice(v.getId(), LocalDate.of(2022, 3, 3)));
    byte[] pdf = as(owner, () -> owners.notice(v.getId(), Notice.Kind.PRIOR_NOTICE));
    assertTrue(pdfText(pdf).contains("1,500,000원"), pdfText(pdf));
    assertTrue(pdfText(pdf).contains(cafe.getName()));
    assertTrue(
        pdfText(as(jongno, () -> enforcement.notice(v.getId(), Notice.Kind.PRIOR_NOTICE)))
            .contains("1,200,000원"));

    Actor stranger = new Actor(accounts.signUpOwner(TestData.owner()), "x@test", Role.OWNER, null);
    assertThrows(
        NotFoundException.class,
        () -> as(stranger, () -> owners.submitOpinion(v.getId(), "not mine")));
    as(owner, () -> owners.submitOpinion(v.getId(), "The QR app was down at lunch."));
    BusinessException early =
        assertThrows(
            BusinessException.class, () -> as(jongno, () -> enforcement.impose(v.getId())));
    assertEquals("fine.impose.opinionPeriodOpen", early.messageKey());

    var paid =
        as(
            jongno,
            () ->
                enforcement.recordPayment(
                    v.getId(), Money.won(1_200_000), LocalDate.of(2022, 2, 20)));

    assertEquals(FineState.VOLUNTARILY_PAID, paid.getState());
    var reloaded = as(owner, () -> owners.violationsOf(cafe.getId())).get(0).getFineCase();
    assertEquals(FineState.VOLUNTARILY_PAID, reloaded.getState());
    assertEquals("The QR app was down at lunch.", reloaded.getOpinion());
    assertEquals(
        java.util.List.of(
            FineState.DRAFT,
            FineState.PRIOR_NOTICE_SENT,
            FineState.PRIOR_NOTICE_SENT,
            FineState.VOLUNTARILY_PAID),
        reloaded.getHistory().stream().map(t -> t.to()).toList());
    assertEquals(owner.accountId(), reloaded.getHistory().get(2).by());
    assertEquals(jongno.accountId(), reloaded.getHistory().get(3).by());
    BusinessException noObjection =
        assertThrows(
            BusinessException.class,
            () ->
                as(
                    jongno,
                    () -> enforcement.recordObjection(v.getId(), LocalDate.of(2022, 2, 22), "x")));
    assertEquals("fine.transition.invalid", noObjection.messageKey());
  }

  @Test
  void badInputIsRefusedAndNothingIsStored() {
    Inspection inspection = open(cafe, kst("2021-12-20T12:00"));
    ViolationDraft noName = draft(ViolationKind.VISITOR, kst("2021-12-20T12:10"));
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () -> as(jongno, () -> enforcement.logViolation(inspection.getId(), noName)));
    assertEquals("violation.visitor.nameRequired", e.messageKey());
    assertThrows(
        BusinessException.class,
        () ->
            as(
                jongno,
                () ->
                    enforcement.openInspection(
                        cafe.getId(), Instant.now().plusSeconds(86_400 * 365L * 10), null)));
    assertEquals(
        0,
        as(jongno, () -> enforcement.violations(0, 200)).stream()
            .filter(v -> v.getFacilityId() == cafe.getId())
            .count());
  }

  @Test
  void thePreviewIsThePenaltyLoggingSetsAndWritesNothing() {
    Inspection inspection = open(cafe, kst("2021-11-22T12:00"));
    Penalty first =
        preview(ViolationKind.OPERATOR, ViolationCause.NO_VALID_PASS, kst("2021-11-22T12:05"));
    assertEquals(Money.won(1_500_000), first.fine());
    assertEquals(Sanction.suspension(Period.ofDays(10)), first.proposedSanction());
    assertTrue(as(jongno, () -> enforcement.violationsOfFacility(cafe.getId())).isEmpty());

    Violation logged = log(inspection, ViolationKind.OPERATOR, kst("2021-11-22T12:05"));
    assertEquals(first.fine(), logged.getFine());
    assertEquals(first.proposedSanction(), logged.proposedSanction());
    assertEquals(first.schedule(), logged.getSchedule());

    // the next one counts the first, as logging will
    Penalty second =
        preview(ViolationKind.OPERATOR, ViolationCause.NO_VALID_PASS, kst("2021-11-23T12:05"));
    assertEquals(Money.won(3_000_000), second.fine());
    assertEquals(Sanction.suspension(Period.ofDays(20)), second.proposedSanction());
    Penalty visitor =
        preview(ViolationKind.VISITOR, ViolationCause.NO_VALID_PASS, kst("2021-11-23T12:05"));
    assertEquals(Money.won(100_000), visitor.fine());
    assertEquals(Sanction.NONE, visitor.proposedSanction());
    // 2021-12-10: the guidance period of restaurants and cafés
    Penalty warned =
        preview(ViolationKind.OPERATOR, ViolationCause.NO_VALID_PASS, kst("2021-12-10T12:00"));
    assertTrue(warned.warningOnly());
    assertEquals(Money.ZERO, warned.fine());
    // 2022-01-05: the guidance week of the 180-day expiry covers an expired pass, not a missing one
    Penalty expired =
        preview(
            ViolationKind.VISITOR, ViolationCause.PASS_EXPIRED_180_DAYS, kst("2022-01-05T12:00"));
    assertTrue(expired.warningOnly());
    Penalty missing =
        preview(ViolationKind.VISITOR, ViolationCause.NO_VALID_PASS, kst("2022-01-05T12:00"));
    assertEquals(Money.won(100_000), missing.fine());
    assertEquals(1, as(jongno, () -> enforcement.violationsOfFacility(cafe.getId())).size());
    assertEquals(1, as(jongno, () -> enforcement.inspectionsOfFacility(cafe.getId())).size());

    // the portal's clock decides "future"
    BusinessException future =
        assertThrows(
            BusinessException.class,
            () ->
                as(
                    jongno,
                    () ->
                        enforcement.preview(
                            cafe.getId(),
                            ViolationKind.OPERATOR,
                            ViolationCause.NO_VALID_PASS,
                            as(jongno, () -> enforcement.now()).plusSeconds(600))));
    assertEquals("violation.time.future", future.messageKey());
    assertEquals("occurredAt", future.field().orElse(null));
    assertThrows(
        NotFoundException.class,
        () ->
            as(
                busan,
                () ->
                    enforcement.preview(
                        cafe.getId(),
                        ViolationKind.OPERATOR,
                        ViolationCause.NO_VALID_PASS,
                        kst("2021-11-23T12:05"))));
    assertThrows(
        NotFoundException.class,
        () -> as(busan, () -> enforcement.violationsOfFacility(cafe.getId())));
    assertThrows(
        NotFoundException.class,
        () -> as(busan, () -> enforcement.inspectionsOfFacility(cafe.getId())));
  }

  @Test
  void theListIsFilteredCountedAndSummedWithinTheJurisdictionOnly() throws Exception {
    // other tests write to the same 시군구 and days: compare before and after, and find our rows
    ViolationFilter days =
        new ViolationFilter(null, null, LocalDate.of(2021, 11, 24), LocalDate.of(2021, 11, 26));
    ViolationFilter operators =
        new ViolationFilter(
            ViolationKind.OPERATOR, null, LocalDate.of(2021, 11, 24), LocalDate.of(2021, 11, 26));
    ViolationFilter cancelled =
        new ViolationFilter(
            null, FineState.CANCELLED, LocalDate.of(2021, 11, 24), LocalDate.of(2021, 11, 26));
    ViolationFilter lastTwoDays =
        new ViolationFilter(null, null, LocalDate.of(2021, 11, 25), LocalDate.of(2021, 11, 26));
    ViolationFilter all = ViolationFilter.none();
    List<ViolationFilter> filters = List.of(days, operators, cancelled, lastTwoDays, all);
    List<FineTotals> jongnoBefore = totals(jongno, filters);
    List<FineTotals> busanBefore = totals(busan, filters);

    Inspection inspection = open(cafe, kst("2021-11-26T18:00"));
    Violation first = log(inspection, ViolationKind.OPERATOR, kst("2021-11-24T12:00"));
    Violation second = log(inspection, ViolationKind.OPERATOR, kst("2021-11-25T12:00"));
    ViolationDraft visitorDraft = draft(ViolationKind.VISITOR, kst("2021-11-26T12:00"));
    visitorDraft.setVisitorName("김방문");
    Violation visitor =
        as(jongno, () -> enforcement.logViolation(inspection.getId(), visitorDraft));
    as(jongno, () -> enforcement.cancelFine(visitor.getId(), "logged in error"));
    // imposed on 2021-12-01 (the test clock cannot wait out an opinion period): payment was due
    // 2022-01-30, so on 2022-02-20 the 3% surcharge is due as well (Art. 24)
    tx.begin();
    em.createNativeQuery(
            "update fine_case set state = 'IMPOSED', prior_notice_on = date '2021-11-20',"
                + " opinion_deadline = date '2021-11-30', imposed_on = date '2021-12-01'"
                + " where id = (select fine_case_id from violation where id = ?1)")
        .setParameter(1, first.getId())
        .executeUpdate();
    tx.commit();

    List<FineTotals> jongnoAfter = totals(jongno, filters);
    assertDelta(jongnoBefore.get(0), jongnoAfter.get(0), 3, 4_600_000, 1_545_000 + 3_000_000);
    assertDelta(jongnoBefore.get(1), jongnoAfter.get(1), 2, 4_500_000, 1_545_000 + 3_000_000);
    assertDelta(jongnoBefore.get(2), jongnoAfter.get(2), 1, 100_000, 0);
    assertDelta(jongnoBefore.get(3), jongnoAfter.get(3), 2, 3_100_000, 3_000_000);
    assertDelta(jongnoBefore.get(4), jongnoAfter.get(4), 3, 4_600_000, 4_545_000);
    for (int i = 0; i < filters.size(); i++) {
      int f = i;
      assertEquals(
          jongnoAfter.get(i).count(), (long) as(jongno, () -> enforcement.count(filters.get(f))));
    }

    // sorted by the fine, ascending; the jurisdiction's rows only, with the facility's name
    List<ViolationRow> page =
        as(jongno, () -> enforcement.violations(days, new PageRequest(0, 200, "fine", true)));
    List<Long> ours =
        page.stream()
            .filter(r -> r.violation().getFacilityId() == cafe.getId())
            .map(r -> r.violation().getId())
            .toList();
    assertEquals(List.of(visitor.getId(), first.getId(), second.getId()), ours);
    assertTrue(page.stream().allMatch(r -> r.violation().getSigunguCode().equals(TestData.JONGNO)));
    assertEquals(
        cafe.getName(),
        page.stream()
            .filter(r -> r.violation().getId().equals(first.getId()))
            .findFirst()
            .orElseThrow()
            .facilityName());
    assertEquals(
        FineState.IMPOSED,
        page.stream()
            .filter(r -> r.violation().getId().equals(first.getId()))
            .findFirst()
            .orElseThrow()
            .violation()
            .getFineCase()
            .getState());
    List<Long> cancelledOnes =
        as(jongno, () -> enforcement.violations(cancelled, PageRequest.first(200))).stream()
            .map(r -> r.violation().getId())
            .toList();
    assertTrue(cancelledOnes.contains(visitor.getId()));
    assertFalse(cancelledOnes.contains(first.getId()));
    // an unknown sort field falls back to newest first instead of reaching the query
    assertFalse(
        as(jongno, () -> enforcement.violations(days, new PageRequest(0, 20, "v.id; drop", true)))
            .isEmpty());

    // an inspector of 부산 중구 sees none of 종로's cases, in the list, the count or the sums
    List<FineTotals> busanAfter = totals(busan, filters);
    for (int i = 0; i < filters.size(); i++) {
      assertEquals(busanBefore.get(i), busanAfter.get(i));
    }
    List<ViolationRow> busanRows =
        as(busan, () -> enforcement.violations(all, PageRequest.first(200)));
    assertTrue(
        busanRows.stream()
            .allMatch(r -> r.violation().getSigunguCode().equals(TestData.BUSAN_JUNG)));
    assertThrows(
        NotFoundException.class, () -> as(busan, () -> enforcement.violation(first.getId())));
  }

  @Test
  void anOwnerGivesNoOpinionOnAVisitorsFineAndPaymentsNeedAnAmount() {
    Inspection inspection = open(cafe, kst("2021-11-27T12:00"));
    ViolationDraft visitorDraft = draft(ViolationKind.VISITOR, kst("2021-11-27T12:00"));
    visitorDraft.setVisitorName("이방문");
    Violation visitor =
        as(jongno, () -> enforcement.logViolation(inspection.getId(), visitorDraft));
    as(jongno, () -> enforcement.sendPriorNotice(visitor.getId(), LocalDate.of(2022, 3, 3)));

    NotFoundException notTheirs =
        assertThrows(
            NotFoundException.class,
            () -> as(owner, () -> owners.submitOpinion(visitor.getId(), "not my fine")));
    assertEquals("fine.notFound", notTheirs.messageKey());
    ConstraintViolationException noAmount =
        assertThrows(
            ConstraintViolationException.class,
            () ->
                as(
                    jongno,
                    () ->
                        enforcement.recordPayment(
                            visitor.getId(), null, LocalDate.of(2022, 2, 20))));
    assertEquals(
        "{fine.payment.amountRequired}",
        noAmount.getConstraintViolations().iterator().next().getMessageTemplate());
    assertEquals(
        FineState.PRIOR_NOTICE_SENT,
        as(jongno, () -> enforcement.violation(visitor.getId())).getFineCase().getState());
  }

  @Test
  void theCaseDecidesWhatMayBePaidAndWhenThroughTheService() throws Exception {
    // the test clock stands on 2022-02-20: the prior notice is of today, its period ends 03-02
    LocalDate today = LocalDate.of(2022, 2, 20);
    Inspection inspection = open(cafe, kst("2022-01-05T12:00"));
    Violation v = log(inspection, ViolationKind.OPERATOR, kst("2022-01-05T12:05"));
    as(jongno, () -> enforcement.sendPriorNotice(v.getId(), LocalDate.of(2022, 3, 2)));

    assertRefused(v, 1_200_000, LocalDate.of(2022, 1, 5), "fine.payment.beforePriorNotice");
    assertRefused(v, 1_200_000, today.minusDays(1), "fine.payment.beforePriorNotice");
    assertRefused(v, 1_200_000, today.plusDays(1), "fine.payment.future");
    assertRefused(v, 1_000_000_000_000L, today, "fine.payment.implausible");
    assertRefused(v, 1_199_999, today, "fine.payment.short");

    var paid = as(jongno, () -> enforcement.recordPayment(v.getId(), Money.won(1_500_000), today));

    assertEquals(FineState.VOLUNTARILY_PAID, paid.getState());
    Violation seen =
        as(owner, () -> owners.violationsOf(cafe.getId())).stream()
            .filter(x -> x.getId().equals(v.getId()))
            .findFirst()
            .orElseThrow();
    assertEquals(Money.won(1_500_000), seen.getFineCase().getPaid());
    assertEquals(Money.won(300_000), seen.getFineCase().refund(), "the 20% paid too much");
    assertTrue(seen.getFineCase().isRefundDue());
    assertEquals(Money.won(300_000), seen.refundToOperator());
    assertEquals(Money.ZERO, seen.operatorOwesOn(today));

    // a visitor's fine, imposed on 2021-12-01: due 2022-01-30, so the 3% surcharge is due today
    ViolationDraft visitorDraft = draft(ViolationKind.VISITOR, kst("2022-01-05T12:10"));
    visitorDraft.setVisitorName("박방문");
    Violation visitor =
        as(jongno, () -> enforcement.logViolation(inspection.getId(), visitorDraft));
    tx.begin();
    em.createNativeQuery(
            "update fine_case set state = 'IMPOSED', prior_notice_on = date '2021-11-20',"
                + " opinion_deadline = date '2021-11-30', imposed_on = date '2021-12-01'"
                + " where id = (select fine_case_id from violation where id = ?1)")
        .setParameter(1, visitor.getId())
        .executeUpdate();
    tx.commit();
    Violation visitorSeen =
        as(owner, () -> owners.violationsOf(cafe.getId())).stream()
            .filter(x -> x.getId().equals(visitor.getId()))
            .findFirst()
            .orElseThrow();
    assertEquals(Money.ZERO, visitorSeen.operatorOwesOn(today), "the visitor's, not the owner's");
    assertNull(visitorSeen.operatorMayPayReducedOn(today));
    assertEquals(Money.won(103_000), visitorSeen.getFineCase().payableOn(today));

    assertRefused(visitor, 103_000, LocalDate.of(2021, 11, 30), "fine.payment.beforeImposition");
    assertRefused(visitor, 100_000, today, "fine.payment.short");
    assertRefused(visitor, 175_001, today, "fine.payment.implausible");
    var visitorPaid =
        as(jongno, () -> enforcement.recordPayment(visitor.getId(), Money.won(103_000), today));
    assertEquals(FineState.PAID, visitorPaid.getState());
    assertFalse(visitorPaid.isRefundDue());
  }

  /** The payment is refused with that key, and nothing of it is stored. */
  private void assertRefused(Violation v, long won, LocalDate paidOn, String key) {
    BusinessException e =
        assertThrows(
            BusinessException.class,
            () -> as(jongno, () -> enforcement.recordPayment(v.getId(), Money.won(won), paidOn)),
            key);
    assertEquals(key, e.messageKey());
    var fine = as(jongno, () -> enforcement.violation(v.getId())).getFineCase();
    assertNull(fine.getPaid(), key);
    assertFalse(fine.getState().closed(), key);
  }

  @Test
  void aFacilityWithAnOpenCaseKeepsItsJurisdictionTypeAndBusinessNumber() {
    Inspection inspection = open(cafe, kst("2021-12-20T12:00"));
    Violation open = log(inspection, ViolationKind.OPERATOR, kst("2021-12-20T12:05"));
    assertEquals(FineState.DRAFT, open.getFineCase().getState());

    var toGangnam = TestData.facility(TestData.SEOUL, TestData.GANGNAM);
    toGangnam.setBusinessNumber(cafe.getBusinessNumber().formatted());
    var toKaraoke = FacilityDraft.of(cafe);
    toKaraoke.setTypeCode("KARAOKE");
    var toAnotherNumber = FacilityDraft.of(cafe);
    toAnotherNumber.setBusinessNumber(TestData.businessNumber());
    for (var change : List.of(toGangnam, toKaraoke, toAnotherNumber)) {
      BusinessException refused =
          assertThrows(
              BusinessException.class,
              () -> as(owner, () -> facilities.update(cafe.getId(), change)));
      assertEquals("facility.openCases.factsFixed", refused.messageKey());
    }
    Facility still = as(owner, () -> facilities.get(cafe.getId()));
    assertEquals(TestData.JONGNO, still.getSigungu().getCode());
    assertEquals("RESTAURANT_CAFE", still.getType().getCode());
    assertEquals(cafe.getBusinessNumber(), still.getBusinessNumber());

    // what does not move the case may change
    var renamed = FacilityDraft.of(cafe);
    renamed.setName("새 이름의 카페");
    as(owner, () -> facilities.update(cafe.getId(), renamed));
    // and the case keeps the name of its day
    Violation kept = as(jongno, () -> enforcement.violation(open.getId()));
    assertEquals(cafe.getName(), kept.getFacility().name());
  }

  @Test
  void aFacilityWithOnlyClosedCasesMovesAndItsCasesStayWithTheJurisdictionThatLoggedThem() {
    Actor gangnam = inspector(TestData.GANGNAM);
    Inspection inspection =
        as(
            jongno,
            () -> enforcement.openInspection(cafe.getId(), kst("2021-12-20T12:00"), "종로 메모"));
    Violation v = log(inspection, ViolationKind.OPERATOR, kst("2021-12-20T12:05"));
    as(jongno, () -> enforcement.sendPriorNotice(v.getId(), LocalDate.of(2022, 3, 3)));
    LocalDate today = as(jongno, () -> enforcement.today());
    as(
        jongno,
        () -> enforcement.recordPayment(v.getId(), v.getFineCase().voluntaryAmount(), today));
    assertTrue(
        as(jongno, () -> enforcement.violation(v.getId())).getFineCase().getState().closed());

    var moved = TestData.facility(TestData.SEOUL, TestData.GANGNAM);
    moved.setName("강남으로 옮긴 카페");
    moved.setBusinessNumber(cafe.getBusinessNumber().formatted());
    as(owner, () -> facilities.update(cafe.getId(), moved));
    assertEquals(
        TestData.GANGNAM, as(owner, () -> facilities.get(cafe.getId())).getSigungu().getCode());

    // the 종로구 inspector still has the case, and prints it with the facts of its day
    Violation theirs = as(jongno, () -> enforcement.violation(v.getId()));
    assertEquals(TestData.JONGNO, theirs.getSigunguCode());
    assertEquals(cafe.getName(), theirs.getFacility().name());
    String text =
        pdfText(as(jongno, () -> enforcement.notice(v.getId(), Notice.Kind.PRIOR_NOTICE)));
    assertTrue(text.contains("서울특별시 종로구청장"), text);
    assertTrue(text.contains(cafe.getName()), text);
    assertFalse(text.contains("강남"), text);
    assertTrue(
        as(
                jongno,
                // that day's paid operator cases only: other test classes leave many 종로 cases
                () ->
                    enforcement.violations(
                        new ViolationFilter(
                            ViolationKind.OPERATOR,
                            FineState.VOLUNTARILY_PAID,
                            LocalDate.of(2021, 12, 20),
                            LocalDate.of(2021, 12, 20)),
                        PageRequest.first(200)))
            .stream()
            .anyMatch(
                r ->
                    r.violation().getId().equals(v.getId())
                        && r.facilityName().equals(cafe.getName())));
    // so does the owner's notice
    assertTrue(
        pdfText(as(owner, () -> owners.notice(v.getId(), Notice.Kind.PRIOR_NOTICE)))
            .contains("서울특별시 종로구청장"));

    // the 강남구 inspector sees the facility, but not 종로구's inspections, notes or cases
    assertEquals(List.of(), as(gangnam, () -> enforcement.inspectionsOfFacility(cafe.getId())));
    assertEquals(List.of(), as(gangnam, () -> enforcement.violationsOfFacility(cafe.getId())));
    assertThrows(
        NotFoundException.class, () -> as(gangnam, () -> enforcement.violation(v.getId())));
    assertThrows(
        NotFoundException.class,
        () -> as(gangnam, () -> enforcement.notice(v.getId(), Notice.Kind.PRIOR_NOTICE)));
    // and what 강남구 does there from now on is 강남구's
    Inspection theirsNow =
        as(
            gangnam,
            () -> enforcement.openInspection(cafe.getId(), kst("2022-01-20T12:00"), "강남 메모"));
    assertEquals(
        List.of(theirsNow.getId()),
        as(gangnam, () -> enforcement.inspectionsOfFacility(cafe.getId())).stream()
            .map(Inspection::getId)
            .toList());
  }

  private List<FineTotals> totals(Actor who, List<ViolationFilter> filters) {
    return filters.stream().map(f -> as(who, () -> enforcement.totals(f))).toList();
  }

  private static void assertDelta(
      FineTotals before, FineTotals after, long count, long fines, long due) {
    assertEquals(count, after.count() - before.count(), "count");
    assertEquals(fines, after.fines().won() - before.fines().won(), "fines");
    assertEquals(due, after.due().won() - before.due().won(), "due");
  }

  private static String pdfText(byte[] pdf) {
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void assertPenalty(Violation v, int prior, long won, Sanction sanction) {
    assertEquals(prior, v.getPriorCount(), "prior standing operator violations");
    assertEquals(Money.won(won), v.getFine());
    assertEquals(Money.won(won), v.getFineCase().getAmount());
    assertEquals(sanction, v.proposedSanction());
  }

  private Penalty preview(ViolationKind kind, ViolationCause cause, Instant at) {
    return as(jongno, () -> enforcement.preview(cafe.getId(), kind, cause, at));
  }

  private Inspection open(Facility facility, Instant at) {
    return as(jongno, () -> enforcement.openInspection(facility.getId(), at, "점검"));
  }

  private Violation log(Inspection inspection, ViolationKind kind, Instant at) {
    return as(jongno, () -> enforcement.logViolation(inspection.getId(), draft(kind, at)));
  }

  private static ViolationDraft draft(ViolationKind kind, Instant at) {
    ViolationDraft draft = new ViolationDraft();
    draft.setKind(kind);
    draft.setOccurredAt(at);
    draft.setDescription("QR 미확인");
    return draft;
  }

  private static Instant kst(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(Kst.ZONE).toInstant();
  }

  private Actor inspector(String sigungu) {
    var form = TestData.inspector(sigungu);
    long id = as(SOME_ADMIN, () -> accounts.createStaff(form));
    return new Actor(id, form.getEmail(), Role.INSPECTOR, sigungu);
  }
}
