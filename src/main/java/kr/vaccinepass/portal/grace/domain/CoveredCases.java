package kr.vaccinepass.portal.grace.domain;

/**
 * How many cases a declaration would cover and waive, for its preview: the cases are enforcement's,
 * which implements this port (in the database, by the violation's time, cause, 시군구 with its 시도 and
 * facility type, never by loading every case).
 */
public interface CoveredCases {
  /** How many cases, not cancelled, the declaration covers, whether it holds them yet or not. */
  long countCovered(GraceDeclaration declaration);

  /**
   * How many cases, not cancelled and not waived yet, the declaration covers: those it would waive
   * now (the others it covers are waived by another declaration already, and only held).
   */
  long countToWaive(GraceDeclaration declaration);
}
