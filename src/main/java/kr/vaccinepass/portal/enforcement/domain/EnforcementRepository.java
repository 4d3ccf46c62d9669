package kr.vaccinepass.portal.enforcement.domain;

import java.util.List;
import java.util.Optional;

/** Where inspections, violations and fine cases are kept. */
public interface EnforcementRepository {
  Inspection add(Inspection inspection);

  Optional<Inspection> inspection(long id);

  Violation add(Violation violation);

  Optional<Violation> violation(long id);

  /**
   * Serialises the logging of violations at one facility until the transaction ends, so that two
   * inspectors logging at once cannot both be counted "1st".
   */
  void lockFacility(long facilityId);

  /** The facility's operator violations, for the count rule. */
  List<Violation> operatorViolations(long facilityId);

  /** Every violation of one facility, newest first. */
  List<Violation> violationsOfFacility(long facilityId);

  /** The violations of a 시군구, newest first (null: all), a page of them. */
  List<Violation> violations(String sigunguCode, int offset, int size);
}
