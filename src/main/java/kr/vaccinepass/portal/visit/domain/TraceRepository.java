package kr.vaccinepass.portal.visit.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.vaccinepass.portal.shared.domain.PageRequest;

/** Trace requests, and the visits they read. */
public interface TraceRepository {
  Trace add(Trace trace);

  Optional<Trace> find(long id);

  /** An investigator's own traces, newest first. */
  List<Trace> ofInvestigator(long investigatorId, PageRequest page);

  long countOfInvestigator(long investigatorId);

  /** The traces of facilities outside their investigator's region, newest first. */
  List<Trace> outOfRegion(PageRequest page);

  long countOutOfRegion();

  /** The visits at a facility in the window, decrypted. */
  List<TracedVisit> visitsAt(long facilityId, TraceWindow window);

  /** A holder's own visits in the window. */
  List<TracedVisit> visitsOf(String issuerCode, String holderId, TraceWindow window);

  /**
   * Every visit within one {@link TraceWindow#STAY} of any of the holder's visits in the window, at
   * the same facility (the holder's own among them), decrypted.
   */
  List<TracedVisit> aroundVisitsOf(String issuerCode, String holderId, TraceWindow window);

  /** Destroys the traces made before this instant; how many. */
  int deleteCreatedBefore(Instant cutoff);
}
