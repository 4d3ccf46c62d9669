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
import jakarta.validation.ConstraintViolationException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.domain.PageRequest;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.Role;
import kr.vaccinepass.portal.testsupport.Deployments;
import kr.vaccinepass.portal.testsupport.ExportCells;
import kr.vaccinepass.portal.testsupport.TestData;
import kr.vaccinepass.portal.visit.application.HandwrittenEntry;
import kr.vaccinepass.portal.visit.application.VisitRecordService;
import kr.vaccinepass.portal.visit.application.VisitRetention;
import kr.vaccinepass.portal.visit.application.WebhookSignature;
import kr.vaccinepass.portal.visit.domain.CheckMethod;
import kr.vaccinepass.portal.visit.domain.Visit;
import kr.vaccinepass.portal.visit.domain.VisitFilter;
import kr.vaccinepass.portal.visit.domain.VisitMethod;
import kr.vaccinepass.portal.visit.web.VisitExport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The 안심콜 webhook, handwritten entries, the owner's records and their export, encryption at rest
 * and the 28-day retention, in WildFly on PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
class VisitRecordsIT {
  private static final String SECRET = "test-telephony-secret";

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(VisitRecordsIT.class, VisitTestSupport.class, ExportCells.class);
  }

  @Inject AccountService accounts;
  @Inject FacilityService facilities;
  @Inject VisitRecordService records;
  @Inject VisitRetention retention;
  @Inject VisitExport export;
  @Inject Clock clock;
  @PersistenceContext EntityManager em;
  @Resource UserTransaction tx;

  private Actor owner;
  private Facility facility;

  @BeforeEach
  void facility() {
    owner = owner();
    facility = as(owner, () -> facilities.register(TestData.facilityInJongno()));
  }

  @Test
  void aSignedCallRecordsAnUnverifiedVisitWithTheNumberEncrypted() throws Exception {
    String callId = "call-" + UUID.randomUUID();
    String body = callBody(callId, facility.getSafeCallNumber(), "010-2345-6789");
    String ts = String.valueOf(Instant.now().getEpochSecond());

    HttpResponse<String> first = postCall(body, ts, sign(ts, body));
    assertEquals(201, first.statusCode(), first.body());
    assertProblem(postCall(body, ts, sign(ts, body)), 409, "REPLAYED");
    String later = String.valueOf(Instant.now().getEpochSecond() + 1);
    HttpResponse<String> retry = postCall(body, later, sign(later, body));
    assertEquals(200, retry.statusCode(), "the provider's retry records nothing new");

    List<Visit> rows =
        as(owner, () -> records.page(facility.getId(), VisitFilter.none(), PageRequest.first(10)))
            .items();
    assertEquals(1, rows.size());
    assertEquals(VisitMethod.CALL, rows.get(0).getMethod());
    assertEquals("010-****-6789", rows.get(0).maskedPhone());
    tx.begin();
    String stored =
        (String)
            em.createNativeQuery("select visitor_phone from visit where facility_id = ?1")
                .setParameter(1, facility.getId())
                .getSingleResult();
    tx.commit();
    // the whole number, in any of its forms: four digits may turn up in base64 by chance
    assertFalse(
        stored.contains("010-2345-6789") || stored.contains("01023456789"),
        "encrypted at rest: " + stored);
    assertTrue(stored.startsWith("test1."), stored);
  }

  @Test
  void badCallsAreRefusedWithTheirCodes() {
    String body =
        callBody("call-" + UUID.randomUUID(), facility.getSafeCallNumber(), "010-1111-2222");
    String now = String.valueOf(Instant.now().getEpochSecond());
    String stale = String.valueOf(Instant.now().getEpochSecond() - 400);

    assertProblem(postCall(body, now, "v1=00"), 401, "SIGNATURE_BAD_SIGNATURE");
    assertProblem(postCall(body, stale, sign(stale, body)), 401, "SIGNATURE_STALE");
    assertProblem(postCall(body, null, null), 401, "SIGNATURE_MISSING");
    String unknown = callBody("call-" + UUID.randomUUID(), "080-999-9999", "010-1111-2222");
    assertProblem(postCall(unknown, now, sign(now, unknown)), 404, "FACILITY_NOT_FOUND");
    String badCaller = callBody("call-" + UUID.randomUUID(), facility.getSafeCallNumber(), "12");
    assertProblem(postCall(badCaller, now, sign(now, badCaller)), 422, "CALLER_NUMBER_INVALID");
    String notJson = "{oops";
    assertProblem(postCall(notJson, now, sign(now, notJson)), 400, "MALFORMED");
    assertEquals(0, count(facility.getId()));
  }

  @Test
  void handwrittenEntriesAreMaskedAndSayTheyProveNothing() {
    HandwrittenEntry byPhone = entry("김철수", "01098765432", null);
    HandwrittenEntry bySafetyNumber = entry(null, null, "1234가나");

    VisitRecordService.Handwritten saved =
        as(owner, () -> records.addHandwritten(facility.getId(), byPhone));
    as(owner, () -> records.addHandwritten(facility.getId(), bySafetyNumber));

    assertTrue(saved.passRequired(), "restaurants were covered on 2022-02-20");
    List<Visit> rows =
        as(owner, () -> records.page(facility.getId(), VisitFilter.none(), PageRequest.first(10)))
            .items();
    assertEquals(2, rows.size());
    assertTrue(rows.stream().anyMatch(v -> "김*수".equals(v.maskedName())));
    assertTrue(rows.stream().anyMatch(v -> "010-****-5432".equals(v.maskedPhone())));
    assertTrue(rows.stream().anyMatch(v -> "12**가나".equals(v.maskedSafetyNumber())));

    Visit phoneVisit = rows.stream().filter(v -> v.maskedPhone() != null).findFirst().orElseThrow();
    assertThrows(
        BusinessException.class,
        () -> as(owner, () -> records.recordCheck(phoneVisit.getId(), CheckMethod.VERBAL)));
    Visit checked =
        as(owner, () -> records.recordCheck(phoneVisit.getId(), CheckMethod.PAPER_CERTIFICATE));
    assertEquals(CheckMethod.PAPER_CERTIFICATE, checked.getCheckMethod());
  }

  @Test
  void badHandwrittenEntriesAreRefusedAndAnotherOwnersFacilityIsNotFound() {
    BusinessException noPhone =
        assertThrows(
            BusinessException.class,
            () ->
                as(
                    owner,
                    () -> records.addHandwritten(facility.getId(), entry("김철수", null, null))));
    assertEquals("phone", noPhone.field().orElse(null));
    BusinessException both =
        assertThrows(
            BusinessException.class,
            () ->
                as(
                    owner,
                    () ->
                        records.addHandwritten(
                            facility.getId(), entry("김철수", "010-1234-5678", "1234가나"))));
    assertEquals("safetyNumber", both.field().orElse(null), "nothing typed is silently dropped");
    assertThrows(
        ConstraintViolationException.class,
        () -> as(owner, () -> records.addHandwritten(facility.getId(), entry(null, null, "12가나"))));
    assertThrows(
        ConstraintViolationException.class,
        () ->
            as(owner, () -> records.addHandwritten(facility.getId(), entry("김철수", "12345", null))));
    Actor stranger = owner();
    assertThrows(
        NotFoundException.class,
        () ->
            as(
                stranger,
                () -> records.addHandwritten(facility.getId(), entry("김철수", "01012345678", null))));
    assertThrows(
        NotFoundException.class,
        () ->
            as(
                stranger,
                () -> records.page(facility.getId(), VisitFilter.none(), PageRequest.first(5))));
    assertEquals(0, count(facility.getId()));
  }

  @Test
  void theExportHoldsTheFilteredRowsMasked() throws Exception {
    as(owner, () -> records.addHandwritten(facility.getId(), entry("박영희", "010-5555-7777", null)));
    as(owner, () -> records.addHandwritten(facility.getId(), entry(null, null, "5678다라")));
    List<Visit> rows = as(owner, () -> records.all(facility.getId(), VisitFilter.none()));

    // on the cells' text, as a reader sees them: the raw XLSX holds the visit's time as a date
    // serial (44612.490950555555 once), which has nothing to do with the visitor's number
    List<List<String>> csv = ExportCells.csv(export.csv(rows));
    List<List<String>> sheet = ExportCells.xlsxText(export.xlsx(rows));

    assertEquals(3, csv.size(), csv.toString());
    assertTrue(cells(csv).contains("010-****-7777"), csv.toString());
    assertTrue(cells(csv).contains("박*희"), csv.toString());
    assertTrue(cells(csv).contains("56**다라"), csv.toString());
    assertTrue(
        cells(csv).stream().noneMatch(c -> c.contains("5555") || c.contains("박영희")),
        csv.toString());
    assertTrue(cells(sheet).contains("010-****-7777"), sheet.toString());
    assertTrue(cells(sheet).contains("박*희"), sheet.toString());
    assertTrue(
        cells(sheet).stream().noneMatch(c -> c.contains("5555") || c.contains("박영희")),
        sheet.toString());

    List<Visit> onlyCalls =
        as(
            owner,
            () ->
                records.all(facility.getId(), new VisitFilter(null, null, VisitMethod.CALL, null)));
    assertTrue(onlyCalls.isEmpty());
  }

  @Test
  void anHourWithoutADayIsThatHourOfThePortalsToday() throws Exception {
    // the portal's clock (shifted to 2022 here, as in the demo), not the machine's date
    Instant at = clock.instant();
    long id = insertVisit(at);
    int hour = at.atZone(Kst.ZONE).getHour();

    List<Visit> inThatHour =
        as(owner, () -> records.all(facility.getId(), new VisitFilter(null, hour, null, null)));

    assertEquals(List.of(id), inThatHour.stream().map(Visit::getId).toList());
  }

  @Test
  void retentionKeepsDay28AndDestroysDay29AndTheTrailOfItsReadsStays() throws Exception {
    LocalDate visitDay = LocalDate.of(2021, 12, 13);
    long id = insertVisit(visitDay.atTime(LocalTime.of(23, 59)).atZone(Kst.ZONE).toInstant());
    as(owner, () -> records.all(facility.getId(), VisitFilter.none()));
    long trail = readsOfTheFacility();
    assertTrue(trail >= 1, "the export is in the trail");

    retention.purge(visitDay.plusDays(28));
    assertEquals(1, exists(id), "kept on day 28");

    retention.purge(visitDay.plusDays(29));
    assertEquals(0, exists(id), "destroyed on day 29");
    assertEquals(trail, readsOfTheFacility(), "the audit entries remain (kept a year)");
  }

  private long readsOfTheFacility() throws Exception {
    tx.begin();
    long n =
        ((Number)
                em.createNativeQuery(
                        "select count(*) from audit_entry where facility_id = ?1"
                            + " and kind in ('VISITS_VIEWED', 'VISITS_EXPORTED')")
                    .setParameter(1, facility.getId())
                    .getSingleResult())
            .longValue();
    tx.commit();
    return n;
  }

  private long insertVisit(Instant at) throws Exception {
    return VisitTestSupport.insertHandwrittenVisit(em, tx, facility.getId(), at);
  }

  private long exists(long id) throws Exception {
    tx.begin();
    long n =
        ((Number)
                em.createNativeQuery("select count(*) from visit where id = ?1")
                    .setParameter(1, id)
                    .getSingleResult())
            .longValue();
    tx.commit();
    return n;
  }

  private long count(long facilityId) {
    return ((Number)
            em.createNativeQuery("select count(*) from visit where facility_id = ?1")
                .setParameter(1, facilityId)
                .getSingleResult())
        .longValue();
  }

  private static List<String> cells(List<List<String>> rows) {
    return rows.stream().flatMap(List::stream).toList();
  }

  private String callBody(String callId, String called, String caller) {
    return "{\"callId\":\""
        + callId
        + "\",\"calledNumber\":\""
        + called
        + "\",\"callerNumber\":\""
        + caller
        + "\",\"calledAt\":\""
        + OffsetDateTime.ofInstant(clock.instant(), Kst.ZONE)
        + "\"}";
  }

  private static String sign(String ts, String body) {
    return new WebhookSignature(SECRET).sign(ts, body.getBytes(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> postCall(String body, String ts, String signature) {
    Map<String, String> headers = new java.util.HashMap<>();
    if (ts != null) {
      headers.put("X-VP-Timestamp", ts);
    }
    if (signature != null) {
      headers.put("X-VP-Signature", signature);
    }
    return VisitTestSupport.post("/api/v1/calls", body, headers);
  }

  private static void assertProblem(HttpResponse<String> response, int status, String code) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(response.body().contains("\"code\":\"" + code + "\""), response.body());
  }

  private static HandwrittenEntry entry(String name, String phone, String safetyNumber) {
    HandwrittenEntry entry = new HandwrittenEntry();
    entry.setName(name);
    entry.setPhone(phone);
    entry.setSafetyNumber(safetyNumber);
    return entry;
  }

  private Actor owner() {
    var form = TestData.owner();
    long id = accounts.signUpOwner(form);
    return new Actor(id, form.getEmail(), Role.OWNER, null);
  }
}
