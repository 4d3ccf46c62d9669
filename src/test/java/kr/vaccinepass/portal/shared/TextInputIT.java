package kr.vaccinepass.portal.shared;

import static kr.vaccinepass.portal.testsupport.TestActors.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import kr.vaccinepass.portal.enforcement.application.EnforcementService;
import kr.vaccinepass.portal.enforcement.application.EvidenceService;
import kr.vaccinepass.portal.enforcement.application.OwnerCaseService;
import kr.vaccinepass.portal.enforcement.application.ViolationDraft;
import kr.vaccinepass.portal.enforcement.domain.FineState;
import kr.vaccinepass.portal.enforcement.domain.Inspection;
import kr.vaccinepass.portal.enforcement.domain.Violation;
import kr.vaccinepass.portal.enforcement.domain.ViolationKind;
import kr.vaccinepass.portal.facility.application.FacilityDraft;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.grace.application.CalendarService;
import kr.vaccinepass.portal.grace.application.GraceService;
import kr.vaccinepass.portal.grace.application.IncidentService;
import kr.vaccinepass.portal.grace.domain.GraceDeclaration;
import kr.vaccinepass.portal.grace.domain.GraceKind;
import kr.vaccinepass.portal.grace.domain.GraceScope;
import kr.vaccinepass.portal.grace.domain.PolicyEvent;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.identity.application.SignUpForm;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.Role;
import kr.vaccinepass.portal.testsupport.Deployments;
import kr.vaccinepass.portal.testsupport.TestData;
import kr.vaccinepass.portal.visit.application.HandwrittenEntry;
import kr.vaccinepass.portal.visit.application.VisitRecordService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every service that takes a text refuses one longer than its column, and control characters, by
 * Bean Validation on the service method (a {@link ConstraintViolationException} with the field's
 * message, never a PersistenceException from PostgreSQL), before anything is read or written: the
 * stored rows are the same afterwards. Each call is made as the actor who may make it.
 */
@ExtendWith(ArquillianExtension.class)
class TextInputIT {
  private static final Actor SOME_ADMIN = new Actor(0, "admin@test", Role.ADMIN, null);
  private static final String[] TABLES = {
    "account",
    "facility",
    "inspection",
    "violation",
    "fine_case",
    "fine_transition",
    "evidence",
    "grace_declaration",
    "incident",
    "policy_event",
    "policy_event_revision",
    "device_key"
  };

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(TextInputIT.class);
  }

  @Inject AccountService accounts;
  @Inject FacilityService facilities;
  @Inject EnforcementService enforcement;
  @Inject OwnerCaseService owners;
  @Inject EvidenceService evidence;
  @Inject GraceService grace;
  @Inject IncidentService incidents;
  @Inject CalendarService calendar;
  @Inject VisitRecordService visits;
  @PersistenceContext EntityManager em;

  private Actor owner;
  private Actor jongno;
  private Facility cafe;
  private Inspection inspection;
  private Violation violation;

  @BeforeEach
  void world() {
    SignUpForm ownerForm = TestData.owner();
    owner = new Actor(accounts.signUpOwner(ownerForm), ownerForm.getEmail(), Role.OWNER, null);
    var inspectorForm = TestData.inspector(TestData.JONGNO);
    jongno =
        new Actor(
            as(SOME_ADMIN, () -> accounts.createStaff(inspectorForm)),
            inspectorForm.getEmail(),
            Role.INSPECTOR,
            TestData.JONGNO);
    cafe = as(owner, () -> facilities.register(TestData.facilityInJongno()));
    // the longest notes the column holds, on two lines, are taken
    String notes = "가".repeat(1999) + "\n";
    inspection =
        as(jongno, () -> enforcement.openInspection(cafe.getId(), kst("2021-12-20T12:00"), notes));
    ViolationDraft draft = draft();
    violation = as(jongno, () -> enforcement.logViolation(inspection.getId(), draft));
  }

  @Test
  void accountsAndFacilities() {
    SignUpForm longName = TestData.owner();
    longName.setName("김".repeat(61));
    refused("{account.name.tooLong}", () -> accounts.signUpOwner(longName));
    SignUpForm controlName = TestData.owner();
    controlName.setName("김\n철수");
    refused("{text.singleLine.controlCharacters}", () -> accounts.signUpOwner(controlName));

    FacilityDraft longName2 = TestData.facilityInJongno();
    longName2.setName("카".repeat(101));
    refused("{facility.name.tooLong}", () -> as(owner, () -> facilities.register(longName2)));
    FacilityDraft nul = TestData.facilityInJongno();
    nul.setName("카페\u0000");
    refused("{text.singleLine.controlCharacters}", () -> as(owner, () -> facilities.register(nul)));
    FacilityDraft address = FacilityDraft.of(cafe);
    address.setRoadAddress("서".repeat(201));
    refused(
        "{facility.roadAddress.tooLong}",
        () -> as(owner, () -> facilities.update(cafe.getId(), address)));
    FacilityDraft bidi = FacilityDraft.of(cafe);
    bidi.setName("카페\u202Egnp.exe");
    refused(
        "{text.singleLine.controlCharacters}",
        () -> as(owner, () -> facilities.update(cafe.getId(), bidi)));
  }

  /**
   * What a QA tester sent past the pages' maxlength (a script, a crafted POST): 100,000 characters
   * in each field that was stored cut to its column. The services refuse them whole, with the
   * field's message; the pages no longer cut them first (WholeInputTextRenderer).
   */
  @Test
  void textsFarPastTheirLimitAreRefusedNotCut() {
    String far = "가".repeat(100_000);
    SignUpForm signUp = TestData.owner();
    signUp.setName(far);
    refused("{account.name.tooLong}", () -> accounts.signUpOwner(signUp));
    FacilityDraft name = TestData.facilityInJongno();
    name.setName(far);
    refused("{facility.name.tooLong}", () -> as(owner, () -> facilities.register(name)));
    FacilityDraft address = FacilityDraft.of(cafe);
    address.setRoadAddress(far);
    refused(
        "{facility.roadAddress.tooLong}",
        () -> as(owner, () -> facilities.update(cafe.getId(), address)));
    ViolationDraft visitor = draft();
    visitor.setKind(ViolationKind.VISITOR);
    visitor.setVisitorName(far);
    refused(
        "{visit.name.tooLong}",
        () -> as(jongno, () -> enforcement.logViolation(inspection.getId(), visitor)));
    ViolationDraft description = draft();
    description.setDescription(far);
    refused(
        "{violation.description.tooLong}",
        () -> as(jongno, () -> enforcement.logViolation(inspection.getId(), description)));
  }

  @Test
  void inspectionsViolationsAndFineSteps() {
    Instant at = kst("2021-12-20T13:00");
    refused(
        "{inspection.notes.tooLong}",
        () -> as(jongno, () -> enforcement.openInspection(cafe.getId(), at, "가".repeat(2001))));
    refused(
        "{text.plain.controlCharacters}",
        () -> as(jongno, () -> enforcement.openInspection(cafe.getId(), at, "메모\u0000")));

    ViolationDraft name = draft();
    name.setKind(ViolationKind.VISITOR);
    name.setVisitorName("홍".repeat(41));
    refused(
        "{visit.name.tooLong}",
        () -> as(jongno, () -> enforcement.logViolation(inspection.getId(), name)));
    ViolationDraft control = draft();
    control.setKind(ViolationKind.VISITOR);
    control.setVisitorName("홍길동\u001B[2J");
    refused(
        "{text.singleLine.controlCharacters}",
        () -> as(jongno, () -> enforcement.logViolation(inspection.getId(), control)));
    ViolationDraft shown = draft();
    shown.setShown("x".repeat(201));
    refused(
        "{violation.shown.tooLong}",
        () -> as(jongno, () -> enforcement.logViolation(inspection.getId(), shown)));
    ViolationDraft description = draft();
    description.setDescription("x".repeat(2001));
    refused(
        "{violation.description.tooLong}",
        () -> as(jongno, () -> enforcement.logViolation(inspection.getId(), description)));

    long id = violation.getId();
    refused(
        "{fine.cancel.reasonTooLong}",
        () -> as(jongno, () -> enforcement.cancelFine(id, "x".repeat(501))));
    refused(
        "{fine.objection.groundsTooLong}",
        () -> as(jongno, () -> enforcement.recordObjection(id, today(), "x".repeat(501))));
    refused(
        "{evidence.descriptionTooLong}",
        () -> as(jongno, () -> evidence.attach(id, new byte[] {1}, "x".repeat(501))));
    refused(
        "{text.singleLine.controlCharacters}",
        () -> as(jongno, () -> evidence.attach(id, new byte[] {1}, "사진\r\n")));
    refused(
        "{fine.opinion.tooLong}",
        () -> as(owner, () -> owners.submitOpinion(id, "x".repeat(4001))));
    refused(
        "{text.plain.controlCharacters}",
        () -> as(owner, () -> owners.submitOpinion(id, "의견\u0008")));

    Violation after = as(jongno, () -> enforcement.violation(id));
    assertEquals(FineState.DRAFT, after.getFineCase().getState());
    assertNull(after.getFineCase().getOpinion());
  }

  @Test
  void graceIncidentsAndTheCalendar() {
    Instant start = kst("2021-12-21T00:00");
    Instant end = kst("2021-12-22T00:00");
    GraceScope busan = GraceScope.of(java.util.Set.of(), java.util.Set.of(TestData.BUSAN_JUNG));
    refused(
        "{grace.reason.tooLong}",
        () ->
            as(
                SOME_ADMIN,
                () -> grace.declare(start, end, GraceKind.FULL, busan, "x".repeat(301), null)));
    refused(
        "{grace.announcementRef.tooLong}",
        () ->
            as(
                SOME_ADMIN,
                () ->
                    grace.declareDay(
                        start.atZone(Kst.ZONE).toLocalDate(),
                        GraceKind.FULL,
                        busan,
                        "사유",
                        "x".repeat(301))));
    refused(
        "{text.singleLine.controlCharacters}",
        () ->
            as(
                SOME_ADMIN,
                () -> grace.declare(start, end, GraceKind.FULL, busan, "사유", "공고\n제1호")));
    GraceDeclaration seeded = as(SOME_ADMIN, () -> grace.declarations()).get(0);
    refused(
        "{grace.revokeReason.tooLong}",
        () -> as(SOME_ADMIN, () -> grace.revoke(seeded.getId(), "x".repeat(301))));
    assertEquals(
        seeded.getStatus(), as(SOME_ADMIN, () -> grace.declaration(seeded.getId())).getStatus());

    refused(
        "{incident.noteTooLong}",
        () -> as(SOME_ADMIN, () -> incidents.declare(start, busan, "x".repeat(501))));
    refused(
        "{text.plain.controlCharacters}",
        () -> as(SOME_ADMIN, () -> incidents.declare(start, busan, "장애\u0000")));
    // refused before the incident is even looked up
    refused(
        "{grace.reason.tooLong}",
        () -> as(SOME_ADMIN, () -> incidents.close(-1, end, "x".repeat(301), null)));

    PolicyEvent event = as(SOME_ADMIN, () -> calendar.events()).get(0);
    PolicyEvent.Content c = event.content();
    PolicyEvent.Content longTitle =
        new PolicyEvent.Content(
            c.kind(), c.startsOn(), c.endsOn(), "x".repeat(301), c.titleEn(), c.source());
    refused(
        "{calendar.title.tooLong}",
        () -> as(SOME_ADMIN, () -> calendar.edit(event.getId(), longTitle, "정정")));
    PolicyEvent.Content twoLines =
        new PolicyEvent.Content(
            c.kind(), c.startsOn(), c.endsOn(), c.titleKo(), "a\nb", "x".repeat(301));
    ConstraintViolationException both =
        refused(
            "{calendar.source.tooLong}",
            () -> as(SOME_ADMIN, () -> calendar.edit(event.getId(), twoLines, "정정")));
    assertEquals(
        Map.of(
            "titleEn",
            "{text.singleLine.controlCharacters}",
            "source",
            "{calendar.source.tooLong}"),
        both.getConstraintViolations().stream()
            .collect(Collectors.toMap(v -> leaf(v), ConstraintViolation::getMessageTemplate)),
        "each refusal names its field");
    refused(
        "{calendar.note.tooLong}",
        () -> as(SOME_ADMIN, () -> calendar.edit(event.getId(), c, "x".repeat(301))));
    refused("{calendar.title.tooLong}", () -> as(SOME_ADMIN, () -> calendar.add(longTitle, null)));
  }

  @Test
  void visitsAndDeviceKeys() {
    long visitsBefore = visitCount();
    HandwrittenEntry longName = new HandwrittenEntry();
    longName.setName("홍".repeat(41));
    longName.setPhone("010-1234-5678");
    refused(
        "{visit.name.tooLong}",
        () -> as(owner, () -> visits.addHandwritten(cafe.getId(), longName)));
    HandwrittenEntry bell = new HandwrittenEntry();
    bell.setName("홍\u0007길동");
    bell.setPhone("010-1234-5678");
    refused(
        "{text.singleLine.controlCharacters}",
        () -> as(owner, () -> visits.addHandwritten(cafe.getId(), bell)));
    assertEquals(visitsBefore, visitCount());

    refused(
        "{device.label.tooLong}",
        () -> as(owner, () -> visits.createDeviceKey(cafe.getId(), "x".repeat(61))));
    refused(
        "{text.singleLine.controlCharacters}",
        () -> as(owner, () -> visits.createDeviceKey(cafe.getId(), "입구\t1")));
    // the longest label the column holds is taken
    as(owner, () -> visits.createDeviceKey(cafe.getId(), "x".repeat(60)));
    assertEquals(1, as(owner, () -> visits.deviceKeys(cafe.getId())).size());
  }

  /**
   * The call is refused by validation with that message, and no stored row changed. Returns the
   * refusal.
   */
  private ConstraintViolationException refused(String template, Supplier<?> call) {
    Map<String, String> before = fingerprints();
    ConstraintViolationException e = assertThrows(ConstraintViolationException.class, call::get);
    List<String> templates =
        e.getConstraintViolations().stream().map(ConstraintViolation::getMessageTemplate).toList();
    assertTrue(templates.contains(template), template + " in " + templates);
    assertEquals(before, fingerprints(), "nothing stored changed");
    return e;
  }

  private static String leaf(ConstraintViolation<?> v) {
    String path = v.getPropertyPath().toString();
    return path.substring(path.lastIndexOf('.') + 1);
  }

  /** A digest of every row of each table a refused call might have written. */
  private Map<String, String> fingerprints() {
    Map<String, String> digests = new LinkedHashMap<>();
    for (String table : TABLES) {
      Object digest =
          em.createNativeQuery(
                  "select coalesce(md5(string_agg(t::text, ',' order by t::text)), '') from "
                      + table
                      + " t")
              .getSingleResult();
      digests.put(table, String.valueOf(digest));
    }
    return digests;
  }

  private long visitCount() {
    return ((Number)
            em.createNativeQuery("select count(*) from visit where facility_id = ?1")
                .setParameter(1, cafe.getId())
                .getSingleResult())
        .longValue();
  }

  private static ViolationDraft draft() {
    ViolationDraft draft = new ViolationDraft();
    draft.setKind(ViolationKind.OPERATOR);
    draft.setOccurredAt(kst("2021-12-20T12:05"));
    draft.setDescription("QR 미확인");
    return draft;
  }

  private java.time.LocalDate today() {
    return as(jongno, () -> enforcement.today());
  }

  private static Instant kst(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(Kst.ZONE).toInstant();
  }
}
