package kr.vaccinepass.portal.grace.domain;

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
}
