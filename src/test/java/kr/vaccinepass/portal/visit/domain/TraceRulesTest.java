package kr.vaccinepass.portal.visit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules of a trace: a basis and a case are required, exactly one subject, a window in the kept
 * past of at most 14 days, a reason for a facility outside the region (and then a flag), and which
 * arrivals count as there at the same time.
 */
class TraceRulesTest {
  private static final Instant NOW = kst("2022-01-12T11:40");
  private static final Instant FIRST_KEPT = kst("2021-12-15T00:00");
  private static final Actor SEOUL_INVESTIGATOR =
      new Actor(5, "epi@seoul", Role.INVESTIGATOR, "1100000000");
  private static final HealthAuthority SEOUL = new HealthAuthority("1100000000", true);
  private static final HealthAuthority JONGNO = new HealthAuthority("1111000000", false);
  private static final Trace.Place JONGNO_PLACE = new Trace.Place("1100000000", "1111000000");
  private static final Trace.Place BUSAN_PLACE = new Trace.Place("2600000000", "2611000000");

  private static Instant kst(String local) {
    return LocalDateTime.parse(local).atZone(Kst.ZONE).toInstant();
  }

  private static Trace.Request facility(Instant from, Instant to, String reason) {
    return new Trace.Request(
        TraceBasis.ARTICLE_18, "확진 2022-0112", 7L, null, null, from, to, reason);
  }

  private static String refusal(Runnable r) {
    return assertThrows(BusinessException.class, r::run).messageKey();
  }

  @ParameterizedTest(name = "{0}: {1} {2} in {3}")
  @CsvSource({
    // authority,   whole sido, facility sido, facility sigungu, covered
    "1100000000, true,  1100000000, 1111000000, true",
    "1100000000, true,  2600000000, 2611000000, false",
    "1111000000, false, 1100000000, 1111000000, true",
    "1111000000, false, 1100000000, 1168000000, false",
    "2611000000, false, 2600000000, 2611000000, true"
  })
  void aHealthAuthorityCoversItsSidoOrItsSigungu(
      String code, boolean wholeSido, String sido, String sigungu, boolean covered) {
    assertEquals(covered, new HealthAuthority(code, wholeSido).covers(sido, sigungu));
  }

  @ParameterizedTest(name = "{0} and {1} apart: {2}")
  @CsvSource({
    "2022-01-10T12:00, 2022-01-10T12:00, true",
    "2022-01-10T12:00, 2022-01-10T12:59, true",
    "2022-01-10T12:00, 2022-01-10T13:00, true",
    "2022-01-10T12:00, 2022-01-10T13:01, false",
    "2022-01-10T12:00, 2022-01-10T11:00, true",
    "2022-01-10T12:00, 2022-01-10T10:59, false"
  })
  void arrivalsWithinOneStayOfEachOtherOverlap(String a, String b, boolean overlap) {
    assertEquals(overlap, TraceWindow.overlap(kst(a), kst(b)));
  }

  @ParameterizedTest(name = "{0} to {1}: {2}")
  @CsvSource({
    "2022-01-12T08:00, 2022-01-12T12:00, ",
    "2021-12-29T11:40, 2022-01-12T11:40, ",
    "2021-12-29T11:39, 2022-01-12T11:40, trace.window.tooLong",
    "2022-01-12T12:00, 2022-01-12T08:00, trace.window.order",
    "2022-01-12T08:00, 2022-01-12T08:00, trace.window.order",
    "2022-01-12T12:00, 2022-01-12T13:00, trace.window.future",
    "2021-12-01T00:00, 2021-12-15T00:00, trace.window.expired",
    "2021-12-10T00:00, 2021-12-15T00:01, "
  })
  void theWindowLiesInTheKeptPastAndIsAtMostFourteenDays(String from, String to, String key) {
    if (key == null) {
      TraceWindow w = TraceWindow.of(kst(from), kst(to), NOW, FIRST_KEPT);
      assertTrue(w.contains(kst(from)));
      assertFalse(w.contains(kst(to)));
    } else {
      assertEquals(key, refusal(() -> TraceWindow.of(kst(from), kst(to), NOW, FIRST_KEPT)));
    }
    assertEquals(Duration.ofDays(14), TraceWindow.LONGEST);
  }

  @Test
  void aBasisACaseAndExactlyOneSubjectAreRequired() {
    Instant from = kst("2022-01-12T08:00");
    Instant to = kst("2022-01-12T12:00");
    assertEquals(
        "trace.basis.required",
        refusal(() -> request(new Trace.Request(null, "c", 7L, null, null, from, to, null))));
    assertEquals(
        "trace.caseRef.required",
        refusal(
            () ->
                request(
                    new Trace.Request(
                        TraceBasis.ARTICLE_18, "  ", 7L, null, null, from, to, null))));
    assertEquals(
        "trace.caseRef.invalid",
        refusal(
            () ->
                request(
                    new Trace.Request(
                        TraceBasis.ARTICLE_18, "a\nb", 7L, null, null, from, to, null))));
    assertEquals(
        "trace.subject.oneOf",
        refusal(
            () ->
                request(
                    new Trace.Request(
                        TraceBasis.ARTICLE_18, "c", null, null, null, from, to, null))));
    assertEquals(
        "trace.subject.oneOf",
        refusal(
            () ->
                request(
                    new Trace.Request(
                        TraceBasis.ARTICLE_18, "c", 7L, "KAKAO", "h-1", from, to, null))));
    assertEquals(
        "trace.issuer.required",
        refusal(
            () ->
                request(
                    new Trace.Request(
                        TraceBasis.ARTICLE_76_2, "c", null, null, "h-1", from, to, null))));
  }

  @Test
  void anEmptyRequestIsRefusedForEveryMissingPartAtOnce() {
    BusinessException refused =
        assertThrows(
            BusinessException.class,
            () -> request(new Trace.Request(null, null, null, null, null, null, null, null)));
    assertEquals(
        List.of(
            "basis:trace.basis.required",
            "caseRef:trace.caseRef.required",
            "subject:trace.subject.oneOf",
            "from:trace.window.fromRequired"),
        refused.all().stream().map(e -> e.field().orElse("") + ":" + e.messageKey()).toList());
  }

  @Test
  void aFacilityOutsideTheRegionNeedsAReasonAndIsFlagged() {
    Instant from = kst("2022-01-12T08:00");
    Instant to = kst("2022-01-12T12:00");

    Trace inside =
        Trace.request(
            SEOUL_INVESTIGATOR, SEOUL, facility(from, to, null), JONGNO_PLACE, NOW, FIRST_KEPT);
    assertFalse(inside.isOutOfRegion());
    assertNull(inside.getReason());

    assertEquals(
        "trace.reason.outsideRegion",
        refusal(
            () ->
                Trace.request(
                    SEOUL_INVESTIGATOR,
                    SEOUL,
                    facility(from, to, " "),
                    BUSAN_PLACE,
                    NOW,
                    FIRST_KEPT)));
    Trace outside =
        Trace.request(
            SEOUL_INVESTIGATOR,
            SEOUL,
            facility(from, to, "확진자가 부산 출장 중 방문"),
            BUSAN_PLACE,
            NOW,
            FIRST_KEPT);
    assertTrue(outside.isOutOfRegion());
    assertEquals("확진자가 부산 출장 중 방문", outside.getReason());

    Actor jongnoInvestigator = new Actor(6, "epi@jongno", Role.INVESTIGATOR, "1111000000");
    Trace gangnam =
        Trace.request(
            jongnoInvestigator,
            JONGNO,
            facility(from, to, "인접 구 확진자"),
            new Trace.Place("1100000000", "1168000000"),
            NOW,
            FIRST_KEPT);
    assertTrue(gangnam.isOutOfRegion(), "a 시군구 authority covers its own 시군구 only");
  }

  @Test
  void aHolderTraceHasNoRegionAndOnlyItsInvestigatorOpensIt() {
    Trace t =
        request(
            new Trace.Request(
                TraceBasis.ARTICLE_76_2,
                "확진 1",
                null,
                "KAKAO",
                " h-42 ",
                kst("2021-12-29T11:40"),
                NOW,
                null));
    assertFalse(t.isOutOfRegion());
    assertEquals("h-42", t.getHolderId());
    assertTrue(t.isOf(SEOUL_INVESTIGATOR));
    assertFalse(t.isOf(new Actor(6, "other@seoul", Role.INVESTIGATOR, "1100000000")));
    assertFalse(t.isOf(new Actor(5, "epi@seoul", Role.ADMIN, null)), "the same id, another role");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Trace.request(
                new Actor(9, "i@jongno", Role.INSPECTOR, "1111000000"),
                SEOUL,
                facility(kst("2022-01-12T08:00"), NOW, null),
                JONGNO_PLACE,
                NOW,
                FIRST_KEPT));
  }

  @Test
  void aTraceOfDayDIsDestroyedOnDayD29() {
    Trace t = request(facility(kst("2022-01-12T08:00"), NOW, null));
    assertEquals(LocalDate.of(2022, 2, 10), t.expiresOn());
    assertFalse(t.isExpiredAt(kst("2022-02-09T23:59")));
    assertTrue(t.isExpiredAt(kst("2022-02-10T00:00")));
  }

  @Test
  void coVisitorsAreThoseWhoArrivedWithinOneStayAtTheSameFacilityButNotTheHolder() {
    Instant t0 = kst("2022-01-10T12:00");
    TracedVisit stop = qr(1, t0, "KAKAO", "h-1");
    List<TracedVisit> around =
        List.of(
            stop,
            qr(1, t0.plusSeconds(1800), "KAKAO", "h-2"),
            qr(1, t0.plusSeconds(3600), "NAVER", "n-9"),
            qr(1, t0.plusSeconds(3601), "KAKAO", "h-late"),
            qr(2, t0.plusSeconds(60), "KAKAO", "h-elsewhere"),
            new TracedVisit(
                1,
                t0.minusSeconds(1200),
                VisitMethod.HANDWRITTEN,
                null,
                null,
                "김민수",
                "010-1234-5678",
                null));

    List<TraceFindings.Stop> stops = TraceFindings.stops(List.of(stop), around, "KAKAO", "h-1");

    assertEquals(1, stops.size());
    TraceFindings.Visits there = stops.get(0).coVisitors();
    assertEquals(
        List.of("KAKAO", "NAVER"),
        there.byIssuer().stream().map(TraceFindings.IssuerGroup::issuerCode).toList());
    assertEquals(
        List.of("h-2"), there.ofIssuer("KAKAO").stream().map(TracedVisit::holderId).toList());
    assertEquals(
        List.of("n-9"), there.ofIssuer("NAVER").stream().map(TracedVisit::holderId).toList());
    assertEquals(List.of("김민수"), there.contacts().stream().map(TracedVisit::name).toList());
    assertEquals(3, there.size());
  }

  private static TracedVisit qr(long facility, Instant at, String issuer, String holder) {
    return new TracedVisit(facility, at, VisitMethod.QR, issuer, holder, null, null, null);
  }

  private static Trace request(Trace.Request r) {
    return Trace.request(
        SEOUL_INVESTIGATOR,
        SEOUL,
        r,
        r.facilityId() == null ? null : JONGNO_PLACE,
        NOW,
        FIRST_KEPT);
  }
}
