package kr.vaccinepass.portal.enforcement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kr.vaccinepass.portal.grace.domain.LawTables;
import kr.vaccinepass.portal.grace.domain.ViolationCause;
import kr.vaccinepass.portal.shared.domain.Money;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.Role;
import org.junit.jupiter.api.Test;

/** A facility's history as its inspector's timeline reads it. */
class FacilityHistoryTest {
  private static final Instant AT = Instant.parse("2021-12-20T03:00:00Z"); // 12:00 KST
  private static final long BY = 7;

  @Test
  void everyInspectionViolationAndStepOfItsFineIsOneEntryInItsLane() {
    Actor inspector = new Actor(BY, "inspector@test", Role.INSPECTOR, "11110");
    Inspection inspection = Inspection.open(1L, "11110", inspector, AT, "출입명부 미비", AT);
    Violation v =
        Violation.log(
            inspection,
            new LoggedFacility("종로 한옥카페", "RESTAURANT_CAFE", "1018100016", "북촌로 31", 7, "홍사업"),
            ViolationKind.OPERATOR,
            ViolationCause.NO_VALID_PASS,
            AT,
            null,
            null,
            null,
            0,
            new PenaltyRules(LawTables.PENALTIES, 1).decide(ViolationKind.OPERATOR, AT, 0, false),
            BY,
            AT);
    Instant noticed = AT.plus(Duration.ofDays(1));
    v.getFineCase()
        .sendPriorNotice(LocalDate.of(2021, 12, 21), LocalDate.of(2021, 12, 31), noticed, BY);

    List<FacilityHistory.Entry> entries =
        FacilityHistory.of(List.of(inspection), List.of(v)).entries();

    assertEquals(4, entries.size());
    FacilityHistory.Entry visit = entries.get(0);
    assertEquals(FacilityHistory.Lane.INSPECTIONS, visit.lane());
    assertEquals("출입명부 미비", visit.userText(), "the inspector's notes, as typed");
    FacilityHistory.Entry logged = entries.get(1);
    assertEquals(FacilityHistory.Step.VIOLATION, logged.step());
    assertEquals(Money.won(1_500_000), logged.fine());
    assertEquals(FacilityHistory.Step.FINE_OPENED, entries.get(2).step());
    FacilityHistory.Entry notice = entries.get(3);
    assertEquals(FacilityHistory.Step.FINE_STATE, notice.step());
    assertEquals(FineState.PRIOR_NOTICE_SENT, notice.state());
    assertEquals(noticed, notice.at());
    assertNull(notice.userText());
  }

  @Test
  void aViolationAndTheStepsOfItsFineOpenItsCase() {
    assertEquals(Optional.of(42L), FacilityHistory.caseOf("violation-42"));
    assertEquals(Optional.of(42L), FacilityHistory.caseOf("fine-42-3"));
    assertEquals(Optional.empty(), FacilityHistory.caseOf("inspection-42"));
    assertEquals(Optional.empty(), FacilityHistory.caseOf("fine-x-1"));
  }

  @Test
  void theWindowShowsEveryEntryWithAMarginOfTwoDaysOrAQuarterOfTheSpan() {
    FacilityHistory empty = new FacilityHistory(List.of());
    FacilityHistory.Window w = empty.window(AT);
    assertEquals(AT.minus(Duration.ofDays(2)), w.from());
    assertEquals(AT.plus(Duration.ofDays(2)), w.to());

    FacilityHistory.Entry longAgo =
        new FacilityHistory.Entry(
            "inspection-1",
            FacilityHistory.Lane.INSPECTIONS,
            FacilityHistory.Step.INSPECTION,
            AT.minus(Duration.ofDays(40)),
            null,
            null,
            false,
            null,
            null,
            null);
    FacilityHistory.Window wide = new FacilityHistory(List.of(longAgo)).window(AT);
    assertEquals(AT.minus(Duration.ofDays(50)), wide.from());
    assertEquals(AT.plus(Duration.ofDays(10)), wide.to());
  }
}
