package kr.vaccinepass.portal.visit.domain;

import kr.vaccinepass.portal.facility.domain.FacilityStatus;
import kr.vaccinepass.portal.pass.domain.PassOutcome;
import kr.vaccinepass.portal.pass.domain.TokenProblem;

/**
 * Every answer of a check-in, each with its HTTP status for the device API (docs/checkin.md). Two
 * admit the visitor; every other is a distinct reason for refusal.
 */
public enum CheckinCode {
  PASS(201, true),
  EXEMPT(201, true),
  MALFORMED(400, false),
  UNKNOWN_ISSUER(422, false),
  REVOKED_KEY(422, false),
  KEY_NOT_VALID(422, false),
  BAD_SIGNATURE(422, false),
  EXPIRED(422, false),
  NOT_YET_VALID(422, false),
  REPLAYED(409, false),
  FACILITY_NOT_FOUND(404, false),
  FACILITY_SUSPENDED(409, false),
  FACILITY_CLOSED(409, false),
  NO_PASS(422, false);

  private final int httpStatus;
  private final boolean admitted;

  CheckinCode(int httpStatus, boolean admitted) {
    this.httpStatus = httpStatus;
    this.admitted = admitted;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public boolean admitted() {
    return admitted;
  }

  public static CheckinCode of(TokenProblem problem) {
    return valueOf(problem.name());
  }

  /**
   * The answer to a visitor at a facility that refuses entry ({@link FacilityStatus#refusesEntry}).
   */
  public static CheckinCode refusedBy(FacilityStatus status) {
    return switch (status) {
      case SUSPENDED -> FACILITY_SUSPENDED;
      case CLOSED -> FACILITY_CLOSED;
      case ACTIVE -> throw new IllegalArgumentException("an active facility refuses no one");
    };
  }

  public static CheckinCode of(PassOutcome outcome) {
    return switch (outcome) {
      case PASS -> PASS;
      case EXEMPT -> EXEMPT;
      case NO_PASS -> NO_PASS;
    };
  }
}
