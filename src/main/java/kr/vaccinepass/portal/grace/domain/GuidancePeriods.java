package kr.vaccinepass.portal.grace.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The guidance periods (계도기간) in which violations were warned, not fined, by facility type. Until
 * the enforcement calendar (a later feature) makes them data an administrator edits, they are the
 * dated rows of domain-rules.md, here.
 */
public final class GuidancePeriods {
  private static final ZoneId KST = ZoneId.of("Asia/Seoul");

  /**
   * One period: from (inclusive) until (exclusive), KST days, for these types and these causes (all
   * when empty).
   */
  public record Period(
      LocalDate from,
      LocalDate until,
      Set<String> typeCodes,
      Set<ViolationCause> causes,
      String source) {
    public Period {
      typeCodes = Set.copyOf(typeCodes);
      causes = causes.isEmpty() ? Set.of() : Set.copyOf(causes);
    }

    boolean covers(Instant at, String typeCode, ViolationCause cause) {
      LocalDate day = at.atZone(KST).toLocalDate();
      return !day.isBefore(from)
          && day.isBefore(until)
          && (typeCodes.isEmpty() || typeCodes.contains(typeCode))
          && (causes.isEmpty() || causes.contains(cause));
    }
  }

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

  public static final GuidancePeriods STANDARD =
      new GuidancePeriods(
          List.of(
              // 2021-11-01: guidance week, fines from 11-08 (Newsway 2021-11-08)
              new Period(
                  LocalDate.of(2021, 11, 1),
                  LocalDate.of(2021, 11, 8),
                  FIRST_WAVE,
                  Set.of(),
                  "Newsway 2021-11-08"),
              // indoor sports facilities: fines from 11-14 (Newsway 2021-11-08)
              new Period(
                  LocalDate.of(2021, 11, 1),
                  LocalDate.of(2021, 11, 14),
                  Set.of("INDOOR_SPORTS"),
                  Set.of(),
                  "Newsway 2021-11-08"),
              // 11 more types from 2021-12-06, guidance 12-06 – 12-12 (seed news; Metro Seoul)
              new Period(
                  LocalDate.of(2021, 12, 6),
                  LocalDate.of(2021, 12, 13),
                  SECOND_WAVE,
                  Set.of(),
                  "seed news; Metro Seoul"),
              // the 180-day expiry of vaccination passes: a guidance week, fines from 01-10; it
              // covered only passes that had expired, at every covered type (JTBC; KBS World)
              new Period(
                  LocalDate.of(2022, 1, 3),
                  LocalDate.of(2022, 1, 10),
                  Set.of(),
                  Set.of(ViolationCause.PASS_EXPIRED_180_DAYS),
                  "JTBC; KBS World")));

  private final List<Period> periods;

  public GuidancePeriods(List<Period> periods) {
    this.periods = List.copyOf(periods);
  }

  /** Whether a period covers a violation of that cause at that instant and type of facility. */
  public boolean covers(Instant at, String facilityTypeCode, ViolationCause cause) {
    return periods.stream().anyMatch(p -> p.covers(at, facilityTypeCode, cause));
  }

  public List<Period> periods() {
    return periods;
  }
}
