package kr.vaccinepass.portal.enforcement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import kr.vaccinepass.portal.grace.domain.LawTables;
import kr.vaccinepass.portal.grace.domain.ViolationCause;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A case keeps the facts of its day: the 시군구 of its inspection, the facility as it was, and the
 * party (the operator of the day, or the visitor), and its notice says those.
 */
class CaseKeepsItsFactsTest {
  private static final Instant AT = Instant.parse("2021-12-20T03:05:00Z");
  private static final Actor JONGNO = new Actor(9, "i@test", Role.INSPECTOR, "1111000000");
  private static final LoggedFacility CAFE =
      new LoggedFacility("종로 한옥카페", "RESTAURANT_CAFE", "1018100016", "북촌로 31", 7, "홍사업");

  @ParameterizedTest
  @EnumSource(ViolationKind.class)
  void theCaseAndItsNoticeSayTheFactsOfTheDay(ViolationKind kind) {
    Inspection inspection = Inspection.open(42, "1111000000", JONGNO, AT, null, AT);
    Violation v =
        Violation.log(
            inspection,
            CAFE,
            kind,
            ViolationCause.NO_VALID_PASS,
            AT,
            new Violation.VisitorIdentity("김방문", LocalDate.of(1990, 3, 4), null),
            null,
            null,
            0,
            new PenaltyRules(LawTables.PENALTIES, 1).decide(kind, AT, 0, false),
            9,
            AT);
    assertEquals("1111000000", v.getSigunguCode());
    assertEquals("종로 한옥카페", v.getFacility().name());
    assertEquals("RESTAURANT_CAFE", v.getFacility().typeCode());
    assertEquals(kind == ViolationKind.OPERATOR ? "홍사업" : "김방문", v.partyName());

    Notice.Issuer issuer = new Notice.Issuer("서울특별시 종로구청장", "서울특별시 종로구", "김점검", "02-1");
    assertNull(Notice.of(Notice.Kind.PRIOR_NOTICE, v, issuer), "not before the prior notice");
    v.getFineCase().sendPriorNotice(LocalDate.of(2021, 12, 21), LocalDate.of(2021, 12, 31), AT, 9);
    Notice notice = Notice.of(Notice.Kind.PRIOR_NOTICE, v, issuer);
    assertEquals(v.partyName(), notice.partyName());
    assertEquals(
        kind == ViolationKind.OPERATOR ? "101-81-00016" : "1990-03-04", notice.partyDetail());
    assertEquals("종로 한옥카페", notice.facilityName());
    assertEquals("북촌로 31", notice.facilityAddress());
    assertEquals("서울특별시 종로구청장", notice.issuer().head());
  }
}
