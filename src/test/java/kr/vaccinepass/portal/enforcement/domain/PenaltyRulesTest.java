package kr.vaccinepass.portal.enforcement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import kr.vaccinepass.portal.grace.domain.LawTables;
import kr.vaccinepass.portal.grace.domain.PenaltyRow;
import kr.vaccinepass.portal.grace.domain.PenaltySchedule;
import kr.vaccinepass.portal.grace.domain.PenaltySchedules;
import kr.vaccinepass.portal.grace.domain.Sanction;
import kr.vaccinepass.portal.grace.domain.SanctionKind;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.domain.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The penalties of domain-rules.md ("Penalties"), one table per rule: every row of both schedules,
 * the schedule boundary at Kst.ZONE midnight, the guidance period, the count rule and the last day
 * of a suspension.
 */
class PenaltyRulesTest {
  private static final PenaltyRules RULES = new PenaltyRules(LawTables.PENALTIES, 1);

  /** A day the old schedule stood, after the guidance period (fines from 2021-12-13). */
  private static final Instant OLD_DAY = kst("2021-12-20T12:00");

  /** A day the eased schedule stood (from 2022-02-09). */
  private static final Instant EASED_DAY = kst("2022-02-20T12:00");

  private static Instant kst(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(Kst.ZONE).toInstant();
  }

  private static Sanction sanction(SanctionKind kind, Period length) {
    return new Sanction(kind, length);
  }

  private static void assertPenalty(
      long fine, SanctionKind kind, Period length, String schedule, Penalty penalty) {
    assertEquals(Money.won(fine), penalty.fine());
    assertEquals(sanction(kind, length), penalty.proposedSanction());
    assertEquals(schedule, penalty.schedule());
    assertFalse(penalty.warningOnly());
    assertFalse(penalty.source().isBlank());
  }

  @ParameterizedTest(name = "operator, {0} prior, at {1} → {2} won, {3} {4}")
  @CsvSource({
    // columns: prior standing violations, at (Kst.ZONE), fine, sanction, length, schedule
    "0, 2021-12-20T12:00, 1500000, SUSPENSION, P10D, 2021-11", // old 1st (seed news; Newsway)
    "1, 2021-12-20T12:00, 3000000, SUSPENSION, P20D, 2021-11", // old 2nd (Newsway; KB Maeil)
    "2, 2021-12-20T12:00, 3000000, SUSPENSION, P3M,  2021-11", // old 3rd (Newsway; KB Maeil)
    "3, 2021-12-20T12:00, 3000000, CLOSURE,        , 2021-11", // old 4th: closure order
    "5, 2021-12-20T12:00, 3000000, CLOSURE,        , 2021-11", // old 6th: the last row still
    "8, 2021-12-20T12:00, 3000000, CLOSURE,        , 2021-11", // old 9th: the last row still
    "0, 2022-02-20T12:00,  500000, WARNING,        , 2022-02", // eased 1st (KHA news; Ilyo)
    "1, 2022-02-20T12:00, 1000000, SUSPENSION, P10D, 2022-02", // eased 2nd
    "2, 2022-02-20T12:00, 2000000, SUSPENSION, P20D, 2022-02", // eased 3rd
    "3, 2022-02-20T12:00, 2000000, SUSPENSION, P3M,  2022-02", // eased 4th
    "4, 2022-02-20T12:00, 2000000, CLOSURE,        , 2022-02", // eased 5th: closure order
    "5, 2022-02-20T12:00, 2000000, CLOSURE,        , 2022-02", // eased 6th: the last row still
    "8, 2022-02-20T12:00, 2000000, CLOSURE,        , 2022-02", // eased 9th: the last row still
  })
  void operatorPenaltyGrowsWithTheCount(
      int prior, LocalDateTime at, long fine, SanctionKind kind, Period length, String schedule) {
    assertPenalty(
        fine,
        kind,
        length,
        schedule,
        RULES.decide(ViolationKind.OPERATOR, at.atZone(Kst.ZONE).toInstant(), prior, false));
  }

  @ParameterizedTest(name = "visitor, {0} prior, at {1} → {2} won")
  @CsvSource({
    // columns: prior standing operator violations, at (Kst.ZONE), fine, schedule
    "0, 2021-12-20T12:00, 100000, 2021-11", // old: 100,000 each time (seed news)
    "3, 2021-12-20T12:00, 100000, 2021-11", // the operator's count does not matter
    "0, 2022-02-20T12:00, 100000, 2022-02", // eased: unchanged (KHA news; Ilyo)
    "7, 2022-02-20T12:00, 100000, 2022-02", // the operator's count does not matter
  })
  void visitorPaysTheSameFineEachTime(int prior, LocalDateTime at, long fine, String schedule) {
    assertPenalty(
        fine,
        SanctionKind.NONE,
        null,
        schedule,
        RULES.decide(ViolationKind.VISITOR, at.atZone(Kst.ZONE).toInstant(), prior, false));
  }

  @ParameterizedTest(name = "{0} → schedule {1}")
  @CsvSource({
    // columns: instant (UTC), schedule in force
    "2021-01-01T00:00:00Z, 2021-11", // long before the pass: the first schedule still
    "2021-10-31T14:59:59Z, 2021-11", // 2021-10-31 23:59:59 Kst.ZONE: the first schedule still
    "2021-10-31T15:00:00Z, 2021-11", // 2021-11-01 00:00 Kst.ZONE: the pass starts
    "2022-02-07T03:00:00Z, 2021-11", // 2022-02-07 12:00 Kst.ZONE: the day before the day before
    "2022-02-08T03:00:00Z, 2021-11", // 2022-02-08 12:00 Kst.ZONE: the day before
    "2022-02-08T14:59:59Z, 2021-11", // 2022-02-08 23:59:59 Kst.ZONE: the last second of the old
    "2022-02-08T15:00:00Z, 2022-02", // 2022-02-09 00:00 Kst.ZONE, still 02-08 in UTC: eased
    "2022-02-08T20:00:00Z, 2022-02", // 2022-02-09 05:00 Kst.ZONE: the Korean date decides
    "2022-02-09T03:00:00Z, 2022-02", // 2022-02-09 12:00 Kst.ZONE: the day of
    "2022-02-10T03:00:00Z, 2022-02", // 2022-02-10 12:00 Kst.ZONE: the day after
    "2022-03-10T03:00:00Z, 2022-02", // after the pass was suspended: the last schedule still
  })
  void scheduleIsChosenByTheKoreanDate(Instant at, String schedule) {
    assertEquals(schedule, LawTables.PENALTIES.at(at).name());
  }

  @ParameterizedTest(name = "operator 1st at {0} → {1} won, {2} {3}")
  @CsvSource({
    // columns: at (Kst.ZONE), fine, sanction, length, schedule
    "2022-02-08T00:00,    1500000, SUSPENSION, P10D, 2021-11", // the day before: old 1st
    "2022-02-08T23:59:59, 1500000, SUSPENSION, P10D, 2021-11", // the last second of the old
    "2022-02-09T00:00,     500000, WARNING,        , 2022-02", // Kst.ZONE midnight: eased 1st
    "2022-02-10T00:00,     500000, WARNING,        , 2022-02", // the day after
  })
  void operatorPenaltyChangesAtKstMidnight(
      LocalDateTime at, long fine, SanctionKind kind, Period length, String schedule) {
    assertPenalty(
        fine,
        kind,
        length,
        schedule,
        RULES.decide(ViolationKind.OPERATOR, at.atZone(Kst.ZONE).toInstant(), 0, false));
  }

  @Test
  void theUtcInstantOfKstMidnightIsEased() {
    // 2022-02-08T15:00Z = 2022-02-09 00:00 Kst.ZONE: the eased 2nd row, not the old one
    assertPenalty(
        1_000_000,
        SanctionKind.SUSPENSION,
        Period.ofDays(10),
        "2022-02",
        RULES.decide(ViolationKind.OPERATOR, Instant.parse("2022-02-08T15:00:00Z"), 1, false));
  }

  @ParameterizedTest(name = "{0}, {1} prior, at {2}, guidance → warning {3}")
  @CsvSource({
    // columns: kind, prior standing operator violations, at (Kst.ZONE), sanction, schedule
    "OPERATOR, 0, 2021-12-08T12:00, WARNING, 2021-11", // guidance 12-06 – 12-12 (seed news)
    "OPERATOR, 3, 2021-12-08T12:00, WARNING, 2021-11", // even a 4th violation is only warned
    "OPERATOR, 1, 2022-02-20T12:00, WARNING, 2022-02", // a guidance period under the eased rules
    "VISITOR,  0, 2021-12-08T12:00, NONE,    2021-11", // a visitor is warned, no sanction
    "VISITOR,  0, 2022-01-05T12:00, NONE,    2021-11", // 180-day guidance week (JTBC; KBS World)
    "VISITOR,  2, 2022-02-20T12:00, NONE,    2022-02", // a visitor under the eased rules
  })
  void guidancePeriodWarnsWithoutFine(
      ViolationKind kind, int prior, LocalDateTime at, SanctionKind sanction, String schedule) {
    Penalty penalty = RULES.decide(kind, at.atZone(Kst.ZONE).toInstant(), prior, true);
    assertTrue(penalty.warningOnly());
    assertEquals(Money.ZERO, penalty.fine());
    assertEquals(sanction(sanction, null), penalty.proposedSanction());
    assertEquals(schedule, penalty.schedule());
  }

  /** How an earlier violation ended, for the count rule. */
  enum Status {
    STANDING,
    WAIVED,
    CANCELLED
  }

  /** A violation as the count rule sees it. */
  record Earlier(ViolationKind kind, Instant occurredAt, Status status)
      implements CountedViolation {
    @Override
    public boolean stands() {
      return status == Status.STANDING;
    }
  }

  /** "OPERATOR@2021-12-20T12:00=STANDING; VISITOR@…=WAIVED", times in Kst.ZONE; blank for none. */
  private static List<Earlier> earlier(String list) {
    List<Earlier> result = new ArrayList<>();
    if (list == null) {
      return result;
    }
    for (String item : list.split(";")) {
      String[] kindRest = item.trim().split("@");
      String[] atStatus = kindRest[1].split("=");
      result.add(
          new Earlier(
              ViolationKind.valueOf(kindRest[0]), kst(atStatus[0]), Status.valueOf(atStatus[1])));
    }
    return result;
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // columns: earlier violations (Kst.ZONE), standing count before 2021-12-20 12:00 Kst.ZONE
        "| 0", // no earlier violation
        "OPERATOR@2021-12-14T12:00=STANDING | 1", // one standing operator violation
        "OPERATOR@2021-12-13T12:05=WAIVED | 0", // waived in the grace of 12-13 (seed news)
        "OPERATOR@2021-12-14T12:00=CANCELLED | 0", // cancelled: does not count
        "VISITOR@2021-12-14T12:00=STANDING | 0", // a visitor's violation is not the operator's
        "OPERATOR@2021-12-21T12:00=STANDING | 0", // a later violation does not count
        "OPERATOR@2021-12-20T12:00=STANDING | 0", // the same instant is not earlier
        "OPERATOR@2021-12-20T11:59:59=STANDING | 1", // one second before counts
        "OPERATOR@2021-12-14T12:00=STANDING; OPERATOR@2021-12-15T12:00=STANDING | 2", // two
        "OPERATOR@2021-12-14T12:00=STANDING; OPERATOR@2021-12-15T12:00=WAIVED;"
            + " OPERATOR@2021-12-16T12:00=STANDING; VISITOR@2021-12-16T13:00=STANDING;"
            + " OPERATOR@2021-12-17T12:00=CANCELLED; OPERATOR@2021-12-18T12:00=STANDING;"
            + " OPERATOR@2021-12-21T12:00=STANDING | 3", // only the standing earlier ones
      })
  void onlyEarlierStandingOperatorViolationsCount(String list, int expected) {
    assertEquals(expected, PenaltyRules.standingCount(earlier(list), OLD_DAY));
  }

  @Test
  void countAcrossSchedulesPicksTheEasedRow() {
    // two standing violations under the old schedule, one waived: the eased schedule's 3rd row
    List<Earlier> history =
        earlier(
            "OPERATOR@2021-12-14T12:00=STANDING; OPERATOR@2021-12-13T12:00=WAIVED;"
                + " OPERATOR@2022-01-20T12:00=STANDING");
    int prior = PenaltyRules.standingCount(history, EASED_DAY);
    assertEquals(2, prior);
    assertPenalty(
        2_000_000,
        SanctionKind.SUSPENSION,
        Period.ofDays(20),
        "2022-02",
        RULES.decide(ViolationKind.OPERATOR, EASED_DAY, prior, false));
  }

  @ParameterizedTest(name = "{1} from {0} → last day {2}")
  @CsvSource({
    // columns: start, length, last day (inclusive)
    "2021-12-13, P10D, 2021-12-22", // 10 days, the first day counts (민법 Art. 157)
    "2021-12-13, P20D, 2022-01-01", // 20 days across the new year
    "2022-02-25, P10D, 2022-03-06", // 10 days across a short February
    "2022-01-31, P3M,  2022-04-30", // no 04-31: the month's last day (민법 Art. 160(3))
    "2022-01-30, P3M,  2022-04-29", // the day before the corresponding day
    "2022-01-15, P3M,  2022-04-14", // the day before the corresponding day
    "2021-11-30, P3M,  2022-02-28", // no 02-30: the last day of February
  })
  void suspensionEndsOnItsLastDay(LocalDate start, Period length, LocalDate lastDay) {
    assertEquals(lastDay, Sanction.suspension(length).lastDay(start));
  }

  @Test
  void onlyASuspensionHasALengthAndALastDay() {
    assertThrows(IllegalArgumentException.class, () -> Sanction.suspension(Period.ZERO));
    assertThrows(IllegalArgumentException.class, () -> Sanction.suspension(Period.ofDays(-1)));
    assertThrows(IllegalArgumentException.class, () -> Sanction.suspension(Period.of(0, 1, 5)));
    assertThrows(NullPointerException.class, () -> Sanction.suspension(null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Sanction(SanctionKind.WARNING, Period.ofDays(10)));
    assertThrows(
        IllegalStateException.class, () -> Sanction.CLOSURE.lastDay(LocalDate.of(2022, 1, 1)));
  }

  @Test
  void countsAndTablesAreChecked() {
    PenaltySchedule first = LawTables.PENALTIES.all().get(0);
    assertThrows(IllegalArgumentException.class, () -> first.operatorRow(0));
    assertThrows(
        IllegalArgumentException.class,
        () -> RULES.decide(ViolationKind.OPERATOR, OLD_DAY, -1, false));
    List<PenaltySchedule> reversed =
        List.of(LawTables.PENALTIES.all().get(1), LawTables.PENALTIES.all().get(0));
    assertThrows(IllegalArgumentException.class, () -> new PenaltySchedules(reversed));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new PenaltySchedule(
                "gap",
                LocalDate.of(2021, 11, 1),
                Money.won(100_000),
                List.of(new PenaltyRow(2, Money.won(1), Sanction.NONE)),
                "test"));
  }

  @Test
  void theStandardTableHasTwoSchedulesWithSources() {
    List<PenaltySchedule> all = LawTables.PENALTIES.all();
    assertEquals(List.of("2021-11", "2022-02"), all.stream().map(PenaltySchedule::name).toList());
    assertEquals(LocalDate.of(2021, 11, 1), all.get(0).effectiveFrom());
    assertEquals(LocalDate.of(2022, 2, 9), all.get(1).effectiveFrom());
    assertEquals(4, all.get(0).operatorRows().size());
    assertEquals(5, all.get(1).operatorRows().size());
    assertEquals(
        all.get(0).source(), RULES.decide(ViolationKind.VISITOR, OLD_DAY, 0, false).source());
    assertEquals(
        all.get(1).source(), RULES.decide(ViolationKind.VISITOR, EASED_DAY, 0, false).source());
  }
}
