package kr.vaccinepass.portal.grace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import kr.vaccinepass.portal.enforcement.domain.FineCase;
import kr.vaccinepass.portal.enforcement.domain.FineCaseTest;
import kr.vaccinepass.portal.enforcement.domain.FineEvent;
import kr.vaccinepass.portal.enforcement.domain.FineState;
import kr.vaccinepass.portal.enforcement.domain.FineTransition;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Kst;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a grace declaration covers: its window at every boundary (start inclusive, end exclusive,
 * whole Kst.ZONE days), its regions (a 시군구 inside or outside a chosen 시도, a chosen 시군구; what a
 * choice means is GraceScopeTest's table), its facility types, each cause under each kind, and
 * nothing once revoked; its validation; and how overlapping declarations hold and release a case.
 */
class GraceDeclarationTest {
  private static final Instant NOW = Instant.parse("2021-12-14T09:00:00Z");
  private static final long ADMIN = 1;

  private static final String SEOUL = "1100000000";
  private static final String JONGNO = "1111000000";
  private static final String GANGNAM = "1168000000";
  private static final String BUSAN = "2600000000";
  private static final String BUSAN_JUNG = "2611000000";
  private static final String HAEUNDAE = "2635000000";
  private static final String GYEONGGI = "4100000000";
  private static final String SUWON = "4111000000";

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    // columns: when the case happened (Kst.ZONE), covered by 2021-12-14 11:40–12:17 Kst.ZONE (Naver
    // QR down)
    "2021-12-14T11:39:59.999999999, false",
    "2021-12-14T11:40,              true", // the start is inclusive
    "2021-12-14T12:00,              true",
    "2021-12-14T12:16:59.999999999, true",
    "2021-12-14T12:17,              false", // the end is exclusive
    "2021-12-13T11:40,              false", // the same minutes a day earlier
  })
  void theWindowStartsInclusiveAndEndsExclusive(LocalDateTime at, boolean covered) {
    GraceDeclaration naver =
        declare(kst("2021-12-14T11:40"), kst("2021-12-14T12:17"), GraceKind.FULL);
    assertEquals(covered, naver.covers(facts(at.atZone(Kst.ZONE).toInstant())));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    // columns: instant (UTC), covered by the whole Kst.ZONE day 2021-12-13 (seed news)
    "2021-12-12T14:59:59.999Z, false", // 12-12 23:59:59.999 Kst.ZONE
    "2021-12-12T15:00:00Z,     true", // 12-13 00:00 Kst.ZONE: the Kst.ZONE midnight, not the UTC
    // one
    "2021-12-13T00:00:00Z,     true", // 12-13 09:00 Kst.ZONE
    "2021-12-13T03:05:00Z,     true", // 12:05 Kst.ZONE, lunch of the outage
    "2021-12-13T14:59:59.999Z, true", // 12-13 23:59:59.999 Kst.ZONE
    "2021-12-13T15:00:00Z,     false", // 12-14 00:00 Kst.ZONE
  })
  void aWholeDayIsAKoreanDay(Instant at, boolean covered) {
    GraceDeclaration day =
        GraceDeclaration.wholeDay(
            LocalDate.of(2021, 12, 13),
            GraceKind.FULL,
            GraceScope.NATIONWIDE,
            "시스템 장애",
            null,
            NOW,
            ADMIN);
    assertEquals(covered, day.covers(facts(at)));
    assertEquals(Instant.parse("2021-12-12T15:00:00Z"), day.getStartsAt());
    assertEquals(Instant.parse("2021-12-13T15:00:00Z"), day.getEndsAt());
  }

  @ParameterizedTest(name = "시도 [{0}] 시군구 [{1}]: case in {3} ({2}) → {4}")
  @CsvSource({
    // columns: chosen 시도, chosen 시군구 (space-separated), the case's 시도, 시군구, covered
    "'',                 '',          " + BUSAN + ", " + HAEUNDAE + ", true", // nationwide
    SEOUL + ",           '',          " + SEOUL + ", " + JONGNO + ",   true", // inside the 시도
    SEOUL + ",           '',          " + SEOUL + ", " + GANGNAM + ",  true",
    SEOUL + ",           '',          " + BUSAN + ", " + BUSAN_JUNG + ", false", // outside it
    "'',                 " + JONGNO + ", " + SEOUL + ", " + JONGNO + ", true", // the chosen 시군구
    "'',                 " + JONGNO + ", " + SEOUL + ", " + GANGNAM + ", false", // its neighbour
    SEOUL + ",           " + BUSAN_JUNG + ", " + BUSAN + ", " + BUSAN_JUNG + ", true", // either
    SEOUL + ",           " + BUSAN_JUNG + ", " + BUSAN + ", " + HAEUNDAE + ",   false",
    SEOUL + ",           " + BUSAN_JUNG + ", " + GYEONGGI + ", " + SUWON + ",   false",
    SEOUL + " " + GYEONGGI + ", '',       " + GYEONGGI + ", " + SUWON + ",   true", // two 시도
  })
  void aSigunguIsCoveredWhenChosenOrInAWholeChosenSido(
      String sido, String sigungu, String caseSido, String caseSigungu, boolean covered) {
    GraceScope scope = GraceScope.of(codes(sido), codes(sigungu));
    GraceDeclaration d =
        declare(kst("2021-12-13T00:00"), kst("2021-12-14T00:00"), GraceKind.FULL, scope);
    CaseFacts c =
        new CaseFacts(
            kst("2021-12-13T12:05"),
            caseSido,
            caseSigungu,
            "RESTAURANT_CAFE",
            ViolationCause.NO_VALID_PASS);
    assertEquals(covered, d.covers(c));
    assertEquals(sido.isBlank() && sigungu.isBlank(), scope.nationwide());
  }

  @ParameterizedTest(name = "types [{0}], region [{1}]: {2} in {3} → {4}")
  @CsvSource({
    // columns: chosen types, chosen 시도, the case's type, the case's 시도 (Jongno or Haeundae),
    // covered
    "'',              '',       KARAOKE,         " + SEOUL + ", true", // every type
    "KARAOKE PC_ROOM, '',       KARAOKE,         " + SEOUL + ", true",
    "KARAOKE PC_ROOM, '',       PC_ROOM,         " + BUSAN + ", true",
    "KARAOKE PC_ROOM, '',       RESTAURANT_CAFE, " + SEOUL + ", false",
    "KARAOKE,         " + SEOUL + ", KARAOKE,    " + SEOUL + ", true", // type and region
    "KARAOKE,         " + SEOUL + ", KARAOKE,    " + BUSAN + ", false", // the type, not the region
    "KARAOKE,         " + SEOUL + ", BATHHOUSE,  " + SEOUL + ", false", // the region, not the type
  })
  void onlyTheChosenFacilityTypes(
      String types, String sido, String type, String caseSido, boolean covered) {
    GraceScope scope = GraceScope.of(codes(sido), Set.of()).onlyTypes(codes(types));
    GraceDeclaration d =
        declare(kst("2021-12-13T00:00"), kst("2021-12-14T00:00"), GraceKind.FULL, scope);
    String caseSigungu = caseSido.equals(SEOUL) ? JONGNO : HAEUNDAE;
    CaseFacts c =
        new CaseFacts(
            kst("2021-12-13T12:05"), caseSido, caseSigungu, type, ViolationCause.NO_VALID_PASS);
    assertEquals(covered, d.covers(c));
  }

  @ParameterizedTest(name = "{0} × {1} → {2}")
  @CsvSource({
    // the waiver of 12-13 waived everything; that of 12-14 only what the failure prevented
    "FULL,                 NO_VALID_PASS,            true",
    "FULL,                 PASS_EXPIRED_180_DAYS,    true",
    "FULL,                 VERIFICATION_SYSTEM_DOWN, true",
    "VERIFICATION_FAILURE, NO_VALID_PASS,            false",
    "VERIFICATION_FAILURE, PASS_EXPIRED_180_DAYS,    false",
    "VERIFICATION_FAILURE, VERIFICATION_SYSTEM_DOWN, true",
  })
  void eachCauseUnderEachKind(GraceKind kind, ViolationCause cause, boolean covered) {
    GraceDeclaration d = declare(kst("2021-12-14T00:00"), kst("2021-12-15T00:00"), kind);
    CaseFacts c = new CaseFacts(kst("2021-12-14T11:50"), SEOUL, JONGNO, "RESTAURANT_CAFE", cause);
    assertEquals(covered, d.covers(c));
    assertEquals(covered, kind.covers(cause));
  }

  @ParameterizedTest
  @EnumSource(GraceStatus.class)
  void onlyAnActiveDeclarationCoversAnything(GraceStatus status) {
    GraceDeclaration d = declare(kst("2021-12-13T00:00"), kst("2021-12-14T00:00"), GraceKind.FULL);
    switch (status) {
      case APPLYING -> {}
      case APPLIED -> d.applied();
      case REVOKING -> d.revoke("잘못 선언함", NOW, ADMIN);
      case REVOKED -> {
        d.revoke("잘못 선언함", NOW, ADMIN);
        d.revoked();
      }
    }
    assertEquals(status, d.getStatus());
    assertEquals(status.active(), d.covers(facts(kst("2021-12-13T12:05"))));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // columns: what is wrong, field, message key
    "no start,             startsAt,        grace.start.required",
    "no end,               endsAt,          grace.end.required",
    "end = start,          endsAt,          grace.end.notAfterStart",
    "end before start,     endsAt,          grace.end.notAfterStart",
    "no kind,              kind,            grace.kind.required",
    "no scope,             scope,           grace.scope.required",
    "blank reason,         reason,          grace.reason.required",
    "reason too long,      reason,          grace.text.tooLong",
    "reference too long,   announcementRef, grace.text.tooLong",
  })
  void aDeclarationIsChecked(String wrong, String field, String key) {
    Instant start = kst("2021-12-13T00:00");
    Instant end = kst("2021-12-14T00:00");
    Supplier<GraceDeclaration> make =
        switch (wrong) {
          case "no start" -> () -> declare(null, end, GraceKind.FULL, GraceScope.NATIONWIDE, "r");
          case "no end" -> () -> declare(start, null, GraceKind.FULL, GraceScope.NATIONWIDE, "r");
          case "end = start" ->
              () -> declare(start, start, GraceKind.FULL, GraceScope.NATIONWIDE, "r");
          case "end before start" ->
              () -> declare(end, start, GraceKind.FULL, GraceScope.NATIONWIDE, "r");
          case "no kind" -> () -> declare(start, end, null, GraceScope.NATIONWIDE, "r");
          case "no scope" -> () -> declare(start, end, GraceKind.FULL, null, "r");
          case "blank reason" ->
              () -> declare(start, end, GraceKind.FULL, GraceScope.NATIONWIDE, "  ");
          case "reason too long" ->
              () -> declare(start, end, GraceKind.FULL, GraceScope.NATIONWIDE, "가".repeat(301));
          case "reference too long" ->
              () ->
                  GraceDeclaration.declare(
                      start,
                      end,
                      GraceKind.FULL,
                      GraceScope.NATIONWIDE,
                      "r",
                      "x".repeat(301),
                      NOW,
                      ADMIN);
          default -> throw new IllegalArgumentException(wrong);
        };
    BusinessException e = assertThrows(BusinessException.class, make::get);
    assertEquals(key, e.messageKey());
    assertEquals(field, e.field().orElseThrow());
  }

  @Test
  void aDeclarationKeepsItsTextsStrippedAndItsScopeSorted() {
    GraceDeclaration d =
        GraceDeclaration.declare(
            kst("2021-12-13T00:00"),
            kst("2021-12-14T00:00"),
            GraceKind.FULL,
            new GraceScope(Set.of(BUSAN, SEOUL, " "), Set.of(), Set.of("KARAOKE")),
            "  " + "가".repeat(300) + "  ",
            "  ",
            NOW,
            ADMIN);
    assertEquals(300, d.getReason().length());
    assertEquals(null, d.getAnnouncementRef());
    assertEquals(
        List.of(SEOUL, BUSAN).stream().sorted().toList(), List.copyOf(d.scope().sidoCodes()));
    assertEquals(GraceStatus.APPLYING, d.getStatus());
    assertEquals(ADMIN, d.getDeclaredBy());
  }

  @Test
  void aRevocationNeedsAReasonAndHappensOnce() {
    GraceDeclaration d = declare(kst("2021-12-13T00:00"), kst("2021-12-14T00:00"), GraceKind.FULL);
    BusinessException noReason =
        assertThrows(BusinessException.class, () -> d.revoke(" ", NOW, ADMIN));
    assertEquals("grace.revokeReason.required", noReason.messageKey());
    assertEquals(GraceStatus.APPLYING, d.getStatus());

    d.revoke("지자체 요청으로 철회", NOW, 2);
    BusinessException twice =
        assertThrows(BusinessException.class, () -> d.revoke("again", NOW, ADMIN));

    assertEquals("grace.revoke.notActive", twice.messageKey());
    assertEquals(GraceStatus.REVOKING, d.getStatus());
    assertEquals(Long.valueOf(2), d.actingAccount(), "restores are the reviser's act");
    d.applied();
    assertEquals(GraceStatus.REVOKING, d.getStatus(), "a late apply run does not undo it");
  }

  @Test
  void progressCountsTheCasesOfTheRun() {
    GraceDeclaration d = declare(kst("2021-12-13T00:00"), kst("2021-12-14T00:00"), GraceKind.FULL);
    d.startRun(1_200);
    d.linked(500);
    assertEquals(500, d.progress().done());
    assertEquals(1_200, d.progress().total());
    assertEquals(41, d.progress().percent());
    d.linked(700);
    d.applied();
    assertEquals(1_200, d.progress().total());
    assertTrue(d.progress().finished());

    d.revoke("철회", NOW, ADMIN);
    d.startRun(1_200);
    d.unlinked(500);
    assertEquals(500, d.progress().done());
    assertFalse(d.progress().finished());
    d.unlinked(700);
    d.revoked();
    assertEquals(1_200, d.progress().done());
    assertTrue(d.progress().finished());
  }

  @Test
  void overlappingDeclarationsWaiveACaseOnceAndKeepItWaivedWhileOneHoldsIt() {
    GraceDeclaration wholeDay =
        declare(
            kst("2021-12-13T00:00"),
            kst("2021-12-14T00:00"),
            GraceKind.FULL,
            GraceScope.NATIONWIDE,
            "하루 전체 유예");
    GraceDeclaration lunch =
        declare(
            kst("2021-12-13T11:40"),
            kst("2021-12-13T13:30"),
            GraceKind.FULL,
            GraceScope.NATIONWIDE,
            "점심시간 유예");
    CaseFacts atLunch = facts(kst("2021-12-13T12:05"));
    FineCase paid = FineCaseTest.in(FineState.PAID);
    int steps = paid.getHistory().size();

    assertEquals(
        List.of(wholeDay, lunch), GraceDeclaration.covering(List.of(wholeDay, lunch), atLunch));
    assertTrue(paid.heldBy(wholeDay, NOW, ADMIN));
    assertFalse(paid.heldBy(lunch, NOW, ADMIN), "already waived: only held by the second one");

    assertEquals(FineState.WAIVED, paid.getState());
    assertTrue(paid.isRefundDue(), "a paid case is waived with a refund due");
    assertEquals(steps + 2, paid.getHistory().size(), "waived once, the second hold recorded");
    assertTrue(paid.getHistory().get(steps).reason().endsWith(wholeDay.getReason()));
    FineTransition heldToo = paid.getHistory().get(steps + 1);
    assertEquals(FineEvent.GRACE_HOLD, heldToo.event());
    assertTrue(heldToo.reason().endsWith(lunch.getReason()), heldToo.reason());
    assertEquals(FineState.WAIVED, heldToo.from());
    assertFalse(heldToo.opinion());
    assertTrue(paid.waiverReason().endsWith(wholeDay.getReason()), "the first one waived it");

    wholeDay.revoke("잘못 선언함", NOW, ADMIN);
    assertFalse(
        paid.releasedBy(wholeDay, lunch, NOW, ADMIN), "the lunch declaration still holds it");
    assertEquals(FineState.WAIVED, paid.getState());
    assertTrue(paid.isRefundDue());
    assertTrue(
        paid.waiverReason().endsWith(lunch.getReason()),
        "the case shows the declaration that still holds it: " + paid.waiverReason());
    FineTransition released = paid.getHistory().get(steps + 2);
    assertEquals(FineEvent.GRACE_RELEASE, released.event());
    assertTrue(released.reason().contains("잘못 선언함"), released.reason());

    lunch.revoke("점심 선언도 철회", NOW, ADMIN);
    assertTrue(paid.releasedBy(lunch, null, NOW, ADMIN));

    assertEquals(FineState.PAID, paid.getState(), "exactly the state before the waiver");
    assertFalse(paid.isRefundDue());
    assertEquals(null, paid.waiverReason());
    assertEquals(steps + 4, paid.getHistory().size());
    assertEquals(null, paid.getHistory().get(steps + 3).event(), "an ordinary restore");
    assertFalse(paid.releasedBy(lunch, null, NOW, ADMIN), "a case no longer waived stays as it is");
  }

  @Test
  void aWaivedCaseReadsTheDeclarationsWordsNotItsId() {
    GraceDeclaration d = declare(kst("2021-12-13T00:00"), kst("2021-12-14T00:00"), GraceKind.FULL);
    FineCase imposed = FineCaseTest.in(FineState.IMPOSED);
    assertTrue(imposed.heldBy(d, NOW, ADMIN));
    assertEquals("방역패스 시스템 장애로 벌칙 유예", imposed.waiverReason(), "what owners and inspectors read");
  }

  @Test
  void aCancelledCaseIsNotWaived() {
    GraceDeclaration d = declare(kst("2021-12-13T00:00"), kst("2021-12-14T00:00"), GraceKind.FULL);
    FineCase cancelled = FineCaseTest.in(FineState.CANCELLED);
    BusinessException e =
        assertThrows(BusinessException.class, () -> cancelled.heldBy(d, NOW, ADMIN));
    assertEquals("fine.transition.invalid", e.messageKey());
    assertEquals(FineState.CANCELLED, cancelled.getState());
  }

  private static GraceDeclaration declare(Instant start, Instant end, GraceKind kind) {
    return declare(start, end, kind, GraceScope.NATIONWIDE);
  }

  private static GraceDeclaration declare(
      Instant start, Instant end, GraceKind kind, GraceScope scope) {
    return declare(start, end, kind, scope, "방역패스 시스템 장애로 벌칙 유예");
  }

  private static GraceDeclaration declare(
      Instant start, Instant end, GraceKind kind, GraceScope scope, String reason) {
    return GraceDeclaration.declare(
        start, end, kind, scope, reason, "seed news 2021-12-14", NOW, ADMIN);
  }

  private static CaseFacts facts(Instant at) {
    return new CaseFacts(at, SEOUL, JONGNO, "RESTAURANT_CAFE", ViolationCause.NO_VALID_PASS);
  }

  private static Set<String> codes(String spaceSeparated) {
    return Arrays.stream(spaceSeparated.trim().split("\\s+"))
        .filter(s -> !s.isBlank())
        .collect(Collectors.toSet());
  }

  private static Instant kst(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(Kst.ZONE).toInstant();
  }
}
