package kr.vaccinepass.portal.audit;

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
import java.security.interfaces.ECPublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import kr.vaccinepass.portal.audit.application.AuditQuery;
import kr.vaccinepass.portal.audit.application.AuditRow;
import kr.vaccinepass.portal.audit.application.AuditSearch;
import kr.vaccinepass.portal.audit.application.RecordReads;
import kr.vaccinepass.portal.audit.domain.AuditChain;
import kr.vaccinepass.portal.audit.domain.AuditEntry;
import kr.vaccinepass.portal.audit.domain.AuditKind;
import kr.vaccinepass.portal.audit.domain.AuditSubject;
import kr.vaccinepass.portal.audit.domain.PersonalField;
import kr.vaccinepass.portal.enforcement.application.EnforcementService;
import kr.vaccinepass.portal.enforcement.application.ViolationDraft;
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
import kr.vaccinepass.portal.grace.domain.Incident;
import kr.vaccinepass.portal.grace.domain.PolicyEvent;
import kr.vaccinepass.portal.grace.domain.PolicyEventKind;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.pass.application.TrustListService;
import kr.vaccinepass.portal.pass.domain.PassKeys;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.domain.PageRequest;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.Role;
import kr.vaccinepass.portal.testsupport.Deployments;
import kr.vaccinepass.portal.testsupport.Staff;
import kr.vaccinepass.portal.testsupport.TestData;
import kr.vaccinepass.portal.visit.application.TraceService;
import kr.vaccinepass.portal.visit.application.VisitRecordService;
import kr.vaccinepass.portal.visit.domain.Trace;
import kr.vaccinepass.portal.visit.domain.TraceBasis;
import kr.vaccinepass.portal.visit.domain.VisitFilter;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail in WildFly on PostgreSQL (issue 18): the entries each kind of read and change
 * writes, the owner's view of who read their records, the table that refuses every update, delete
 * and truncate, and the chain that shows an altered or removed row (that the entries outlive the
 * visits they describe: VisitRecordsIT).
 */
@ExtendWith(ArquillianExtension.class)
class AuditTrailIT {
  private static final Actor SOME_ADMIN = new Actor(0, "admin@test", Role.ADMIN, null);

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(AuditTrailIT.class);
  }

  @Inject AccountService accounts;
  @Inject FacilityService facilities;
  @Inject VisitRecordService records;
  @Inject EnforcementService enforcement;
  @Inject GraceService grace;
  @Inject IncidentService incidents;
  @Inject AuditSearch search;
  @Inject TrustListService trust;
  @Inject CalendarService calendar;
  @Inject RecordReads reads;
  @Inject TraceService traces;
  @Inject Clock clock;
  @PersistenceContext EntityManager em;
  @Resource UserTransaction tx;

  @Resource(lookup = "java:jboss/datasources/PortalDS")
  DataSource dataSource;

  private Actor owner;
  private Actor jongno;
  private Facility cafe;

  @BeforeEach
  void world() {
    var ownerForm = TestData.owner();
    owner = new Actor(accounts.signUpOwner(ownerForm), ownerForm.getEmail(), Role.OWNER, null);
    jongno = Staff.inspector(accounts, TestData.JONGNO);
    cafe = as(owner, () -> facilities.register(TestData.facilityInJongno()));
  }

  @Test
  void theOwnersRecordsPageAndExportAreEachAReadOfTheMaskedFieldsOfThatFacility() {
    as(owner, () -> records.page(cafe.getId(), VisitFilter.none(), PageRequest.first(10)));
    as(owner, () -> records.all(cafe.getId(), VisitFilter.none()));

    List<AuditEntry> entries = about(AuditSubject.FACILITY, cafe.getId());
    AuditEntry viewed = only(entries, AuditKind.VISITS_VIEWED);
    AuditEntry exported = only(entries, AuditKind.VISITS_EXPORTED);
    for (AuditEntry e : List.of(viewed, exported)) {
      assertEquals(owner.accountId(), e.getActorId());
      assertEquals(Role.OWNER, e.getActorRole());
      assertEquals(cafe.getId(), e.getFacilityId());
      assertEquals(
          Set.of(
              PersonalField.VISITOR_NAME_MASKED,
              PersonalField.VISITOR_PHONE_MASKED,
              PersonalField.SAFETY_NUMBER_MASKED),
          e.getFields());
    }
    assertEquals(1, count(entries, AuditKind.FACILITY_REGISTERED));
  }

  @Test
  void anInspectorOpeningAVisitorsCaseIsAReadOfTheVisitorsDetailsAndEachStepIsAChange() {
    Inspection inspection =
        as(jongno, () -> enforcement.openInspection(cafe.getId(), kst("2021-12-20T12:00"), "점검"));
    ViolationDraft draft = new ViolationDraft();
    draft.setKind(ViolationKind.VISITOR);
    draft.setOccurredAt(kst("2021-12-20T12:05"));
    draft.setVisitorName("김민수");
    draft.setVisitorBirthDate(LocalDate.of(1990, 1, 1));
    draft.setDescription("QR 미확인");
    Violation violation = as(jongno, () -> enforcement.logViolation(inspection.getId(), draft));
    as(jongno, () -> enforcement.violation(violation.getId()));
    as(jongno, () -> enforcement.cancelFine(violation.getId(), "잘못 기록함"));

    List<AuditEntry> entries = about(AuditSubject.VIOLATION, violation.getId());
    AuditEntry viewed = only(entries, AuditKind.CASE_VIEWED);
    assertEquals(jongno.accountId(), viewed.getActorId());
    assertEquals(TestData.JONGNO, viewed.getAuthority());
    assertTrue(
        viewed.getFields().contains(PersonalField.VISITOR_NAME), viewed.getFields()::toString);
    assertTrue(viewed.getFields().contains(PersonalField.VISITOR_BIRTH_DATE));
    assertEquals(1, count(entries, AuditKind.VIOLATION_LOGGED));
    AuditEntry cancelled = only(entries, AuditKind.FINE_STEP);
    assertEquals("CANCELLATION", cancelled.getDetail());
    assertEquals("잘못 기록함", cancelled.getReason());
    assertEquals(1, count(about(AuditSubject.FACILITY, cafe.getId()), AuditKind.INSPECTION_OPENED));
    for (AuditEntry e : entries) {
      assertFalse(
          String.valueOf(e.getReason()).contains("김민수") || e.getHash().contains("김민수"),
          "no personal data in an entry");
    }
  }

  @Test
  void accountsDevicesGraceAndIncidentsWriteTheirChanges() {
    Actor admin = Staff.admin(accounts);
    long key = as(owner, () -> records.createDeviceKey(cafe.getId(), "front door")).key().getId();
    as(owner, () -> records.revokeDeviceKey(key));
    GraceDeclaration declared =
        as(
            admin,
            () ->
                grace.declareDay(
                    LocalDate.of(2021, 11, 20),
                    GraceKind.FULL,
                    GraceScope.of(Set.of(), Set.of(TestData.BUSAN_JUNG)),
                    "감사 시험",
                    null));
    Incident incident =
        as(
            admin,
            () ->
                incidents.declare(
                    kst("2021-11-20T12:00"),
                    GraceScope.of(Set.of(), Set.of(TestData.BUSAN_JUNG)),
                    "감사 시험"));
    as(admin, () -> incidents.close(incident.getId(), kst("2021-11-20T12:30"), null, null));

    List<AuditEntry> devices = about(AuditSubject.DEVICE_KEY, key);
    assertEquals(1, count(devices, AuditKind.DEVICE_PAIRED));
    assertEquals(1, count(devices, AuditKind.DEVICE_REVOKED));
    assertEquals(cafe.getId(), devices.get(0).getFacilityId());
    AuditEntry graceEntry =
        only(about(AuditSubject.GRACE, declared.getId()), AuditKind.GRACE_DECLARED);
    assertEquals("감사 시험", graceEntry.getReason());
    assertEquals(admin.accountId(), graceEntry.getActorId());
    List<AuditEntry> incidentEntries = about(AuditSubject.INCIDENT, incident.getId());
    assertEquals(1, count(incidentEntries, AuditKind.INCIDENT_DECLARED));
    assertEquals(1, count(incidentEntries, AuditKind.INCIDENT_CLOSED));
    AuditEntry created =
        only(about(AuditSubject.ACCOUNT, jongno.accountId()), AuditKind.ACCOUNT_CREATED);
    assertEquals("INSPECTOR", created.getDetail());
    assertEquals(0L, created.getActorId(), "created by the administrator");
  }

  @Test
  void trustKeysTheCalendarAndAFacilitysCorrectionWriteTheirChanges() throws Exception {
    Actor admin = Staff.admin(accounts);
    String kid = "audit-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    String pem = PassKeys.pem((ECPublicKey) PassKeys.generate().getPublic());
    Instant now = Instant.now();
    as(admin, () -> trust.addKey("TOSS", kid, pem, now.minusSeconds(3600), null));
    as(admin, () -> trust.revoke(kid));
    PolicyEvent event =
        as(
            admin,
            () ->
                calendar.add(
                    new PolicyEvent.Content(
                        PolicyEventKind.PASS_RULE,
                        LocalDate.of(2022, 3, 30),
                        null,
                        "감사 시험 일정",
                        "Audit test event",
                        "AuditTrailIT"),
                    "감사 시험"));
    FacilityDraft change = TestData.facilityInJongno();
    change.setBusinessNumber(cafe.getBusinessNumber().digits());
    change.setName("감사 시험 카페");
    as(owner, () -> facilities.update(cafe.getId(), change));

    List<AuditEntry> keys = about(AuditSubject.TRUST_KEY, kid);
    assertEquals(1, count(keys, AuditKind.TRUST_KEY_ADDED));
    assertEquals(1, count(keys, AuditKind.TRUST_KEY_REVOKED));
    assertTrue(keys.stream().allMatch(e -> e.getActorId() == admin.accountId()));
    AuditEntry added =
        only(about(AuditSubject.CALENDAR_EVENT, event.getId()), AuditKind.CALENDAR_ADDED);
    assertEquals("감사 시험", added.getReason());
    assertEquals(1, count(about(AuditSubject.FACILITY, cafe.getId()), AuditKind.FACILITY_CHANGED));
  }

  @Test
  void anOwnerSeesTheReadsOfTheirOwnFacilitiesOnlyAndTheExportIsItselfRecorded() {
    as(owner, () -> records.page(cafe.getId(), VisitFilter.none(), PageRequest.first(10)));
    var otherForm = TestData.owner();
    Actor other =
        new Actor(accounts.signUpOwner(otherForm), otherForm.getEmail(), Role.OWNER, null);
    Facility theirs = as(other, () -> facilities.register(TestData.facilityInJongno()));
    as(other, () -> records.page(theirs.getId(), VisitFilter.none(), PageRequest.first(10)));
    Actor investigator = Staff.investigator(accounts, TestData.SEOUL, null);
    Instant now = clock.instant();
    Trace trace =
        as(
            investigator,
            () ->
                traces.request(
                    new Trace.Request(
                        TraceBasis.ARTICLE_18,
                        "감사 시험",
                        cafe.getId(),
                        null,
                        null,
                        now.minusSeconds(3600),
                        now,
                        null)));
    as(investigator, () -> traces.open(trace.getId()));

    List<AuditRow> mine = as(owner, () -> reads.page(PageRequest.first(50)));
    assertEquals(1, mine.size(), "the investigator's read; not the owner's own, not another's");
    assertEquals(1L, as(owner, () -> reads.count()));
    assertEquals(AuditKind.TRACE_VIEWED, mine.get(0).entry().getKind());
    assertEquals(cafe.getId(), mine.get(0).entry().getFacilityId());
    assertEquals(Role.INVESTIGATOR, mine.get(0).entry().getActorRole());
    assertEquals(TestData.SEOUL, mine.get(0).entry().getAuthority());
    assertNull(mine.get(0).actorName(), "an owner is not told the names of those who read");
    assertEquals(cafe.getName(), mine.get(0).facilityName());

    long before = exportsSoFar();
    List<AuditRow> exported =
        as(
            SOME_ADMIN,
            () ->
                search.export(new AuditQuery(otherForm.getEmail(), null, null, null, null, null)));
    assertTrue(exported.stream().allMatch(r -> r.entry().getActorId() == other.accountId()));
    assertTrue(exported.size() >= 3, "signed up, registered, viewed: " + exported.size());
    assertTrue(
        exported.stream().anyMatch(r -> r.entry().getKind() == AuditKind.ACCOUNT_CREATED),
        "the person signing up is the account they made");
    assertTrue(exported.get(0).actorName().contains(otherForm.getEmail()));
    assertEquals(before + 1, exportsSoFar());
  }

  @Test
  void entriesCannotBeUpdatedDeletedOrTruncatedByAnyone() throws Exception {
    as(owner, () -> records.page(cafe.getId(), VisitFilter.none(), PageRequest.first(10)));
    long seq = only(about(AuditSubject.FACILITY, cafe.getId()), AuditKind.VISITS_VIEWED).getSeq();

    for (String sql :
        List.of(
            "update audit_entry set reason = 'x' where seq = " + seq,
            "delete from audit_entry where seq = " + seq,
            "truncate audit_entry")) {
      SQLException refused = assertThrows(SQLException.class, () -> execute(sql), sql);
      assertEquals("42501", refused.getSQLState(), sql + ": " + refused.getMessage());
    }
    assertEquals(1, countRows(seq), "still there");

    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "select has_table_privilege('public', 'audit_entry', 'UPDATE'),"
                    + " has_table_privilege('public', 'audit_entry', 'TRUNCATE')");
        ResultSet r = q.executeQuery()) {
      r.next();
      assertFalse(r.getBoolean(1));
      assertFalse(r.getBoolean(2));
    }
  }

  @Test
  void theChainShowsARowAlteredOrRemovedBehindTheTablesBack() throws Exception {
    as(owner, () -> records.page(cafe.getId(), VisitFilter.none(), PageRequest.first(10)));
    as(owner, () -> records.all(cafe.getId(), VisitFilter.none()));
    long seq = only(about(AuditSubject.FACILITY, cafe.getId()), AuditKind.VISITS_VIEWED).getSeq();
    assertTrue(as(SOME_ADMIN, () -> search.verify()).intact());

    // a superuser can switch the triggers off; the chain still tells
    String address = addressOf(seq);
    behindTheTablesBack("update audit_entry set address = '10.0.0.1' where seq = " + seq);
    try {
      AuditChain.Verdict altered = as(SOME_ADMIN, () -> search.verify());
      assertEquals(AuditChain.Break.ALTERED, altered.broken());
      assertEquals(seq, altered.brokenAt());
    } finally {
      behindTheTablesBack(
          "update audit_entry set address = "
              + (address == null ? "null" : "'" + address.replace("'", "''") + "'")
              + " where seq = "
              + seq);
    }
    assertTrue(as(SOME_ADMIN, () -> search.verify()).intact(), "put back as it was");

    behindTheTablesBack(
        "create table audit_entry_kept as select * from audit_entry where seq = "
            + seq
            + "; delete from audit_entry where seq = "
            + seq);
    try {
      AuditChain.Verdict removed = as(SOME_ADMIN, () -> search.verify());
      assertEquals(AuditChain.Break.MISSING, removed.broken());
      assertEquals(seq, removed.brokenAt());
    } finally {
      behindTheTablesBack(
          "insert into audit_entry select * from audit_entry_kept; drop table audit_entry_kept");
    }
    assertTrue(as(SOME_ADMIN, () -> search.verify()).intact());
  }

  private List<AuditEntry> about(AuditSubject subject, long id) {
    return about(subject, String.valueOf(id));
  }

  private List<AuditEntry> about(AuditSubject subject, String id) {
    return as(
            SOME_ADMIN,
            () ->
                search.page(
                    new AuditQuery(null, null, subject, id, null, null), PageRequest.first(100)))
        .stream()
        .map(AuditRow::entry)
        .toList();
  }

  private long exportsSoFar() {
    return as(
        SOME_ADMIN,
        () -> search.count(new AuditQuery(null, AuditKind.AUDIT_EXPORTED, null, null, null, null)));
  }

  private static AuditEntry only(List<AuditEntry> entries, AuditKind kind) {
    List<AuditEntry> of = entries.stream().filter(e -> e.getKind() == kind).toList();
    assertEquals(1, of.size(), kind + " in " + entries.stream().map(AuditEntry::getKind).toList());
    return of.get(0);
  }

  private static long count(List<AuditEntry> entries, AuditKind kind) {
    return entries.stream().filter(e -> e.getKind() == kind).count();
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** As a superuser who turns the triggers off for the session (replica mode). */
  private void behindTheTablesBack(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("set session_replication_role = replica");
      try {
        s.execute(sql);
      } finally {
        s.execute("set session_replication_role = default");
      }
    }
  }

  private String addressOf(long seq) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q = c.prepareStatement("select address from audit_entry where seq = ?")) {
      q.setLong(1, seq);
      try (ResultSet r = q.executeQuery()) {
        r.next();
        return r.getString(1);
      }
    }
  }

  private long countRows(long seq) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement("select count(*) from audit_entry where seq = ?")) {
      q.setLong(1, seq);
      try (ResultSet r = q.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static Instant kst(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(Kst.ZONE).toInstant();
  }
}
