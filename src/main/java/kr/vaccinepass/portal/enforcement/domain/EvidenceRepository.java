package kr.vaccinepass.portal.enforcement.domain;

import java.util.List;
import java.util.Optional;

/** Where evidence photos are kept. */
public interface EvidenceRepository {
  Evidence add(Evidence evidence);

  Optional<Evidence> find(long id);

  /** The photos of a violation, oldest first, without their bytes. */
  List<EvidenceSummary> ofViolation(long violationId);

  boolean exists(long violationId, String sha256);
}
