package kr.vaccinepass.portal.grace.domain;

/** What kind of dated policy event a calendar row is (domain-rules.md, "Calendar"). */
public enum PolicyEventKind {
  /** Facility types added to or lifted from the pass. */
  COVERAGE,
  /** A guidance period (계도기간): warned, not fined. */
  GUIDANCE,
  /** Fines start for some types. */
  FINES_START,
  /** A change of who holds a valid pass or of how visits are checked. */
  PASS_RULE,
  /** A court ruling that suspends the pass somewhere. */
  COURT,
  /** A change of the penalty table. */
  PENALTY_CHANGE,
  /** The pass is suspended. */
  PASS_SUSPENDED
}
