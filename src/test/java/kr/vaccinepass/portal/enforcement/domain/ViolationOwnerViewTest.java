package kr.vaccinepass.portal.enforcement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import kr.vaccinepass.portal.grace.domain.LawTables;
import kr.vaccinepass.portal.grace.domain.ViolationCause;
import kr.vaccinepass.portal.shared.domain.Money;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the operator of the facility owes, may pay reduced, and gets back, case by case: a visitor's
 * case is the visitor's (the party of the fine is who violated, 질서위반행위규제법 Art. 2, 16), so the
 * operator owes nothing on it and gets nothing back from it.
 */
class ViolationOwnerViewTest {
  private static final Instant AT = Instant.parse("2021-12-20T03:00:00Z"); // 12:00 KST
  private static final long BY = 7;
  private static final LocalDate NOTICE = LocalDate.of(2021, 12, 20);
  private static final LocalDate DEADLINE = NOTICE.plusDays(10);
  private static final LocalDate IMPOSED = LocalDate.of(2022, 1, 3);
  private static final LocalDate TODAY = LocalDate.of(2022, 6, 1);

  private static Violation violation(ViolationKind kind, String state) {
    Actor inspector = new Actor(BY, "inspector@test", Role.INSPECTOR, "11110");
    Inspection inspection = Inspection.open(1L, "11110", inspector, AT, null, AT);
    Penalty penalty = new PenaltyRules(LawTables.PENALTIES, 1).decide(kind, AT, 0, false);
    Violation v =
        Violation.log(
            inspection,
            new LoggedFacility("종로 한옥카페", "RESTAURANT_CAFE", "1018100016", "북촌로 31", 7, "홍사업"),
            kind,
            ViolationCause.NO_VALID_PASS,
            AT,
            new Violation.VisitorIdentity("홍길동", null, null),
            null,
            null,
            0,
            penalty,
            BY,
            AT);
    FineCase fine = v.getFineCase();
    if (!state.equals("DRAFT")) {
      fine.sendPriorNotice(NOTICE, DEADLINE, AT, BY);
    }
    switch (state) {
      case "PAID_REDUCED" -> fine.pay(fine.voluntaryAmount(), DEADLINE, TODAY, AT, BY);
      case "OVERPAID" -> fine.pay(fine.getAmount(), DEADLINE, TODAY, AT, BY);
      case "IMPOSED" -> fine.impose(IMPOSED, AT, BY);
      case "WAIVED_UNPAID" -> fine.waive("grace", AT, BY);
      case "WAIVED_PAID" -> {
        fine.pay(fine.voluntaryAmount(), DEADLINE, TODAY, AT, BY);
        fine.waive("grace", AT, BY);
      }
      default -> {}
    }
    return v;
  }

  @ParameterizedTest(name = "{0} case, {1}, on {2}: owes {3}, reduced {4}, refund {5}")
  @CsvSource({
    // the operator's own case: what the fine case says
    "OPERATOR, DRAFT, 2021-12-25, 1500000, , 0",
    "OPERATOR, NOTICE, 2021-12-30, 1500000, 1200000, 0",
    "OPERATOR, NOTICE, 2021-12-31, 1500000, , 0",
    "OPERATOR, IMPOSED, 2022-03-05, 1545000, , 0",
    "OPERATOR, PAID_REDUCED, 2022-01-05, 0, , 0",
    "OPERATOR, OVERPAID, 2022-01-05, 0, , 300000",
    "OPERATOR, WAIVED_UNPAID, 2022-01-05, 0, , 0",
    "OPERATOR, WAIVED_PAID, 2022-01-05, 0, , 1200000",
    // a visitor's case: never the operator's money
    "VISITOR, DRAFT, 2021-12-25, 0, , 0",
    "VISITOR, NOTICE, 2021-12-30, 0, , 0",
    "VISITOR, IMPOSED, 2022-03-05, 0, , 0",
    "VISITOR, WAIVED_PAID, 2022-01-05, 0, , 0"
  })
  void whatTheOperatorOwesAndGetsBack(
      ViolationKind kind, String state, LocalDate day, long owes, Long reduced, long refund) {
    Violation v = violation(kind, state);

    assertEquals(Money.won(owes), v.operatorOwesOn(day));
    if (reduced == null) {
      assertNull(v.operatorMayPayReducedOn(day));
    } else {
      assertEquals(Money.won(reduced), v.operatorMayPayReducedOn(day));
    }
    assertEquals(Money.won(refund), v.refundToOperator());
  }
}
