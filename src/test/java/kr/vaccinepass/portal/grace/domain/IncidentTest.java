package kr.vaccinepass.portal.grace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An incident's own rules: when it may start and end, and where and when it affects verification
 * (2021-12-14: Naver QR down 11:40–12:17, Nocut 2021-12-14).
 */
class IncidentTest {
  private static final String SEOUL = "1100000000";
  private static final String JONGNO = "1111000000";
  private static final String BUSAN = "2600000000";
  private static final String BUSAN_JUNG = "2611000000";
  private static final Instant START = Instant.parse("2021-12-14T02:40:00Z"); // 11:40 KST
  private static final Instant END = Instant.parse("2021-12-14T03:17:00Z"); // 12:17 KST
  private static final Instant NOW = Instant.parse("2021-12-14T04:00:00Z");

  private static Incident naver(GraceScope scope) {
    return Incident.declare(START, scope, "네이버 QR 장애", 1L, NOW);
  }

  @Test
  void declaredItIsOpenWithItsNoteStripped() {
    Incident i = Incident.declare(START, GraceScope.NATIONWIDE, "  네이버 QR 장애 ", 1L, NOW);

    assertTrue(i.isOpen());
    assertEquals("네이버 QR 장애", i.getNote());
    assertEquals(START, i.getStartsAt());
    assertNull(i.getEndsAt());
    assertTrue(i.scope().nationwide());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "future start, 2021-12-14T04:00:01Z, note, incident.start.future, startsAt",
    "blank note,   2021-12-14T02:40:00Z, '  ', incident.note.required, note",
  })
  void badDeclarationsAreRefused(
      String what, Instant start, String note, String key, String field) {
    BusinessException refused =
        assertThrows(
            BusinessException.class,
            () -> Incident.declare(start, GraceScope.NATIONWIDE, note, 1L, NOW));

    assertEquals(key, refused.messageKey());
    assertEquals(Optional.of(field), refused.field());
  }

  @Test
  void aStartAndANoteAreRequired() {
    assertEquals(
        "incident.start.required",
        assertThrows(
                BusinessException.class,
                () -> Incident.declare(null, GraceScope.NATIONWIDE, "x", 1L, NOW))
            .messageKey());
    assertEquals(
        "incident.note.tooLong",
        assertThrows(
                BusinessException.class,
                () -> Incident.declare(START, GraceScope.NATIONWIDE, "가".repeat(501), 1L, NOW))
            .messageKey());
  }

  @ParameterizedTest(name = "end {0} → {1}")
  @CsvSource({
    // before the start, at the start, after now
    "2021-12-14T02:39:59Z,        incident.end.beforeStart",
    "2021-12-14T02:40:00Z,        incident.end.beforeStart",
    // the same microsecond as the start, as the database keeps it
    "2021-12-14T02:40:00.000000900Z, incident.end.beforeStart",
    "2021-12-14T04:00:00.001Z,    incident.end.future",
  })
  void badEndsAreRefusedAndLeaveItOpen(Instant end, String key) {
    Incident i = naver(GraceScope.NATIONWIDE);

    BusinessException refused = assertThrows(BusinessException.class, () -> i.close(end, 2L, NOW));

    assertEquals(key, refused.messageKey());
    assertEquals(Optional.of("endsAt"), refused.field());
    assertTrue(i.isOpen());
  }

  @Test
  void closedOnceOnly() {
    Incident i = naver(GraceScope.NATIONWIDE);
    i.close(END, 2L, NOW);

    assertFalse(i.isOpen());
    assertEquals(END, i.getEndsAt());
    assertEquals(
        "incident.alreadyClosed",
        assertThrows(BusinessException.class, () -> i.close(NOW, 2L, NOW)).messageKey());
  }

  @ParameterizedTest(name = "{0} {1} at {2} → {3}")
  @CsvSource({
    // 서울 chosen: 종로 is in it, 부산 is not
    "1100000000, 1111000000, 2021-12-14T02:40:00Z, true",
    "2600000000, 2611000000, 2021-12-14T02:40:00Z, false",
    // start inclusive, end exclusive
    "1100000000, 1111000000, 2021-12-14T02:39:59Z, false",
    "1100000000, 1111000000, 2021-12-14T03:16:59Z, true",
    "1100000000, 1111000000, 2021-12-14T03:17:00Z, false",
  })
  void itAffectsItsRegionsInItsWindow(String sido, String sigungu, Instant at, boolean affected) {
    Incident i = naver(GraceScope.of(Set.of(SEOUL), Set.of()));
    i.close(END, 2L, NOW);

    assertEquals(affected, i.affects(at, sido, sigungu));
  }

  @Test
  void aChosenSigunguIsAffectedAloneAndAnOpenIncidentHasNoEnd() {
    Incident i = naver(GraceScope.of(Set.of(), Set.of(BUSAN_JUNG)));

    assertTrue(i.affects(NOW.plusSeconds(86_400), BUSAN, BUSAN_JUNG));
    assertFalse(i.affects(NOW, BUSAN, "2614000000"));
    assertFalse(i.affects(NOW, SEOUL, JONGNO));
  }

  @Test
  void aDeclarationFormIsRefusedWithAllItsErrorsAtOnce() {
    BusinessException refused =
        assertThrows(
            BusinessException.class,
            () -> Incident.declare(NOW.plusSeconds(60), null, " ", 1L, NOW));
    assertEquals(
        List.of(
            "startsAt:incident.start.future",
            "sidoCodes:incidents.scope.regionsRequired",
            "note:incident.note.required"),
        refused.all().stream().map(e -> e.field().orElse("") + ":" + e.messageKey()).toList());
  }
}
