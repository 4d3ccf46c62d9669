package kr.vaccinepass.portal.enforcement;

import static kr.vaccinepass.portal.testsupport.TestActors.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import kr.vaccinepass.portal.enforcement.application.EnforcementService;
import kr.vaccinepass.portal.enforcement.application.EvidenceService;
import kr.vaccinepass.portal.enforcement.application.SanctionSchedule;
import kr.vaccinepass.portal.enforcement.application.SanctionService;
import kr.vaccinepass.portal.enforcement.application.ViolationDraft;
import kr.vaccinepass.portal.enforcement.domain.Inspection;
import kr.vaccinepass.portal.enforcement.domain.SanctionDecision;
import kr.vaccinepass.portal.enforcement.domain.Violation;
import kr.vaccinepass.portal.enforcement.domain.ViolationKind;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.facility.domain.FacilityStatus;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.pass.application.DemoWallet;
import kr.vaccinepass.portal.pass.domain.DiningParty;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.Role;
import kr.vaccinepass.portal.testsupport.Deployments;
import kr.vaccinepass.portal.testsupport.TestData;
import kr.vaccinepass.portal.visit.application.CheckinService;
import kr.vaccinepass.portal.visit.domain.CheckinCode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Decided sanctions in WildFly on PostgreSQL: a suspension suspends the facility from its first to
 * its last day, and its check-ins are refused with their own code; a closure order closes it.
 */
@ExtendWith(ArquillianExtension.class)
class SanctionServiceIT {
  private static final Actor SOME_ADMIN = new Actor(0, "admin@test", Role.ADMIN, null);

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(SanctionServiceIT.class);
  }

  @Inject EnforcementService enforcement;
  @Inject SanctionService sanctions;
  @Inject SanctionSchedule schedule;
  @Inject EvidenceService evidence;
  @Inject kr.vaccinepass.portal.enforcement.application.EnforcementOverview overview;
  @Inject FacilityService facilities;
  @Inject AccountService accounts;
  @Inject CheckinService checkins;
  @Inject DemoWallet wallet;
  @Inject Clock clock;

  private Actor owner;
  private Actor jongno;
  private Facility cafe;
  private Inspection inspection;

  @BeforeEach
  void world() {
    var form = TestData.owner();
    owner = new Actor(accounts.signUpOwner(form), form.getEmail(), Role.OWNER, null);
    jongno = inspector(TestData.JONGNO);
    cafe = as(owner, () -> facilities.register(TestData.facilityInJongno()));
    inspection =
        as(jongno, () -> enforcement.openInspection(cafe.getId(), kst("2021-12-20T12:00"), null));
  }

  @Test
  void aDecidedSuspensionSuspendsTheFacilityForItsDaysAndRefusesCheckIns() {
    Violation first = log("2021-12-20T12:05");
    LocalDate today = today();

    SanctionDecision decision = as(jongno, () -> sanctions.decide(first.getId(), today));

    assertEquals(today.plusDays(9), decision.getEndsOn(), "10 days, the first one included");
    assertEquals(FacilityStatus.SUSPENDED, status());
    String token = wallet.issue(DemoWallet.Profile.BOOSTED, "COOV").token();
    assertEquals(
        CheckinCode.FACILITY_SUSPENDED,
        as(owner, () -> checkins.checkInAtDoor(cafe.getId(), token, DiningParty.NONE)).code());

    assertEquals(FacilityStatus.SUSPENDED, schedule.applyTo(cafe.getId(), today.plusDays(9)));
    assertEquals(FacilityStatus.ACTIVE, schedule.applyTo(cafe.getId(), today.plusDays(10)));
    assertEquals(FacilityStatus.ACTIVE, status());
  }

  @Test
  void aClosureOrderClosesTheFacilityForGood() {
    log("2021-12-20T12:05");
    log("2021-12-27T12:05");
    log("2022-01-03T12:05");
    Violation fourth = log("2022-01-10T12:05");

    as(jongno, () -> sanctions.decide(fourth.getId(), today()));

    assertEquals(FacilityStatus.CLOSED, status());
    assertEquals(FacilityStatus.CLOSED, schedule.applyTo(cafe.getId(), today().plusYears(1)));
  }

  @Test
  void decisionsAreCheckedAndOnlyInTheJurisdiction() {
    Violation first = log("2021-12-20T12:05");
    Actor busan = inspector(TestData.BUSAN_JUNG);

    assertThrows(
        NotFoundException.class, () -> as(busan, () -> sanctions.decide(first.getId(), today())));
    BusinessException past =
        assertThrows(
            BusinessException.class,
            () -> as(jongno, () -> sanctions.decide(first.getId(), today().minusDays(1))));
    assertEquals("sanction.start.past", past.messageKey());
    assertEquals(FacilityStatus.ACTIVE, status());

    as(jongno, () -> sanctions.decide(first.getId(), today().plusDays(3)));
    assertEquals(FacilityStatus.ACTIVE, status(), "not yet: it starts in three days");
    BusinessException twice =
        assertThrows(
            BusinessException.class,
            () -> as(jongno, () -> sanctions.decide(first.getId(), today().plusDays(3))));
    assertEquals("sanction.alreadyDecided", twice.messageKey());
    assertEquals(
        today().plusDays(3),
        as(jongno, () -> sanctions.ofViolation(first.getId())).orElseThrow().getStartsOn());
    assertThrows(
        NotFoundException.class, () -> as(busan, () -> sanctions.ofViolation(first.getId())));

    // a cancelled violation carries no sanction
    Violation second = log("2021-12-27T12:05");
    as(jongno, () -> enforcement.cancelFine(second.getId(), "오기록"));
    BusinessException cancelled =
        assertThrows(
            BusinessException.class,
            () -> as(jongno, () -> sanctions.decide(second.getId(), today().plusDays(30))));
    assertEquals("sanction.violationDoesNotStand", cancelled.messageKey());
    assertEquals(FacilityStatus.SUSPENDED, schedule.applyTo(cafe.getId(), today().plusDays(3)));
  }

  @Test
  void evidencePhotosAreAttachedOnlyInTheJurisdictionAndOnlyIfTheyAreImages() {
    Violation first = log("2021-12-20T12:05");
    byte[] png = java.util.HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452");
    byte[] exe = java.util.HexFormat.of().parseHex("4d5a90000300000004000000");
    Actor busan = inspector(TestData.BUSAN_JUNG);

    var attached = as(jongno, () -> evidence.attach(first.getId(), png, "출입구 QR 미설치"));
    BusinessException notImage =
        assertThrows(
            BusinessException.class,
            () -> as(jongno, () -> evidence.attach(first.getId(), exe, "photo.jpg")));
    BusinessException duplicate =
        assertThrows(
            BusinessException.class,
            () -> as(jongno, () -> evidence.attach(first.getId(), png, "again")));
    assertThrows(
        NotFoundException.class, () -> as(busan, () -> evidence.attach(first.getId(), png, "x")));
    assertThrows(NotFoundException.class, () -> as(busan, () -> evidence.photo(attached.getId())));

    assertEquals("evidence.notAnImage", notImage.messageKey());
    assertEquals("evidence.duplicate", duplicate.messageKey());
    assertEquals(1, as(jongno, () -> evidence.of(first.getId())).size());
    var photo = as(jongno, () -> evidence.photo(attached.getId()));
    assertEquals("image/png", photo.contentType());
    assertEquals(png.length, photo.bytes().length);
  }

  @Test
  void administratorsSeeTotalsBySigungu() {
    Violation first = log("2021-12-20T12:05");
    log("2021-12-27T12:05");
    as(jongno, () -> enforcement.cancelFine(first.getId(), "logged in error"));

    var jongnoTotal =
        as(SOME_ADMIN, () -> overview.bySigungu()).stream()
            .filter(t -> t.sigunguCode().equals(TestData.JONGNO))
            .findFirst()
            .orElseThrow();

    org.junit.jupiter.api.Assertions.assertTrue(jongnoTotal.operatorViolations() >= 2);
    org.junit.jupiter.api.Assertions.assertTrue(
        jongnoTotal.waivedOrCancelled().won() >= 1_500_000, jongnoTotal.toString());
    assertEquals("서울특별시", jongnoTotal.sidoName().ko());
    assertThrows(
        kr.vaccinepass.portal.shared.domain.AccessDeniedException.class,
        () -> as(jongno, () -> overview.bySigungu()));
  }

  private FacilityStatus status() {
    return as(owner, () -> facilities.get(cafe.getId())).getStatus();
  }

  private LocalDate today() {
    return clock.instant().atZone(Kst.ZONE).toLocalDate();
  }

  private Violation log(String at) {
    ViolationDraft draft = new ViolationDraft();
    draft.setKind(ViolationKind.OPERATOR);
    draft.setOccurredAt(kst(at));
    return as(jongno, () -> enforcement.logViolation(inspection.getId(), draft));
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
