package kr.vaccinepass.portal.grace.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import kr.vaccinepass.portal.shared.domain.Kst;

/**
 * The guidance periods (계도기간) in which violations were warned, not fined, by facility type and
 * cause: the GUIDANCE events of the enforcement calendar ({@link PolicyEvent#guidancePeriod()}),
 * which an administrator edits; seeded from domain-rules.md (V11, V22).
 */
public final class GuidancePeriods {

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
      LocalDate day = at.atZone(Kst.ZONE).toLocalDate();
      return !day.isBefore(from)
          && day.isBefore(until)
          && (typeCodes.isEmpty() || typeCodes.contains(typeCode))
          && (causes.isEmpty() || causes.contains(cause));
    }
  }

  private final List<Period> periods;

  public GuidancePeriods(List<Period> periods) {
    this.periods = List.copyOf(periods);
  }

  /** Whether a period covers a violation of that cause at that instant and type of facility. */
  public boolean covers(Instant at, String facilityTypeCode, ViolationCause cause) {
    return periods.stream().anyMatch(p -> p.covers(at, facilityTypeCode, cause));
  }

  /** Whether a period covers that Korean day for some type or cause. */
  public boolean anyOn(LocalDate day) {
    return periods.stream().anyMatch(p -> !day.isBefore(p.from()) && day.isBefore(p.until()));
  }

  public List<Period> periods() {
    return periods;
  }
}
