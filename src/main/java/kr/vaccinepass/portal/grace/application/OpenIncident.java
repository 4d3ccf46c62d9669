package kr.vaccinepass.portal.grace.application;

import java.io.Serializable;
import java.time.Instant;
import kr.vaccinepass.portal.grace.domain.GraceScope;
import kr.vaccinepass.portal.grace.domain.Incident;

/**
 * An open incident as pages that poll see it (the door scanner's incident mode): immutable, so one
 * copy is shared by every request of a node.
 */
public record OpenIncident(long id, Instant startsAt, String note, GraceScope scope)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  static OpenIncident of(Incident incident) {
    return new OpenIncident(
        incident.getId(), incident.getStartsAt(), incident.getNote(), incident.scope());
  }

  /** Whether verification is down at that instant in that place (the incident is still open). */
  public boolean affects(Instant at, String sidoCode, String sigunguCode) {
    return !at.isBefore(startsAt) && scope.coversRegion(sidoCode, sigunguCode);
  }
}
