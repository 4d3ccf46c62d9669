package kr.vaccinepass.portal.visit.domain;

import java.time.LocalDate;

/** What an owner narrows the visit records to; null means any. Hours are 0-23 KST. */
public record VisitFilter(LocalDate day, Integer hour, VisitMethod method, VisitOutcome outcome) {
  public static VisitFilter none() {
    return new VisitFilter(null, null, null, null);
  }
}
