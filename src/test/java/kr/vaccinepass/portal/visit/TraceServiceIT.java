package kr.vaccinepass.portal.visit;

import static kr.vaccinepass.portal.testsupport.TestActors.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kr.vaccinepass.portal.audit.application.AuditRow;
import kr.vaccinepass.portal.audit.application.RecordReads;
import kr.vaccinepass.portal.audit.domain.AuditKind;
import kr.vaccinepass.portal.enforcement.application.EnforcementService;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.shared.domain.AccessDeniedException;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.domain.PageRequest;
import kr.vaccinepass.portal.shared.infrastructure.PersonalDataCipher;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.Role;
import kr.vaccinepass.portal.testsupport.Deployments;
import kr.vaccinepass.portal.testsupport.Staff;
import kr.vaccinepass.portal.testsupport.TestData;
import kr.vaccinepass.portal.visit.application.TraceOversight;
import kr.vaccinepass.portal.visit.application.TraceService;
import kr.vaccinepass.portal.visit.application.VisitRetention;
import kr.vaccinepass.portal.visit.domain.Trace;
import kr.vaccinepass.portal.visit.domain.TraceBasis;
import kr.vaccinepass.portal.visit.domain.TraceFindings;
import kr.vaccinepass.portal.visit.domain.TracedVisit;
import kr.vaccinepass.portal.visit.domain.Visit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The investigator's trace in WildFly on PostgreSQL (issue 18): a facility's visits by issuer and
 * with their contacts decrypted, a holder's stops with the co-visitors of each, the region rule
 * with its flag, who may trace and who may not, the audit entry each read leaves for the owner, and
 * the trace destroyed with its visits on day D+29.
 */
@ExtendWith(ArquillianExtension.class)
class TraceServiceIT {
  private static final Actor SOME_ADMIN = new Actor(0, "admin@test", Role.ADMIN, null);

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(TraceServiceIT.class);
  }

  @Inject AccountService accounts;
  @Inject FacilityService facilities;
  @Inject TraceService traces;
  @Inject TraceOversight oversight;
  @Inject EnforcementService enforcement;
  @Inject RecordReads reads;
  @Inject VisitRetention retention;
  @Inject Clock clock;
  @PersistenceContext EntityManager em;
  @Resource UserTransaction tx;

  private Actor owner;
  private Actor seoul;
  private Facility cafe;
  private Facility karaoke;
  private Instant t0;

  @BeforeEach
  void world() throws Exception {
    var ownerForm = TestData.owner();
    owner = new Actor(accounts.signUpOwner(ownerForm), ownerForm.getEmail(), Role.OWNER, null);
    cafe = as(owner, () -> facilities.register(TestData.facilityInJongno()));
    karaoke = as(owner, () -> facilities.register(TestData.facilityInJongno()));
    seoul = Staff.investigator(accounts, TestData.SEOUL, null);
    t0 = clock.instant().minusSeconds(3 * 3600);
  }

  @Test
  void aFacilityTraceShowsQrVisitsByIssuerAndTheContactsInFull() throws Exception {
    String h1 = holder();
    String h2 = holder();
    insertQr(cafe, t0, "KAKAO", h1);
    insertQr(cafe, t0.plusSeconds(60), "KI_PASS", h2);
    insertContact(cafe, t0.plusSeconds(120), "박영희", "010-5555-1234");
    insertQr(cafe, t0.minusSeconds(6 * 3600), "KAKAO", holder()); // before the window

    Trace trace = as(seoul, () -> traces.request(facilityRequest(cafe, null)));
    TraceService.Findings found = as(seoul, () -> traces.open(trace.getId()));

    assertFalse(trace.isOutOfRegion());
    assertEquals(List.of(h1), holders(found.visits().ofIssuer("KAKAO")));
    assertEquals(List.of(h2), holders(found.visits().ofIssuer("KI_PASS")));
    assertEquals(1, found.visits().contacts().size());
    TracedVisit contact = found.visits().contacts().get(0);
    assertEquals("박영희", contact.name());
    assertEquals("010-5555-1234", contact.phone());
    assertEquals(3, found.visits().size());
  }

  @Test
  void aHolderTraceFindsTheHoldersStopsAndWhoWasThereAtTheSameTime() throws Exception {
    String confirmed = holder();
    String near = holder();
    String later = holder();
    insertQr(cafe, t0, "KAKAO", confirmed);
    insertQr(cafe, t0.plusSeconds(1800), "KAKAO", near);
    insertQr(cafe, t0.plusSeconds(2 * 3600), "KAKAO", later);
    insertContact(cafe, t0.minusSeconds(600), "김철수", "010-7777-8888");
    insertQr(karaoke, t0.plusSeconds(9000), "KAKAO", confirmed);

    Trace trace =
        as(
            seoul,
            () ->
                traces.request(
                    new Trace.Request(
                        TraceBasis.ARTICLE_76_2,
                        "확진 " + confirmed.substring(0, 6),
                        null,
                        "KAKAO",
                        confirmed,
                        t0.minusSeconds(3600),
                        clock.instant(),
                        null)));
    TraceService.Findings found = as(seoul, () -> traces.open(trace.getId()));

    List<TraceFindings.Stop> stops = found.stops();
    assertEquals(2, stops.size());
    assertEquals(cafe.getId(), stops.get(0).facilityId());
    assertEquals(List.of(near), holders(stops.get(0).coVisitors().ofIssuer("KAKAO")));
    assertEquals("김철수", stops.get(0).coVisitors().contacts().get(0).name());
    assertEquals(karaoke.getId(), stops.get(1).facilityId());
    assertEquals(0, stops.get(1).coVisitors().size(), "nobody else at the karaoke");
    assertTrue(found.places().containsKey(karaoke.getId()));

    // the owner sees that an investigator read each facility's records, by role and authority
    List<AuditRow> read = as(owner, () -> reads.page(PageRequest.first(50)));
    List<AuditRow> byInvestigator =
        read.stream().filter(r -> r.entry().getKind() == AuditKind.TRACE_VIEWED).toList();
    assertEquals(2, byInvestigator.size(), "one entry per facility shown");
    assertTrue(
        byInvestigator.stream().allMatch(r -> r.entry().getActorRole() == Role.INVESTIGATOR));
    assertTrue(
        byInvestigator.stream().allMatch(r -> TestData.SEOUL.equals(r.entry().getAuthority())));
  }

  @Test
  void aFacilityOutsideTheRegionIsTracedOnlyWithAReasonAndIsFlaggedToAdministrators() {
    Actor busan = Staff.investigator(accounts, TestData.BUSAN, null);
    BusinessException refused =
        assertThrows(
            BusinessException.class,
            () -> as(busan, () -> traces.request(facilityRequest(cafe, null))));
    assertEquals("trace.reason.outsideRegion", refused.messageKey());

    Trace trace = as(busan, () -> traces.request(facilityRequest(cafe, "확진자의 서울 방문 동선")));

    assertTrue(trace.isOutOfRegion());
    assertTrue(as(busan, () -> traces.outsideRegion(cafe.getId())));
    assertTrue(
        as(SOME_ADMIN, () -> oversight.outOfRegion(PageRequest.first(50))).stream()
            .anyMatch(
                f ->
                    f.trace().getId().equals(trace.getId())
                        && f.facilityName().equals(cafe.getName())));
    Actor jongno = Staff.investigator(accounts, TestData.SEOUL, TestData.JONGNO);
    assertFalse(as(jongno, () -> traces.outsideRegion(cafe.getId())));
  }

  @Test
  void onlyInvestigatorsTraceAndInvestigatorsSeeNothingOfEnforcement() {
    Actor inspector = Staff.inspector(accounts, TestData.JONGNO);
    assertThrows(
        AccessDeniedException.class,
        () -> as(inspector, () -> traces.request(facilityRequest(cafe, null))));
    assertThrows(
        AccessDeniedException.class,
        () -> as(owner, () -> traces.request(facilityRequest(cafe, null))));
    assertThrows(AccessDeniedException.class, () -> as(SOME_ADMIN, () -> traces.countMine()));
    assertThrows(AccessDeniedException.class, () -> as(seoul, () -> enforcement.violation(1)));
    assertThrows(
        AccessDeniedException.class,
        () -> as(seoul, () -> facilities.search(null, PageRequest.first(10))));
    assertThrows(AccessDeniedException.class, () -> as(seoul, () -> oversight.countOutOfRegion()));

    Trace mine = as(seoul, () -> traces.request(facilityRequest(cafe, null)));
    Actor other = Staff.investigator(accounts, TestData.SEOUL, null);
    assertThrows(NotFoundException.class, () -> as(other, () -> traces.open(mine.getId())));
    assertThrows(NotFoundException.class, () -> as(other, () -> traces.export(mine.getId(), null)));
    assertEquals(0, as(other, () -> traces.countMine()));
    assertEquals(1, as(seoul, () -> traces.countMine()));
  }

  @Test
  void theDatabaseHoldsContactsEncryptedAndTheTraceDecryptsThem() throws Exception {
    insertContact(cafe, t0, "이수진", "010-2222-3333");
    tx.begin();
    String stored =
        (String)
            em.createNativeQuery(
                    "select visitor_phone from visit where facility_id = ?1 and method = 'CALL'")
                .setParameter(1, cafe.getId())
                .getSingleResult();
    tx.commit();
    assertFalse(stored.contains("2222"), stored);

    Trace trace = as(seoul, () -> traces.request(facilityRequest(cafe, null)));
    TraceService.Findings exported = as(seoul, () -> traces.export(trace.getId(), null));
    assertEquals("010-2222-3333", exported.visits().contacts().get(0).phone());
  }

  @Test
  void aTraceOfDayDIsGoneOnDayD29WithItsVisits() throws Exception {
    Trace trace = as(seoul, () -> traces.request(facilityRequest(cafe, null)));
    LocalDate made = trace.getCreatedAt().atZone(Kst.ZONE).toLocalDate();

    retention.purge(made.plusDays(28));
    assertEquals(1, traceRows(trace.getId()), "kept on day 28");

    retention.purge(made.plusDays(29));
    assertEquals(0, traceRows(trace.getId()), "destroyed on day 29");
    assertThrows(NotFoundException.class, () -> as(seoul, () -> traces.open(trace.getId())));
  }

  private Trace.Request facilityRequest(Facility facility, String reason) {
    return new Trace.Request(
        TraceBasis.ARTICLE_18,
        "확진 " + UUID.randomUUID().toString().substring(0, 8),
        facility.getId(),
        null,
        null,
        t0.minusSeconds(3600),
        clock.instant(),
        reason);
  }

  private static String holder() {
    return "h-" + UUID.randomUUID();
  }

  private static List<String> holders(List<TracedVisit> visits) {
    return visits.stream().map(TracedVisit::holderId).toList();
  }

  private void insertQr(Facility facility, Instant at, String issuer, String holder)
      throws Exception {
    tx.begin();
    em.createNativeQuery(
            "insert into visit (facility_id, visited_at, method, outcome, issuer_code, holder_id,"
                + " token_nonce, created_at) values (?1, ?2, 'QR', 'PASS', ?3, ?4, ?5, ?2)")
        .setParameter(1, facility.getId())
        .setParameter(2, at)
        .setParameter(3, issuer)
        .setParameter(4, holder)
        .setParameter(5, UUID.randomUUID().toString())
        .executeUpdate();
    tx.commit();
  }

  private void insertContact(Facility facility, Instant at, String name, String phone)
      throws Exception {
    PersonalDataCipher cipher = PersonalDataCipher.configured();
    UUID row = UUID.randomUUID();
    tx.begin();
    em.createNativeQuery(
            "insert into visit (facility_id, visited_at, method, outcome, visitor_name,"
                + " visitor_phone, phone_last4, created_at, row_key)"
                + " values (?1, ?2, 'CALL', 'UNVERIFIED', ?3, ?4, ?5, ?2, ?6)")
        .setParameter(1, facility.getId())
        .setParameter(2, at)
        .setParameter(3, cipher.seal(Visit.NAME_FIELD, row, name))
        .setParameter(4, cipher.seal(Visit.PHONE_FIELD, row, phone))
        .setParameter(5, phone.substring(phone.length() - 4))
        .setParameter(6, row)
        .executeUpdate();
    tx.commit();
  }

  private long traceRows(long id) throws Exception {
    tx.begin();
    long n =
        ((Number)
                em.createNativeQuery("select count(*) from trace where id = ?1")
                    .setParameter(1, id)
                    .getSingleResult())
            .longValue();
    tx.commit();
    return n;
  }
}
