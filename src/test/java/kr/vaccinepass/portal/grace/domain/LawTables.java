package kr.vaccinepass.portal.grace.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;
import kr.vaccinepass.portal.shared.domain.Money;

/**
 * The dated tables of the law as domain-rules.md gives them, with their sources: what the
 * table-driven tests decide by, and what the store's seed (V11, V22) must equal ({@code
 * DatedPolicyIT} compares them).
 */
public final class LawTables {
  private LawTables() {}

  private static final Set<String> FIRST_WAVE =
      Set.of("ENTERTAINMENT", "KARAOKE", "BATHHOUSE", "RACING_CASINO");

  private static final Set<String> SECOND_WAVE =
      Set.of(
          "RESTAURANT_CAFE",
          "ACADEMY",
          "CINEMA_THEATER",
          "READING_ROOM",
          "MULTI_ROOM",
          "PC_ROOM",
          "STADIUM_INDOOR",
          "MUSEUM_GALLERY",
          "PARTY_ROOM",
          "LIBRARY",
          "MASSAGE");

  public static final GuidancePeriods GUIDANCE =
      new GuidancePeriods(
          List.of(
              // 2021-11-01: guidance week, fines from 11-08 (Newsway 2021-11-08)
              new GuidancePeriods.Period(
                  LocalDate.of(2021, 11, 1),
                  LocalDate.of(2021, 11, 8),
                  FIRST_WAVE,
                  Set.of(),
                  "Newsway 2021-11-08"),
              // indoor sports facilities: fines from 11-14 (Newsway 2021-11-08)
              new GuidancePeriods.Period(
                  LocalDate.of(2021, 11, 1),
                  LocalDate.of(2021, 11, 14),
                  Set.of("INDOOR_SPORTS"),
                  Set.of(),
                  "Newsway 2021-11-08"),
              // 11 more types from 2021-12-06, guidance 12-06 – 12-12 (seed news; Metro Seoul)
              new GuidancePeriods.Period(
                  LocalDate.of(2021, 12, 6),
                  LocalDate.of(2021, 12, 13),
                  SECOND_WAVE,
                  Set.of(),
                  "seed news; Metro Seoul"),
              // the 180-day expiry of vaccination passes: a guidance week, fines from 01-10; it
              // covered only passes that had expired, at every covered type (JTBC; KBS World)
              new GuidancePeriods.Period(
                  LocalDate.of(2022, 1, 3),
                  LocalDate.of(2022, 1, 10),
                  Set.of(),
                  Set.of(ViolationCause.PASS_EXPIRED_180_DAYS),
                  "JTBC; KBS World")));

  private static final Money VISITOR_FINE = Money.won(100_000);
  private static final Sanction DAYS_10 = Sanction.suspension(Period.ofDays(10));
  private static final Sanction DAYS_20 = Sanction.suspension(Period.ofDays(20));
  private static final Sanction MONTHS_3 = Sanction.suspension(Period.ofMonths(3));

  /** The penalties of Korea, 2021-11-01 to the end of the pass (domain-rules.md, "Penalties"). */
  public static final PenaltySchedules PENALTIES =
      new PenaltySchedules(
          List.of(
              new PenaltySchedule(
                  "2021-11",
                  LocalDate.of(2021, 11, 1),
                  // visitor: 100,000 won each time (seed news; Newsway 2021-11-08)
                  VISITOR_FINE,
                  List.of(
                      // 1st: 1,500,000 won and 10 days' suspension (seed news; Newsway 2021-11-08)
                      new PenaltyRow(1, Money.won(1_500_000), DAYS_10),
                      // 2nd: 3,000,000 won and 20 days (Newsway 2021-11-08; KB Maeil 2021-11-15)
                      new PenaltyRow(2, Money.won(3_000_000), DAYS_20),
                      // 3rd: 3,000,000 won and 3 months (Newsway 2021-11-08; KB Maeil 2021-11-15)
                      new PenaltyRow(3, Money.won(3_000_000), MONTHS_3),
                      // 4th and beyond: 3,000,000 won and closure (Newsway; KB Maeil 2021-11-15)
                      new PenaltyRow(4, Money.won(3_000_000), Sanction.CLOSURE)),
                  "seed news (News1, Dong-A Ilbo 2021-12-14); Newsway 2021-11-08;"
                      + " KB Maeil 2021-11-15"),
              new PenaltySchedule(
                  "2022-02",
                  LocalDate.of(2022, 2, 9),
                  // visitor: unchanged, 100,000 won each time (KHA news; Ilyo)
                  VISITOR_FINE,
                  List.of(
                      // 1st: 500,000 won and a warning (KHA news; Ilyo); one outlet reported
                      // 1,000,000 won, we follow KHA news and Ilyo
                      new PenaltyRow(1, Money.won(500_000), Sanction.WARNING),
                      // 2nd: 1,000,000 won and 10 days' suspension (KHA news; Ilyo)
                      new PenaltyRow(2, Money.won(1_000_000), DAYS_10),
                      // 3rd: 2,000,000 won and 20 days (KHA news; Ilyo)
                      new PenaltyRow(3, Money.won(2_000_000), DAYS_20),
                      // 4th: 2,000,000 won and 3 months (KHA news; Ilyo)
                      new PenaltyRow(4, Money.won(2_000_000), MONTHS_3),
                      // 5th and beyond: 2,000,000 won and closure (KHA news; Ilyo)
                      new PenaltyRow(5, Money.won(2_000_000), Sanction.CLOSURE)),
                  "KHA news; Ilyo (February 2022)")));

  /** The policy of Korea, 2021-11-01 to 2022-03-01 (domain-rules.md, "Calendar"). */
  public static final PassPolicyTable PASS_POLICY =
      new PassPolicyTable(
          List.of(
              // pass starts: 14 days after the final dose, no expiry, one unvaccinated per group
              new PassPolicy(
                  LocalDate.of(2021, 11, 1),
                  14,
                  null,
                  true,
                  2004,
                  false,
                  "Newsway 2021-11-08; KBS World 2021-12-06"),
              // restaurants/cafés: an unvaccinated person may only dine alone
              new PassPolicy(
                  LocalDate.of(2021, 12, 18),
                  14,
                  null,
                  false,
                  2004,
                  false,
                  "KBS World 2021-12-06; Dongjak-gu notice"),
              // the primary series expires 180 days after it took effect
              new PassPolicy(
                  LocalDate.of(2022, 1, 3), 14, 180, false, 2004, false, "JTBC; KBS World"),
              // pass suspended entirely
              new PassPolicy(
                  LocalDate.of(2022, 3, 1),
                  14,
                  180,
                  false,
                  2004,
                  true,
                  "Kukmin Ilbo; News1 2022-03-01")));
}
