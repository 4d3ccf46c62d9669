package kr.vaccinepass.portal.grace.domain;

/**
 * Why the pass was not in order, as the inspector found it. Guidance periods and grace declarations
 * may cover only some causes: the guidance week of 2022-01-03 – 01-09 covered expired passes only,
 * the waiver of 2021-12-14 only what the system failure prevented (domain-rules.md, "Calendar").
 */
public enum ViolationCause {
  /** No valid pass: none shown, or one that was not valid for another reason. */
  NO_VALID_PASS,
  /** A vaccination pass past its 180-day expiry (the rule of 2022-01-03), without a booster. */
  PASS_EXPIRED_180_DAYS,
  /** The pass could not be verified because the verification system was down. */
  VERIFICATION_SYSTEM_DOWN
}
