package kr.vaccinepass.portal.grace;

import static kr.vaccinepass.portal.testsupport.TestActors.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import kr.vaccinepass.portal.grace.application.CalendarService;
import kr.vaccinepass.portal.grace.application.EnforcementStatusService;
import kr.vaccinepass.portal.grace.application.GraceService;
import kr.vaccinepass.portal.grace.domain.EnforcementStatus;
import kr.vaccinepass.portal.grace.domain.GraceDeclaration;
import kr.vaccinepass.portal.grace.domain.GraceKind;
import kr.vaccinepass.portal.grace.domain.GraceScope;
import kr.vaccinepass.portal.grace.domain.PolicyEvent;
import kr.vaccinepass.portal.grace.domain.PolicyEventKind;
import kr.vaccinepass.portal.grace.domain.PolicyEventRevision;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.shared.domain.AccessDeniedException;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.Role;
import kr.vaccinepass.portal.testsupport.Deployments;
import kr.vaccinepass.portal.testsupport.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The enforcement calendar in WildFly on PostgreSQL: the seed of domain-rules.md, corrections kept
 * as revisions, administrators only; and the state of enforcement now, by place.
 */
@ExtendWith(ArquillianExtension.class)
class CalendarServiceIT {
  private static final Actor SOME_ADMIN = new Actor(0, "admin@test", Role.ADMIN, null);

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(CalendarServiceIT.class);
  }

  @Inject CalendarService calendar;
  @Inject EnforcementStatusService status;
  @Inject GraceService grace;
  @Inject AccountService accounts;

  @Test
  void theSeedHoldsTheCalendarOfDomainRules() {
    List<PolicyEvent> events = as(inspector(), () -> calendar.events());
    assertTrue(events.size() >= 17, "seeded: " + events.size());
    assertTrue(
        events.stream()
            .anyMatch(
                e ->
                    e.getKind() == PolicyEventKind.FINES_START
                        && e.getStartsOn().equals(LocalDate.of(2021, 12, 13))));
    assertTrue(
        events.stream()
            .anyMatch(
                e ->
                    e.getKind() == PolicyEventKind.GUIDANCE
                        && e.getStartsOn().equals(LocalDate.of(2022, 1, 3))
                        && LocalDate.of(2022, 1, 9).equals(e.getEndsOn())));
  }

  @Test
  void aCorrectionIsKeptWithItsReasonAndOnlyAdministratorsMakeIt() {
    Actor admin = admin();
    PolicyEvent added =
        as(
            admin,
            () ->
                calendar.add(
                    new PolicyEvent.Content(
                        PolicyEventKind.PASS_RULE,
                        LocalDate.of(2022, 1, 24),
                        null,
                        "의학적 예외 범위 확대",
                        "Medical exemptions widened",
                        "domain-rules.md"),
                    null));
    PolicyEvent.Content corrected =
        new PolicyEvent.Content(
            PolicyEventKind.PASS_RULE,
            LocalDate.of(2022, 1, 24),
            LocalDate.of(2022, 1, 24),
            "의학적 예외 범위 확대 (면역결핍 포함)",
            "Medical exemptions widened",
            "domain-rules.md");

    BusinessException noReason =
        assertThrows(
            BusinessException.class,
            () -> as(admin, () -> calendar.edit(added.getId(), corrected, " ")));
    assertEquals("calendar.note.required", noReason.messageKey());
    PolicyEvent.Content backwards =
        new PolicyEvent.Content(
            PolicyEventKind.PASS_RULE,
            LocalDate.of(2022, 1, 24),
            LocalDate.of(2022, 1, 23),
            "x",
            "x",
            "x");
    BusinessException before =
        assertThrows(
            BusinessException.class,
            () -> as(admin, () -> calendar.edit(added.getId(), backwards, "날짜 정정")));
    assertEquals("calendar.endsOn.beforeStart", before.messageKey());
    assertThrows(
        AccessDeniedException.class,
        () -> as(inspector(), () -> calendar.edit(added.getId(), corrected, "정정")));

    as(admin, () -> calendar.edit(added.getId(), corrected, "면역결핍 포함 정정"));

    List<PolicyEventRevision> history = as(admin, () -> calendar.history(added.getId()));
    assertEquals(2, history.size());
    assertEquals("의학적 예외 범위 확대", history.get(0).titleKo());
    assertEquals("의학적 예외 범위 확대 (면역결핍 포함)", history.get(1).titleKo());
    assertEquals("면역결핍 포함 정정", history.get(1).note());
    assertEquals(admin.accountId(), history.get(1).changedBy());
    PolicyEvent now =
        as(admin, () -> calendar.events()).stream()
            .filter(e -> e.getId().equals(added.getId()))
            .findFirst()
            .orElseThrow();
    assertEquals("의학적 예외 범위 확대 (면역결핍 포함)", now.getTitleKo());
    assertEquals(null, now.getEndsOn(), "a last day equal to the first is a single day");
  }

  @Test
  void theStateOfEnforcementFollowsTheGraceOfThePlace() {
    Actor admin = admin();
    // the test clock stands on 2022-02-20: fines apply everywhere
    EnforcementStatus before = status.now(TestData.BUSAN, TestData.BUSAN_JUNG);
    assertTrue(before.finesApply(), before.toString());
    GraceDeclaration busanToday =
        as(
            admin,
            () ->
                grace.declareDay(
                    LocalDate.of(2022, 2, 20),
                    GraceKind.FULL,
                    GraceScope.of(Set.of(TestData.BUSAN), Set.of()),
                    "부산 전산 장애로 오늘 벌칙 유예",
                    null));
    try {
      EnforcementStatus busan = status.now(TestData.BUSAN, TestData.BUSAN_JUNG);
      assertFalse(busan.finesApply());
      assertEquals("status.grace", busan.reason());
      assertEquals("부산 전산 장애로 오늘 벌칙 유예", busan.detail());
      assertTrue(status.now(TestData.SEOUL, TestData.JONGNO).finesApply(), "not in Seoul");
      assertTrue(status.now(null, null).finesApply(), "not nationwide");
    } finally {
      as(admin, () -> grace.revoke(busanToday.getId(), "시험 종료"));
    }
    assertTrue(status.now(TestData.BUSAN, TestData.BUSAN_JUNG).finesApply(), "revoked");
  }

  private Actor admin() {
    var form = TestData.inspector(TestData.JONGNO);
    form.setRole(Role.ADMIN);
    form.setJurisdictionCode(null);
    return new Actor(
        as(SOME_ADMIN, () -> accounts.createStaff(form)), form.getEmail(), Role.ADMIN, null);
  }

  private Actor inspector() {
    var form = TestData.inspector(TestData.JONGNO);
    return new Actor(
        as(SOME_ADMIN, () -> accounts.createStaff(form)),
        form.getEmail(),
        Role.INSPECTOR,
        TestData.JONGNO);
  }
}
