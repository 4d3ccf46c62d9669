package kr.vaccinepass.portal.pass.domain;

/**
 * Why a person is exempt from the pass by certificate (domain-rules.md, "Who holds a valid pass").
 */
public enum ExemptionKind {
  /** 완치자: holds an isolation-release certificate. */
  RECOVERED,
  /** 의학적 사유 접종예외: serious reaction, severe allergy, immunodeficiency or chemotherapy. */
  MEDICAL
}
