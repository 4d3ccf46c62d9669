package kr.vaccinepass.portal.enforcement.domain;

import java.util.List;
import java.util.Optional;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.domain.PageRequest;
import kr.vaccinepass.portal.shared.security.Actor;

/** Where inspections, violations and fine cases are kept. */
public interface EnforcementRepository {
  Inspection add(Inspection inspection);

  Optional<Inspection> inspection(long id);

  Violation add(Violation violation);

  /** One violation with its fine case and inspection, ready to be shown. */
  Optional<Violation> violation(long id);

  /**
   * A violation of the inspector's own 시군구; one elsewhere is refused exactly like one that does not
   * exist, so that its existence is not revealed.
   */
  default Violation violationIn(Actor inspector, long id) {
    Violation violation =
        violation(id).orElseThrow(() -> new NotFoundException("enforcement.outsideJurisdiction"));
    Inspection.requireJurisdiction(inspector, violation.getSigunguCode());
    return violation;
  }

  /**
   * Serialises the logging of violations at one facility until the transaction ends, so that two
   * inspectors logging at once cannot both be counted "1st".
   */
  void lockFacility(long facilityId);

  /** The facility's operator violations, for the count rule. */
  List<Violation> operatorViolations(long facilityId);

  /** Every violation of one facility, newest first. */
  List<Violation> violationsOfFacility(long facilityId);

  /**
   * The violations of one facility that a 시군구 logged, newest first: a case stays with the
   * jurisdiction that logged it, wherever the facility is now.
   */
  List<Violation> violationsOfFacility(long facilityId, String sigunguCode);

  /** The violations of a 시군구, newest first (null: all), a page of them. */
  List<Violation> violations(String sigunguCode, int offset, int size);

  /**
   * The inspections a 시군구 made at one facility, newest first: inspections and their notes stay with
   * the jurisdiction that made them.
   */
  List<Inspection> inspectionsOfFacility(long facilityId, String sigunguCode);

  /**
   * A page of the violations of one 시군구 (never null: the jurisdiction is part of every query),
   * filtered, sorted by a field of the list (occurredAt, kind, fine, state; else newest first).
   */
  List<Violation> violations(String sigunguCode, ViolationFilter filter, PageRequest page);

  long countViolations(String sigunguCode, ViolationFilter filter);

  /** The filtered violations of one 시군구 in groups for {@link FineTotals#of}. */
  List<FineTotals.Group> fineGroups(String sigunguCode, ViolationFilter filter);
}
