package kr.vaccinepass.portal.grace;

import static kr.vaccinepass.portal.testsupport.TestActors.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.grace.application.GracePreview;
import kr.vaccinepass.portal.grace.application.IncidentService;
import kr.vaccinepass.portal.grace.domain.GraceDeclaration;
import kr.vaccinepass.portal.grace.domain.GraceKind;
import kr.vaccinepass.portal.grace.domain.GraceScope;
import kr.vaccinepass.portal.grace.domain.Incident;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.shared.domain.AccessDeniedException;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.domain.PageRequest;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.Role;
import kr.vaccinepass.portal.testsupport.Deployments;
import kr.vaccinepass.portal.testsupport.TestData;
import kr.vaccinepass.portal.visit.application.HandwrittenEntry;
import kr.vaccinepass.portal.visit.application.VisitRecordService;
import kr.vaccinepass.portal.visit.domain.CheckMethod;
import kr.vaccinepass.portal.visit.domain.Visit;
import kr.vaccinepass.portal.visit.domain.VisitFilter;
import kr.vaccinepass.portal.visit.domain.VisitMethod;
import kr.vaccinepass.portal.visit.domain.VisitOutcome;
import kr.vaccinepass.portal.visit.web.VisitExport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verification-system incidents in WildFly on PostgreSQL: declaring and closing are validated; an
 * incident affects only its regions; an owner records a door check only during an open incident and
 * only at their own facility; asking (VERBAL) counts for a visit made during an incident and not
 * outside; closing with a reason declares a VERIFICATION_FAILURE grace over the incident's window;
 * only administrators declare and close.
 *
 * <p>The database and the server are shared by the whole run: every incident opened here is closed
 * in {@link #closeWhatIsLeftOpen} (an open one would change other tests' door scanners and VERBAL
 * checks), and the one closed with a grace lies on a day no other test uses (2022-02-03).
 */
@ExtendWith(ArquillianExtension.class)
class IncidentServiceIT {
  private static final Actor SOME_ADMIN = new Actor(0, "admin@test", Role.ADMIN, null);

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(IncidentServiceIT.class);
  }

  @Inject IncidentService incidents;
  @Inject VisitRecordService records;
  @Inject VisitExport export;
  @Inject FacilityService facilities;
  @Inject AccountService accounts;
  @Inject Clock clock;

  private Actor admin;
  private Actor owner;
  private Facility jongnoCafe;
  private Facility busanCafe;
  private final List<Long> opened = new ArrayList<>();

  @BeforeEach
  void world() {
    var adminForm = TestData.inspector(TestData.JONGNO);
    adminForm.setRole(Role.ADMIN);
    adminForm.setJurisdictionCode(null);
    admin =
        new Actor(
            as(SOME_ADMIN, () -> accounts.createStaff(adminForm)),
            adminForm.getEmail(),
            Role.ADMIN,
            null);
    owner = owner();
    jongnoCafe = as(owner, () -> facilities.register(TestData.facilityInJongno()));
    busanCafe =
        as(
            owner,
            () -> facilities.register(TestData.facility(TestData.BUSAN, TestData.BUSAN_JUNG)));
  }

  @AfterEach
  void closeWhatIsLeftOpen() {
    for (long id : opened) {
      Incident incident =
          as(admin, () -> incidents.incidents()).stream()
              .filter(i -> i.getId() == id)
              .findFirst()
              .orElseThrow();
      if (incident.isOpen()) {
        as(admin, () -> incidents.close(id, clock.instant(), null, null));
      }
    }
    opened.clear();
  }

  @Test
  void declaringAndClosingAreValidated() {
    Instant now = clock.instant();
    assertRefused(
        "incident.start.future",
        "startsAt",
        () -> incidents.declare(now.plus(Duration.ofMinutes(5)), busanJung(), "QR 장애"));
    assertRefused(
        "incident.start.required", "startsAt", () -> incidents.declare(null, busanJung(), "x"));
    assertRefused("incident.note.required", "note", () -> incidents.declare(now, busanJung(), " "));
    assertRefused(
        "grace.scope.unknownSido",
        "sidoCodes",
        () -> incidents.declare(now, GraceScope.of(Set.of("9900000000"), Set.of()), "x"));

    Incident incident = declare(now.minusSeconds(60), busanJung(), "  네이버 QR 장애  ");
    assertEquals("네이버 QR 장애", incident.getNote());
    assertTrue(incident.isOpen());
    Instant start = incident.getStartsAt();

    assertRefused(
        "incident.end.beforeStart",
        "endsAt",
        () -> incidents.close(incident.getId(), start.minusSeconds(1), null, null));
    assertRefused(
        "incident.end.beforeStart",
        "endsAt",
        () -> incidents.close(incident.getId(), start, null, null));
    assertRefused(
        "incident.end.future",
        "endsAt",
        () ->
            incidents.close(
                incident.getId(), clock.instant().plus(Duration.ofMinutes(5)), null, null));
    assertTrue(find(incident.getId()).isOpen(), "a refused closing leaves it open");

    Instant end = clock.instant();
    IncidentService.Closed closed =
        as(admin, () -> incidents.close(incident.getId(), end, "  ", null));
    assertFalse(closed.incident().isOpen());
    assertTrue(closed.grace().isEmpty(), "no reason: no grace");
    assertEquals(end.toEpochMilli(), find(incident.getId()).getEndsAt().toEpochMilli());
    assertRefused(
        "incident.alreadyClosed", null, () -> incidents.close(incident.getId(), end, null, null));
    assertThrows(
        NotFoundException.class,
        () -> as(admin, () -> incidents.close(Long.MAX_VALUE, end, null, null)));
  }

  @Test
  void anIncidentAffectsOnlyItsRegions() {
    Incident seoul =
        declare(clock.instant(), GraceScope.of(Set.of(TestData.SEOUL), Set.of()), "서울 QR 장애");

    // every signed-in role may ask, from the database or from memory
    assertEquals(
        Optional.of(seoul.getId()),
        as(owner, () -> incidents.openAt(TestData.SEOUL, TestData.JONGNO)).map(Incident::getId));
    assertEquals(
        Optional.of(seoul.getId()),
        as(owner, () -> incidents.openAtCached(TestData.SEOUL, TestData.JONGNO)).map(i -> i.id()));
    assertTrue(as(owner, () -> incidents.openAt(TestData.BUSAN, TestData.BUSAN_JUNG)).isEmpty());
    assertTrue(
        as(owner, () -> incidents.openAtCached(TestData.BUSAN, TestData.BUSAN_JUNG)).isEmpty());

    Incident busan = declare(clock.instant(), busanJung(), "부산 중구 QR 장애");
    assertEquals(
        Optional.of(busan.getId()),
        as(owner, () -> incidents.openAtCached(TestData.BUSAN, TestData.BUSAN_JUNG))
            .map(i -> i.id()),
        "a declaration on this node is seen at once");
    assertTrue(
        as(owner, () -> incidents.openAt(TestData.BUSAN, "2614000000")).isEmpty(),
        "another 시군구 of 부산");

    Instant during = clock.instant();
    close(seoul);
    close(busan);
    Instant after = clock.instant().plusMillis(1);

    assertTrue(as(owner, () -> incidents.openAt(TestData.SEOUL, TestData.JONGNO)).isEmpty());
    assertTrue(
        as(owner, () -> incidents.openAtCached(TestData.SEOUL, TestData.JONGNO)).isEmpty(),
        "a closing on this node is seen at once");
    assertEquals(
        Optional.of(seoul.getId()),
        as(owner, () -> incidents.at(during, TestData.SEOUL, TestData.JONGNO)).map(Incident::getId),
        "closed, it still affected its window");
    assertTrue(as(owner, () -> incidents.at(after, TestData.SEOUL, TestData.JONGNO)).isEmpty());
    List<Incident> all = as(admin, () -> incidents.incidents());
    assertTrue(all.size() >= 5, "the three seeded ones and these two");
  }

  @Test
  void doorChecksOnlyDuringAnOpenIncidentAndOnlyAtTheOwnersFacility() throws Exception {
    assertRefused(
        "visit.doorCheck.noIncident",
        null,
        owner,
        () -> records.recordDoorCheck(jongnoCafe.getId(), CheckMethod.VERBAL));
    assertTrue(as(owner, () -> records.incidentMode(jongnoCafe.getId())).isEmpty());

    Incident incident =
        declare(clock.instant(), GraceScope.of(Set.of(TestData.SEOUL), Set.of()), "접종증명 앱 과부하");
    VisitRecordService.IncidentMode mode =
        as(owner, () -> records.incidentMode(jongnoCafe.getId())).orElseThrow();
    assertEquals(incident.getId(), mode.incidentId());
    assertEquals("접종증명 앱 과부하", mode.note());
    assertTrue(as(owner, () -> records.incidentMode(busanCafe.getId())).isEmpty());

    VisitRecordService.DoorCheck asked =
        as(owner, () -> records.recordDoorCheck(jongnoCafe.getId(), CheckMethod.VERBAL));
    VisitRecordService.DoorCheck paper =
        as(owner, () -> records.recordDoorCheck(jongnoCafe.getId(), CheckMethod.PAPER_CERTIFICATE));
    VisitRecordService.DoorCheck sms =
        as(owner, () -> records.recordDoorCheck(jongnoCafe.getId(), CheckMethod.SMS_CERTIFICATE));

    assertEquals(1, asked.today());
    assertEquals(2, paper.today());
    assertEquals(3, sms.today());
    assertEquals(3, as(owner, () -> records.doorChecksToday(jongnoCafe.getId())));
    Visit v = asked.visit();
    assertEquals(VisitMethod.DOOR_CHECK, v.getMethod());
    assertEquals(VisitOutcome.UNVERIFIED, v.getOutcome());
    assertEquals(CheckMethod.VERBAL, v.getCheckMethod());
    assertEquals(incident.getId(), v.getIncidentId());
    assertTrue(v.isSystemDown());

    assertRefused(
        "visit.doorCheck.noIncident",
        null,
        owner,
        () -> records.recordDoorCheck(busanCafe.getId(), CheckMethod.VERBAL));
    Actor stranger = owner();
    assertThrows(
        NotFoundException.class,
        () -> as(stranger, () -> records.recordDoorCheck(jongnoCafe.getId(), CheckMethod.VERBAL)));
    assertThrows(
        NotFoundException.class,
        () -> as(stranger, () -> records.incidentMode(jongnoCafe.getId())));
    assertRefused(
        "visit.check.doorCheck",
        null,
        owner,
        () -> records.recordCheck(v.getId(), CheckMethod.PAPER_CERTIFICATE));

    // the owner's records and their export say "unverified (system down)" with how
    List<Visit> rows =
        as(
            owner,
            () ->
                records.all(
                    jongnoCafe.getId(), new VisitFilter(null, null, VisitMethod.DOOR_CHECK, null)));
    assertEquals(3, rows.size());
    String csv = new String(export.csv(rows), StandardCharsets.UTF_8);
    assertTrue(csv.contains("확인 불가(시스템 장애)"), csv);
    assertTrue(csv.contains("현장 확인(장애 중)"), csv);
    assertTrue(csv.contains("종이 증명서"), csv);

    close(incident);
    assertRefused(
        "visit.doorCheck.noIncident",
        null,
        owner,
        () -> records.recordDoorCheck(jongnoCafe.getId(), CheckMethod.VERBAL));
    assertTrue(as(owner, () -> records.incidentMode(jongnoCafe.getId())).isEmpty());
  }

  @Test
  void askingCountsForAVisitDuringAnIncidentAndNotOutside() throws Exception {
    Visit before = handwritten(jongnoCafe, "김철수", "010-1111-2222");
    Thread.sleep(5);
    Incident incident =
        declare(clock.instant(), GraceScope.of(Set.of(), Set.of(TestData.JONGNO)), "종로구 QR 장애");
    Visit during = handwritten(jongnoCafe, "이영희", "010-3333-4444");
    Visit elsewhere = handwritten(busanCafe, "박민수", "010-5555-6666");

    assertRefused(
        "visit.check.verbalNeedsIncident",
        "checkMethod",
        owner,
        () -> records.recordCheck(before.getId(), CheckMethod.VERBAL));
    assertRefused(
        "visit.check.verbalNeedsIncident",
        "checkMethod",
        owner,
        () -> records.recordCheck(elsewhere.getId(), CheckMethod.VERBAL));
    close(incident);
    Visit afterwards = handwritten(jongnoCafe, "최지우", "010-7777-8888");

    // what counts is the time of the visit: checked after the incident closed, still accepted
    Visit checked = as(owner, () -> records.recordCheck(during.getId(), CheckMethod.VERBAL));
    assertEquals(CheckMethod.VERBAL, checked.getCheckMethod());
    assertRefused(
        "visit.check.verbalNeedsIncident",
        "checkMethod",
        owner,
        () -> records.recordCheck(afterwards.getId(), CheckMethod.VERBAL));
    assertEquals(
        CheckMethod.SMS_CERTIFICATE,
        as(owner, () -> records.recordCheck(afterwards.getId(), CheckMethod.SMS_CERTIFICATE))
            .getCheckMethod(),
        "a certificate counts at any time");
  }

  @Test
  void closingWithAReasonDeclaresAVerificationFailureGraceOverTheWindow() {
    // 2022-02-03: a day no other test uses
    Instant start = kst("2022-02-03T10:00");
    Instant end = kst("2022-02-03T10:30");
    Incident incident = declare(start, busanJung(), "부산 중구 QR 장애");

    // the grace would be refused (its reference is too long): the closing is refused with it,
    // by the service's validation before anything is changed
    ConstraintViolationException refused =
        assertThrows(
            ConstraintViolationException.class,
            () -> as(admin, () -> incidents.close(incident.getId(), end, "사유", "x".repeat(301))));
    assertEquals(
        "{grace.announcementRef.tooLong}",
        refused.getConstraintViolations().iterator().next().getMessageTemplate());
    assertTrue(find(incident.getId()).isOpen(), "nothing closed without its grace");

    // the dry run the confirmation states: the grace's window, kind and places, and its count
    assertRefused(
        "incident.end.beforeStart",
        "endsAt",
        () -> incidents.previewClose(incident.getId(), start.minusSeconds(1), "사유", null));
    assertRefused(
        "grace.reason.required",
        "reason",
        () -> incidents.previewClose(incident.getId(), end, " ", null));
    GracePreview preview =
        as(admin, () -> incidents.previewClose(incident.getId(), end, "사유", null));
    assertEquals(start, preview.startsAt());
    assertEquals(end, preview.endsAt());
    assertEquals(GraceKind.VERIFICATION_FAILURE, preview.kind());
    assertEquals(busanJung(), preview.scope());
    assertEquals(0, preview.toWaive(), "no case of that kind was logged there then");
    assertTrue(find(incident.getId()).isOpen(), "a dry run closes nothing");

    IncidentService.Closed closed =
        as(
            admin,
            () ->
                incidents.close(
                    incident.getId(),
                    end,
                    "시스템 장애로 방역패스 확인 불가 (부산 중구 QR 장애)",
                    "부산 중구 공지 2022-02-03"));

    GraceDeclaration grace = closed.grace().orElseThrow();
    assertEquals(GraceKind.VERIFICATION_FAILURE, grace.getKind());
    assertEquals(start, grace.getStartsAt());
    assertEquals(end, grace.getEndsAt());
    assertEquals(busanJung(), grace.scope());
    assertEquals("시스템 장애로 방역패스 확인 불가 (부산 중구 QR 장애)", grace.getReason());
    assertEquals("부산 중구 공지 2022-02-03", grace.getAnnouncementRef());
    assertFalse(find(incident.getId()).isOpen());
  }

  @Test
  void onlyAdministratorsDeclareAndClose() {
    Actor inspector = inspector();
    Instant now = clock.instant();
    for (Actor who : List.of(owner, inspector)) {
      assertThrows(
          AccessDeniedException.class,
          () -> as(who, () -> incidents.declare(now, GraceScope.NATIONWIDE, "x")));
      assertThrows(
          AccessDeniedException.class, () -> as(who, () -> incidents.close(1L, now, null, null)));
      assertThrows(AccessDeniedException.class, () -> as(who, () -> incidents.incidents()));
    }
    assertTrue(as(inspector, () -> incidents.openAt(TestData.SEOUL, TestData.JONGNO)).isEmpty());
    assertThrows(
        kr.vaccinepass.portal.shared.security.NotSignedInException.class,
        () -> incidents.openAt(TestData.SEOUL, TestData.JONGNO));
    assertThrows(
        AccessDeniedException.class,
        () ->
            as(
                admin,
                () -> records.page(jongnoCafe.getId(), VisitFilter.none(), PageRequest.first(5))),
        "the records stay the owner's");
  }

  private Incident declare(Instant startsAt, GraceScope scope, String note) {
    Incident incident = as(admin, () -> incidents.declare(startsAt, scope, note));
    opened.add(incident.getId());
    return incident;
  }

  private void close(Incident incident) {
    as(admin, () -> incidents.close(incident.getId(), clock.instant(), null, null));
  }

  private Incident find(long id) {
    return as(admin, () -> incidents.incidents()).stream()
        .filter(i -> i.getId() == id)
        .findFirst()
        .orElseThrow();
  }

  private Visit handwritten(Facility facility, String name, String phone) {
    HandwrittenEntry entry = new HandwrittenEntry();
    entry.setName(name);
    entry.setPhone(phone);
    return as(owner, () -> records.addHandwritten(facility.getId(), entry)).visit();
  }

  private void assertRefused(String key, String field, Runnable call) {
    assertRefused(key, field, admin, call);
  }

  private static void assertRefused(String key, String field, Actor who, Runnable call) {
    BusinessException refused = assertThrows(BusinessException.class, () -> as(who, call));
    assertEquals(key, refused.messageKey());
    assertEquals(Optional.ofNullable(field), refused.field());
  }

  private static GraceScope busanJung() {
    return GraceScope.of(Set.of(), Set.of(TestData.BUSAN_JUNG));
  }

  private Actor owner() {
    var form = TestData.owner();
    return new Actor(accounts.signUpOwner(form), form.getEmail(), Role.OWNER, null);
  }

  private Actor inspector() {
    var form = TestData.inspector(TestData.JONGNO);
    long id = as(SOME_ADMIN, () -> accounts.createStaff(form));
    return new Actor(id, form.getEmail(), Role.INSPECTOR, TestData.JONGNO);
  }

  private static Instant kst(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(Kst.ZONE).toInstant();
  }
}
