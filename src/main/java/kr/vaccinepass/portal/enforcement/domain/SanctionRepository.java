package kr.vaccinepass.portal.enforcement.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Where sanction decisions are kept. */
public interface SanctionRepository {
  SanctionDecision add(SanctionDecision decision);

  Optional<SanctionDecision> ofViolation(long violationId);

  /** Decisions that start, run or have just ended around that day (the facilities to update). */
  List<SanctionDecision> relevantOn(LocalDate day);

  List<SanctionDecision> ofFacility(long facilityId);
}
