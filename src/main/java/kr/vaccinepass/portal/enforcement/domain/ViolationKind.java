package kr.vaccinepass.portal.enforcement.domain;

/** Who broke the pass rule, which decides the penalty (domain-rules.md, "Penalties"). */
public enum ViolationKind {
  /** A visitor at a covered facility without a valid pass: a fine for each violation. */
  VISITOR,
  /** The operator (사업주), for failing to check passes: a fine that grows with the count. */
  OPERATOR
}
