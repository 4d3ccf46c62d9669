package kr.vaccinepass.portal.grace;

import static kr.vaccinepass.portal.testsupport.TestActors.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import jakarta.validation.ConstraintViolationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import kr.vaccinepass.portal.enforcement.application.EnforcementService;
import kr.vaccinepass.portal.enforcement.application.GraceRunner;
import kr.vaccinepass.portal.enforcement.application.GraceWaivers;
import kr.vaccinepass.portal.enforcement.application.ViolationDraft;
import kr.vaccinepass.portal.enforcement.domain.FineState;
import kr.vaccinepass.portal.enforcement.domain.Inspection;
import kr.vaccinepass.portal.enforcement.domain.Violation;
import kr.vaccinepass.portal.enforcement.domain.ViolationKind;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.grace.application.GracePreview;
import kr.vaccinepass.portal.grace.application.GraceService;
import kr.vaccinepass.portal.grace.domain.CaseFacts;
import kr.vaccinepass.portal.grace.domain.GraceDeclaration;
import kr.vaccinepass.portal.grace.domain.GraceKind;
import kr.vaccinepass.portal.grace.domain.GraceProgress;
import kr.vaccinepass.portal.grace.domain.GraceScope;
import kr.vaccinepass.portal.grace.domain.GraceStatus;
import kr.vaccinepass.portal.grace.domain.ViolationCause;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.shared.domain.AccessDeniedException;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Kst;
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
 * Grace declarations in WildFly on PostgreSQL: declared after the fact, a declaration waives the
 * cases already logged that it covers, and only those; revoked, it restores exactly the states
 * before; applying again changes nothing; overlapping declarations hold a case together; a case
 * logged later is waived at creation; only administrators declare; and 10,000 cases are waived in
 * batches. Each test uses days of its own (no other test logs on them), since the database is
 * shared by the whole run.
 */
@ExtendWith(ArquillianExtension.class)
class GraceServiceIT {
  private static final Actor SOME_ADMIN = new Actor(0, "admin@test", Role.ADMIN, null);
  private static final long WAIT_MS = 60_000;

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(GraceServiceIT.class);
  }

  @Inject GraceService grace;
  @Inject GraceWaivers waivers;
  @Inject GraceRunner runner;
  @Inject EnforcementService enforcement;
  @Inject FacilityService facilities;
  @Inject AccountService accounts;
  @PersistenceContext EntityManager em;
  @Resource UserTransaction tx;
  @Resource ManagedExecutorService executor;

  private Actor admin;
  private Actor owner;
  private Actor jongno;
  private Actor busan;
  private Facility jongnoCafe;
  private Facility busanCafe;

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
    var ownerForm = TestData.owner();
    owner = new Actor(accounts.signUpOwner(ownerForm), ownerForm.getEmail(), Role.OWNER, null);
    jongno = inspector(TestData.JONGNO);
    busan = inspector(TestData.BUSAN_JUNG);
    jongnoCafe = as(owner, () -> facilities.register(TestData.facilityInJongno()));
    busanCafe =
        as(
            owner,
            () -> facilities.register(TestData.facility(TestData.BUSAN, TestData.BUSAN_JUNG)));
  }

  @Test
  void declaredAfterTheFactItWaivesTheCoveredCasesOnlyAndRevokedItRestoresThem() throws Exception {
    // 2022-01-06: the operator app was down 5 h 20 min (Dong-A 2022-01-07)
    Inspection here = open(jongno, jongnoCafe, "2022-01-06T08:00");
    Inspection there = open(busan, busanCafe, "2022-01-06T08:00");
    Violation covered =
        visitor(jongno, here, "2022-01-06T10:00", ViolationCause.VERIFICATION_SYSTEM_DOWN);
    Violation otherCause = visitor(jongno, here, "2022-01-06T10:05", ViolationCause.NO_VALID_PASS);
    Violation atTheEnd =
        visitor(jongno, here, "2022-01-06T14:20", ViolationCause.VERIFICATION_SYSTEM_DOWN);
    Violation before =
        visitor(jongno, here, "2022-01-06T08:59", ViolationCause.VERIFICATION_SYSTEM_DOWN);
    Violation otherRegion =
        visitor(busan, there, "2022-01-06T10:00", ViolationCause.VERIFICATION_SYSTEM_DOWN);
    Violation cancelled =
        visitor(jongno, here, "2022-01-06T11:00", ViolationCause.VERIFICATION_SYSTEM_DOWN);
    as(jongno, () -> enforcement.cancelFine(cancelled.getId(), "logged in error"));
    Violation paid =
        visitor(jongno, here, "2022-01-06T12:00", ViolationCause.VERIFICATION_SYSTEM_DOWN);
    markPaid(paid);
    Violation operator =
        log(
            jongno,
            here,
            ViolationKind.OPERATOR,
            "2022-01-06T12:30",
            ViolationCause.VERIFICATION_SYSTEM_DOWN);
    List<Violation> all =
        List.of(covered, otherCause, atTheEnd, before, otherRegion, cancelled, paid, operator);
    Map<Long, FineState> statesBefore = states(all);
    Map<Long, Integer> stepsBefore = steps(all);

    GraceDeclaration d =
        as(
            admin,
            () ->
                grace.declare(
                    kst("2022-01-06T09:00"),
                    kst("2022-01-06T14:20"),
                    GraceKind.VERIFICATION_FAILURE,
                    GraceScope.of(Set.of(TestData.SEOUL), Set.of()),
                    "사업주용 앱 장애(5시간 20분)로 접종 확인을 하지 못한 경우 벌칙 유예",
                    "동아일보 2022-01-07"));
    assertEquals(GraceStatus.APPLYING, d.getStatus());
    GraceProgress applied = awaitFinished(d.getId());

    assertEquals(GraceStatus.APPLIED, applied.phase());
    assertEquals(3, applied.done());
    assertEquals(3, applied.total());
    assertEquals(FineState.WAIVED, state(covered));
    assertEquals(FineState.WAIVED, state(operator));
    assertEquals(FineState.WAIVED, state(paid));
    assertTrue(fine(paid, "refund_due"), "a paid case is waived with a refund due");
    for (Violation untouched : List.of(otherCause, atTheEnd, before, otherRegion, cancelled)) {
      assertEquals(statesBefore.get(untouched.getId()), state(untouched), "untouched");
      assertEquals(stepsBefore.get(untouched.getId()), steps(untouched), "no step recorded");
    }
    assertEquals(Set.of(fineId(covered), fineId(paid), fineId(operator)), links(d.getId()));
    assertTrue(lastReason(covered).contains("사업주용 앱 장애"), lastReason(covered));

    long again = runner.run(d.getId());
    assertEquals(0, again, "applying again finds nothing to do");
    assertEquals(stepsBefore.get(covered.getId()) + 1, steps(covered), "waived once");
    assertEquals(3, as(admin, () -> grace.progress(d.getId())).done());

    as(admin, () -> grace.revoke(d.getId(), "범위를 잘못 정함"));
    GraceProgress revoked = awaitFinished(d.getId());

    assertEquals(GraceStatus.REVOKED, revoked.phase());
    assertEquals(3, revoked.done());
    assertEquals(statesBefore, states(all), "exactly the states before the waiver");
    assertFalse(fine(paid, "refund_due"));
    assertEquals(Set.of(), links(d.getId()));
    assertTrue(lastReason(covered).contains("범위를 잘못 정함"), lastReason(covered));
    BusinessException twice =
        assertThrows(
            BusinessException.class, () -> as(admin, () -> grace.revoke(d.getId(), "again")));
    assertEquals("grace.revoke.notActive", twice.messageKey());
  }

  @Test
  void aRunInterruptedAfterSomeBatchesIsResumedAndFinishesTheRest() throws Exception {
    Inspection here = open(jongno, jongnoCafe, "2022-01-26T08:00");
    Violation early = visitor(jongno, here, "2022-01-26T09:00", ViolationCause.NO_VALID_PASS);
    GraceDeclaration d =
        as(
            admin,
            () ->
                grace.declareDay(
                    LocalDate.of(2022, 1, 26),
                    GraceKind.FULL,
                    GraceScope.NATIONWIDE,
                    "재개 시험",
                    null));
    awaitFinished(d.getId());
    int earlySteps = steps(early);
    // as if the server had stopped after the first batch: still applying, one case not yet held
    Violation late = visitor(jongno, here, "2022-01-26T18:00", ViolationCause.NO_VALID_PASS);
    tx.begin();
    em.createNativeQuery("update grace_declaration set status = 'APPLYING' where id = ?1")
        .setParameter(1, d.getId())
        .executeUpdate();
    tx.commit();

    assertEquals(1, runner.resumeUnsettled());
    GraceProgress resumed = awaitFinished(d.getId());

    assertEquals(GraceStatus.APPLIED, resumed.phase());
    assertEquals(2, resumed.done());
    assertEquals(FineState.WAIVED, state(late));
    assertEquals(earlySteps, steps(early), "what the first run did is not done again");
    assertEquals(Set.of(fineId(early), fineId(late)), links(d.getId()));
  }

  @Test
  void overlappingDeclarationsHoldACaseTogether() throws Exception {
    Inspection here = open(jongno, jongnoCafe, "2022-01-12T08:00");
    Violation lunch = visitor(jongno, here, "2022-01-12T12:00", ViolationCause.NO_VALID_PASS);
    Violation evening = visitor(jongno, here, "2022-01-12T19:00", ViolationCause.NO_VALID_PASS);
    int lunchSteps = steps(lunch);

    GraceDeclaration day =
        as(
            admin,
            () ->
                grace.declareDay(
                    LocalDate.of(2022, 1, 12),
                    GraceKind.FULL,
                    GraceScope.of(Set.of(), Set.of(TestData.JONGNO)),
                    "종로구 전산 장애",
                    null));
    awaitFinished(day.getId());
    GraceDeclaration noon =
        as(
            admin,
            () ->
                grace.declare(
                    kst("2022-01-12T11:00"),
                    kst("2022-01-12T13:00"),
                    GraceKind.FULL,
                    GraceScope.of(Set.of(TestData.SEOUL), Set.of()),
                    "서울 점심시간 장애",
                    null));
    awaitFinished(noon.getId());

    assertEquals(FineState.WAIVED, state(lunch));
    assertEquals(lunchSteps + 2, steps(lunch), "waived once, then held by the second too");
    assertEquals("GRACE_HOLD", String.valueOf(lastColumn(lunch, "event")));
    assertTrue(lastReason(lunch).contains("서울 점심시간 장애"), lastReason(lunch));
    assertTrue(waiverReason(lunch).contains("종로구 전산 장애"), waiverReason(lunch));
    assertEquals(Set.of(fineId(lunch), fineId(evening)), links(day.getId()));
    assertEquals(Set.of(fineId(lunch)), links(noon.getId()));
    assertEquals(1, as(admin, () -> grace.progress(noon.getId())).done());

    as(admin, () -> grace.revoke(day.getId(), "종로구 선언 철회"));
    awaitFinished(day.getId());

    assertEquals(FineState.WAIVED, state(lunch), "the noon declaration still covers it");
    assertTrue(
        waiverReason(lunch).contains("서울 점심시간 장애"),
        "the case shows the declaration that still holds it: " + waiverReason(lunch));
    assertEquals(lunchSteps + 3, steps(lunch), "the release is recorded");
    assertEquals("GRACE_RELEASE", String.valueOf(lastColumn(lunch, "event")));
    assertTrue(lastReason(lunch).contains("종로구 선언 철회"), lastReason(lunch));
    assertEquals(FineState.DRAFT, state(evening));

    as(admin, () -> grace.revoke(noon.getId(), "서울 선언 철회"));
    awaitFinished(noon.getId());

    assertEquals(FineState.DRAFT, state(lunch));
    assertEquals(lunchSteps + 4, steps(lunch));
    assertEquals(null, column(lunch, "waiver_reason"));
  }

  @Test
  void aPreviewCountsTheCasesADeclarationWouldWaiveAndWritesNothing() throws Exception {
    Inspection here = open(jongno, jongnoCafe, "2022-01-28T08:00");
    Inspection there = open(busan, busanCafe, "2022-01-28T08:00");
    Violation jongnoCase = visitor(jongno, here, "2022-01-28T10:00", ViolationCause.NO_VALID_PASS);
    Violation second = visitor(jongno, here, "2022-01-28T11:00", ViolationCause.NO_VALID_PASS);
    Violation cancelled = visitor(jongno, here, "2022-01-28T12:00", ViolationCause.NO_VALID_PASS);
    as(jongno, () -> enforcement.cancelFine(cancelled.getId(), "logged in error"));
    visitor(busan, there, "2022-01-28T10:00", ViolationCause.NO_VALID_PASS);
    GraceDeclaration other =
        as(
            admin,
            () ->
                grace.declare(
                    kst("2022-01-28T10:30"),
                    kst("2022-01-28T11:30"),
                    GraceKind.FULL,
                    GraceScope.NATIONWIDE,
                    "한 시간 유예",
                    null));
    awaitFinished(other.getId());
    int declarations = as(admin, () -> grace.declarations()).size();
    int steps = steps(jongnoCase);

    // 서울특별시 chosen to narrow the list, then 종로구: only 종로구, not Busan nor all of Seoul
    GracePreview preview =
        as(
            admin,
            () ->
                grace.previewDay(
                    LocalDate.of(2022, 1, 28),
                    GraceKind.FULL,
                    GraceScope.asChosen(Set.of(TestData.SEOUL), Set.of(TestData.JONGNO)),
                    "종로구 유예",
                    null));

    assertEquals(1, preview.toWaive(), "the 10:00 case (11:00 is waived already, 12:00 cancelled)");
    assertEquals(1, preview.alreadyWaived());
    assertEquals(Set.of(TestData.JONGNO), preview.scope().sigunguCodes());
    assertEquals(Set.of(), preview.scope().sidoCodes());
    assertEquals(kst("2022-01-28T00:00"), preview.startsAt());
    assertEquals(declarations, as(admin, () -> grace.declarations()).size(), "nothing stored");
    assertEquals(steps, steps(jongnoCase));
    assertEquals(FineState.DRAFT, state(jongnoCase));
    assertEquals(FineState.WAIVED, state(second));

    BusinessException noReason =
        assertThrows(
            BusinessException.class,
            () ->
                as(
                    admin,
                    () ->
                        grace.preview(
                            kst("2022-01-28T00:00"),
                            kst("2022-01-29T00:00"),
                            GraceKind.FULL,
                            GraceScope.NATIONWIDE,
                            " ",
                            null)));
    assertEquals("grace.reason.required", noReason.messageKey());
    assertThrows(
        AccessDeniedException.class,
        () ->
            as(
                jongno,
                () ->
                    grace.previewDay(
                        LocalDate.of(2022, 1, 28),
                        GraceKind.FULL,
                        GraceScope.NATIONWIDE,
                        "x",
                        null)));
  }

  /**
   * The race of issue 14: the violation's transaction begins before the declaration commits and
   * commits after the declaration's run would have finished. The run waits for it, so the case is
   * waived.
   */
  @Test
  void aViolationLoggedWhileADeclarationCommitsAndRunsIsWaived() throws Exception {
    Inspection here = open(jongno, jongnoCafe, "2022-01-27T08:00");
    Violation racing;
    GraceDeclaration d;
    boolean finishedWhileOpen;
    tx.begin();
    try {
      racing = visitor(jongno, here, "2022-01-27T12:00", ViolationCause.NO_VALID_PASS);
      // another transaction declares the day and commits; its run starts at once
      d =
          CompletableFuture.supplyAsync(
                  () ->
                      as(
                          admin,
                          () ->
                              grace.declareDay(
                                  LocalDate.of(2022, 1, 27),
                                  GraceKind.FULL,
                                  GraceScope.NATIONWIDE,
                                  "경합 시험",
                                  null)),
                  executor)
              .get();
      finishedWhileOpen = finishedWithin(d.getId(), 3_000);
      tx.commit();
    } catch (Exception | AssertionError e) {
      tx.rollback();
      throw e;
    }
    GraceProgress end = awaitFinished(d.getId());

    assertFalse(finishedWhileOpen, "the run waits for the violation's transaction");
    assertEquals(GraceStatus.APPLIED, end.phase());
    assertEquals(FineState.WAIVED, state(racing), "not left fined");
    assertEquals(Set.of(fineId(racing)), links(d.getId()));
    assertEquals(1, end.done());
  }

  @Test
  void aCaseLoggedInACoveredWindowIsWaivedAtCreation() throws Exception {
    GraceDeclaration d =
        as(
            admin,
            () ->
                grace.declareDay(
                    LocalDate.of(2022, 1, 13),
                    GraceKind.FULL,
                    GraceScope.NATIONWIDE,
                    "전국 벌칙 유예",
                    null));
    awaitFinished(d.getId());
    Inspection here = open(jongno, jongnoCafe, "2022-01-13T08:00");
    Violation late = visitor(jongno, here, "2022-01-13T12:00", ViolationCause.NO_VALID_PASS);
    Violation nextDay = visitor(jongno, here, "2022-01-14T00:00", ViolationCause.NO_VALID_PASS);

    // logging waived it already (EnforcementService asks GraceWaivers); asking again changes
    // nothing
    assertEquals(List.of(), waiveAtCreation(late));
    assertEquals(List.of(), waiveAtCreation(nextDay));

    assertEquals(FineState.WAIVED, state(late));
    assertEquals(FineState.DRAFT, state(nextDay));
    assertEquals(Set.of(fineId(late)), links(d.getId()));
    assertEquals(1, as(admin, () -> grace.progress(d.getId())).done());
  }

  @Test
  void theWaiversOfDecember2021AreSeeded() {
    List<GraceDeclaration> seeded =
        as(admin, () -> grace.declarations()).stream()
            .filter(d -> d.getDeclaredBy() == null)
            .toList();
    CaseFacts lunch13 =
        new CaseFacts(
            kst("2021-12-13T12:05"),
            TestData.BUSAN,
            TestData.BUSAN_JUNG,
            "KARAOKE",
            ViolationCause.NO_VALID_PASS);
    CaseFacts naver14 =
        new CaseFacts(
            kst("2021-12-14T11:50"),
            TestData.SEOUL,
            TestData.JONGNO,
            "RESTAURANT_CAFE",
            ViolationCause.VERIFICATION_SYSTEM_DOWN);
    CaseFacts noPass14 =
        new CaseFacts(
            kst("2021-12-14T11:50"),
            TestData.SEOUL,
            TestData.JONGNO,
            "RESTAURANT_CAFE",
            ViolationCause.NO_VALID_PASS);

    assertEquals(2, seeded.size());
    assertTrue(seeded.stream().allMatch(d -> d.getStatus() == GraceStatus.APPLIED));
    assertEquals(
        GraceKind.FULL, as(jongno, () -> waivers.covering(lunch13)).orElseThrow().getKind());
    assertEquals(
        GraceKind.VERIFICATION_FAILURE,
        as(jongno, () -> waivers.covering(naver14)).orElseThrow().getKind());
    assertTrue(as(jongno, () -> waivers.covering(noPass14)).isEmpty());
  }

  @Test
  void onlyAdministratorsDeclareAndEveryDeclarationIsChecked() {
    for (Actor notAdmin : List.of(jongno, owner)) {
      assertThrows(
          AccessDeniedException.class,
          () ->
              as(
                  notAdmin,
                  () ->
                      grace.declareDay(
                          LocalDate.of(2022, 1, 14),
                          GraceKind.FULL,
                          GraceScope.NATIONWIDE,
                          "x",
                          null)));
      assertThrows(AccessDeniedException.class, () -> as(notAdmin, () -> grace.declarations()));
      assertThrows(AccessDeniedException.class, () -> as(notAdmin, () -> grace.revoke(1, "x")));
      assertThrows(AccessDeniedException.class, () -> as(notAdmin, () -> grace.progress(1)));
    }
    BusinessException unknownSido =
        assertThrows(
            BusinessException.class,
            () ->
                as(
                    admin,
                    () ->
                        grace.declareDay(
                            LocalDate.of(2022, 1, 14),
                            GraceKind.FULL,
                            GraceScope.of(Set.of("9900000000"), Set.of()),
                            "x",
                            null)));
    BusinessException backwards =
        assertThrows(
            BusinessException.class,
            () ->
                as(
                    admin,
                    () ->
                        grace.declare(
                            kst("2022-01-14T12:00"),
                            kst("2022-01-14T11:00"),
                            GraceKind.FULL,
                            GraceScope.NATIONWIDE,
                            "x",
                            null)));
    assertThrows(
        ConstraintViolationException.class,
        () ->
            as(
                admin,
                () ->
                    grace.declareDay(
                        LocalDate.of(2022, 1, 14), null, GraceScope.NATIONWIDE, "x", null)));

    assertEquals("grace.scope.unknownSido", unknownSido.messageKey());
    assertEquals("grace.end.notAfterStart", backwards.messageKey());
  }

  @Test
  void twoRunsOfOneDeclarationAtOnceWaiveEachCaseOnce() throws Exception {
    Instant day = kst("2022-01-24T00:00");
    List<Long> cases = insertCases(1_200, day);

    GraceDeclaration d =
        as(
            admin,
            () ->
                grace.declareDay(
                    LocalDate.of(2022, 1, 24),
                    GraceKind.FULL,
                    GraceScope.NATIONWIDE,
                    "동시 실행 시험",
                    null));
    // the run the declaration started, and two more here at the same time
    var second = CompletableFuture.supplyAsync(() -> runner.run(d.getId()), executor);
    long third = runner.run(d.getId());
    long secondDone = second.get();
    awaitFinished(d.getId());

    assertTrue(third + secondDone <= 1_200, third + " + " + secondDone);
    assertEquals(1_200L, countWaivedTransitions(cases), "one waiver per case");
    assertEquals(1_200, links(d.getId()).size());
    assertEquals(1_200, as(admin, () -> grace.progress(d.getId())).done());
  }

  @Test
  void tenThousandCasesAreWaivedInBatches() throws Exception {
    int n = 10_000;
    List<Long> cases = insertCases(n, kst("2022-01-25T00:00"));

    long started = System.nanoTime();
    GraceDeclaration d =
        as(
            admin,
            () ->
                grace.declareDay(
                    LocalDate.of(2022, 1, 25),
                    GraceKind.FULL,
                    GraceScope.NATIONWIDE,
                    "1만 건 일괄 유예",
                    null));
    GraceProgress done = awaitFinished(d.getId());
    long ms = (System.nanoTime() - started) / 1_000_000;

    long waived = countInState(cases, FineState.WAIVED);
    System.out.println("GRACE-10K: " + waived + " cases waived in " + ms + " ms");
    assertEquals(n, waived);
    assertEquals(n, done.done());
    assertEquals(GraceStatus.APPLIED, done.phase());
  }

  // --- helpers

  private GraceProgress awaitFinished(long id) throws InterruptedException {
    long until = System.currentTimeMillis() + WAIT_MS;
    while (true) {
      GraceProgress p = as(admin, () -> grace.progress(id));
      if (p.finished()) {
        return p;
      }
      if (System.currentTimeMillis() > until) {
        throw new AssertionError("grace declaration " + id + " not finished: " + p);
      }
      Thread.sleep(50);
    }
  }

  /**
   * Whether the declaration's run finishes within that time, asked from other threads (this one may
   * be in a transaction whose persistence context would answer from its cache).
   */
  private boolean finishedWithin(long id, long ms) throws Exception {
    long until = System.currentTimeMillis() + ms;
    while (System.currentTimeMillis() < until) {
      if (CompletableFuture.supplyAsync(() -> as(admin, () -> grace.progress(id)), executor)
          .get()
          .finished()) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  private String waiverReason(Violation v) throws Exception {
    return String.valueOf(column(v, "waiver_reason"));
  }

  private Object lastColumn(Violation v, String column) throws Exception {
    tx.begin();
    @SuppressWarnings("unchecked")
    List<Object> values =
        em.createNativeQuery(
                "select "
                    + column
                    + " from fine_transition where fine_case_id = ?1 order by step desc limit 1")
            .setParameter(1, fineId(v))
            .getResultList();
    tx.commit();
    return values.get(0);
  }

  private List<Long> waiveAtCreation(Violation v) throws Exception {
    tx.begin();
    try {
      Violation managed = em.find(Violation.class, v.getId());
      CaseFacts facts = managed.facts(TestData.SEOUL, "RESTAURANT_CAFE");
      List<Long> ids =
          as(
                  jongno,
                  () -> waivers.waiveAtCreation(managed.getFineCase(), facts, jongno.accountId()))
              .stream()
              .map(GraceDeclaration::getId)
              .toList();
      tx.commit();
      return ids;
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    }
  }

  /**
   * That many operator cases (DRAFT, each with its first step) at the Jongno café, spread over the
   * 24 hours from {@code dayStart}; inserted with SQL in one statement.
   */
  private List<Long> insertCases(int n, Instant dayStart) throws Exception {
    Inspection inspection = open(jongno, jongnoCafe, "2022-01-20T08:00");
    tx.begin();
    @SuppressWarnings("unchecked")
    List<Object> ids =
        em.createNativeQuery(
                "with f as ("
                    + "  insert into fine_case (amount_won, state)"
                    + "  select 1500000, 'DRAFT' from generate_series(1, :n) returning id),"
                    + " t as ("
                    + "  insert into fine_transition (fine_case_id, step, from_state, to_state, at,"
                    + "   by_account) select id, 0, null, 'DRAFT', cast(:day as timestamptz), :by"
                    + "  from f),"
                    + " v as ("
                    + "  insert into violation (inspection_id, facility_id, sigungu_code, kind,"
                    + "   occurred_at, schedule, prior_count, fine_won, sanction_kind,"
                    + "   sanction_length, warning_only, fine_case_id, created_at, created_by, cause,"
                    + "   facility_name, facility_type_code, facility_business_number,"
                    + "   facility_road_address, operator_id, operator_name, policy_revision)"
                    + "  select :inspection, :facility, :sigungu, 'OPERATOR',"
                    + "   cast(:day as timestamptz) + make_interval(mins => cast(f.id % 1440 as int)),"
                    + "   '2021-11', 0, 1500000, 'SUSPENSION', 'P10D', false, f.id,"
                    + "   cast(:day as timestamptz), :by, 'NO_VALID_PASS',"
                    + "   fa.name, fa.type_code, fa.business_number, fa.road_address, fa.owner_id,"
                    + "   'operator', 1 from f, facility fa where fa.id = :facility)"
                    + " select id from f")
            .setParameter("n", n)
            .setParameter("day", dayStart)
            .setParameter("by", jongno.accountId())
            .setParameter("inspection", inspection.getId())
            .setParameter("facility", jongnoCafe.getId())
            .setParameter("sigungu", TestData.JONGNO)
            .getResultList();
    tx.commit();
    assertEquals(n, ids.size());
    return ids.stream().map(id -> ((Number) id).longValue()).toList();
  }

  private long countInState(List<Long> fineCaseIds, FineState state) throws Exception {
    return count(
        "select count(*) from fine_case where id in (:ids) and state = '" + state.name() + "'",
        fineCaseIds);
  }

  private long countWaivedTransitions(List<Long> fineCaseIds) throws Exception {
    return count(
        "select count(*) from fine_transition where fine_case_id in (:ids)"
            + " and to_state = 'WAIVED'",
        fineCaseIds);
  }

  private long count(String sql, List<Long> ids) throws Exception {
    long total = 0;
    for (int i = 0; i < ids.size(); i += 1_000) {
      List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 1_000));
      tx.begin();
      total +=
          ((Number) em.createNativeQuery(sql).setParameter("ids", chunk).getSingleResult())
              .longValue();
      tx.commit();
    }
    return total;
  }

  private Set<Long> links(long declarationId) throws Exception {
    tx.begin();
    @SuppressWarnings("unchecked")
    List<Object> rows =
        em.createNativeQuery("select fine_case_id from grace_waiver where declaration_id = ?1")
            .setParameter(1, declarationId)
            .getResultList();
    tx.commit();
    return Set.copyOf(rows.stream().map(r -> ((Number) r).longValue()).toList());
  }

  private void markPaid(Violation v) throws Exception {
    // imposed and paid in full (the test clock cannot wait out an opinion period)
    tx.begin();
    em.createNativeQuery(
            "update fine_case set state = 'PAID', prior_notice_on = date '2022-01-07',"
                + " opinion_deadline = date '2022-01-17', imposed_on = date '2022-01-18',"
                + " paid_won = amount_won, paid_on = date '2022-01-20'"
                + " where id = ?1")
        .setParameter(1, fineId(v))
        .executeUpdate();
    tx.commit();
  }

  private long fineId(Violation v) {
    return v.getFineCase().getId();
  }

  private FineState state(Violation v) throws Exception {
    return FineState.valueOf(column(v, "state").toString());
  }

  private boolean fine(Violation v, String booleanColumn) throws Exception {
    return (Boolean) column(v, booleanColumn);
  }

  private Object column(Violation v, String column) throws Exception {
    tx.begin();
    Object value =
        em.createNativeQuery("select " + column + " from fine_case where id = ?1")
            .setParameter(1, fineId(v))
            .getSingleResult();
    tx.commit();
    return value;
  }

  private int steps(Violation v) throws Exception {
    tx.begin();
    Number n =
        (Number)
            em.createNativeQuery("select count(*) from fine_transition where fine_case_id = ?1")
                .setParameter(1, fineId(v))
                .getSingleResult();
    tx.commit();
    return n.intValue();
  }

  private String lastReason(Violation v) throws Exception {
    tx.begin();
    Object reason =
        em.createNativeQuery(
                "select reason from fine_transition where fine_case_id = ?1"
                    + " order by step desc limit 1")
            .setParameter(1, fineId(v))
            .getSingleResult();
    tx.commit();
    return String.valueOf(reason);
  }

  private Map<Long, FineState> states(List<Violation> violations) throws Exception {
    Map<Long, FineState> states = new HashMap<>();
    for (Violation v : violations) {
      states.put(v.getId(), state(v));
    }
    return states;
  }

  private Map<Long, Integer> steps(List<Violation> violations) throws Exception {
    Map<Long, Integer> steps = new HashMap<>();
    for (Violation v : violations) {
      steps.put(v.getId(), steps(v));
    }
    return steps;
  }

  private Inspection open(Actor inspector, Facility facility, String at) {
    return as(inspector, () -> enforcement.openInspection(facility.getId(), kst(at), null));
  }

  private Violation visitor(
      Actor inspector, Inspection inspection, String at, ViolationCause cause) {
    return log(inspector, inspection, ViolationKind.VISITOR, at, cause);
  }

  private Violation log(
      Actor inspector, Inspection inspection, ViolationKind kind, String at, ViolationCause cause) {
    ViolationDraft draft = new ViolationDraft();
    draft.setKind(kind);
    draft.setCause(cause);
    draft.setOccurredAt(kst(at));
    if (kind == ViolationKind.VISITOR) {
      draft.setVisitorName("김방문");
    }
    return as(inspector, () -> enforcement.logViolation(inspection.getId(), draft));
  }

  private Actor inspector(String sigungu) {
    var form = TestData.inspector(sigungu);
    long id = as(SOME_ADMIN, () -> accounts.createStaff(form));
    return new Actor(id, form.getEmail(), Role.INSPECTOR, sigungu);
  }

  private static Instant kst(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(Kst.ZONE).toInstant();
  }
}
