package kr.vaccinepass.portal.enforcement.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What a grace declaration looks at in a case: when it happened, where (the 시군구 of the case and its
 * 시도), at which type of facility, and why the pass was not in order.
 */
public record CaseFacts(
    Instant occurredAt,
    String sidoCode,
    String sigunguCode,
    String facilityTypeCode,
    ViolationCause cause) {
  public CaseFacts {
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(sidoCode, "sidoCode");
    Objects.requireNonNull(sigunguCode, "sigunguCode");
    Objects.requireNonNull(facilityTypeCode, "facilityTypeCode");
    Objects.requireNonNull(cause, "cause");
  }

  /** The facts of a logged violation, with the 시도 of its 시군구 and its facility's type. */
  public static CaseFacts of(Violation violation, String sidoCode, String facilityTypeCode) {
    return new CaseFacts(
        violation.getOccurredAt(),
        sidoCode,
        violation.getSigunguCode(),
        facilityTypeCode,
        violation.getCause());
  }
}
