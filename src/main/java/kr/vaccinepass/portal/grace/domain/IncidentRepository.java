package kr.vaccinepass.portal.grace.domain;

import java.util.List;
import java.util.Optional;

/** Where verification-system incidents are kept. */
public interface IncidentRepository {
  Incident add(Incident incident);

  Optional<Incident> find(long id);

  /** Every incident: the open ones first, then the newest first. */
  List<Incident> all();

  /** The incidents not yet closed. */
  List<Incident> open();

  /** The incidents (open or closed) whose window holds that instant, in any region. */
  List<Incident> at(java.time.Instant at);
}
