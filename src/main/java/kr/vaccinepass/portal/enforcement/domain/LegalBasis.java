package kr.vaccinepass.portal.enforcement.domain;

/**
 * The statute a vaccine-pass fine rests on, as a notice cites it: the duty (방역지침 준수 명령), the fine,
 * and the enforcement decree's table of amounts (domain-rules.md, Penalties).
 */
public final class LegalBasis {
  private LegalBasis() {}

  // 감염병의 예방 및 관리에 관한 법률 제49조 제1항 제2호의2: the order to keep the measures (방역지침) at
  // a facility, binding its operators and its users alike; 제83조: the fine for not keeping them;
  // the enforcement decree's table of fines (과태료의 부과기준): cited without its article and annex
  // numbers, which no source at hand confirms. The screens cite the same (penalty.basis, bundles).
  private static final String DUTY = "감염병의 예방 및 관리에 관한 법률 제49조 제1항 제2호의2 (방역지침 준수)";
  private static final String FINE = "같은 법 제83조 (과태료)";
  private static final String TABLE = "같은 법 시행령 별표 (과태료의 부과기준)";

  /** The articles, in the order a notice cites them (the same for operators and visitors). */
  public static String citation() {
    return DUTY + ", " + FINE + ", " + TABLE;
  }

  /** What the party did, in the words of a notice. */
  public static String offence(ViolationKind kind) {
    return kind == ViolationKind.OPERATOR ? "방역패스 확인 의무 위반 (시설 운영자)" : "방역패스 없이 다중이용시설 이용 (이용자)";
  }
}
