package kr.vaccinepass.portal.enforcement.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.vaccinepass.portal.enforcement.domain.GraceDeclaration;
import kr.vaccinepass.portal.enforcement.domain.GraceKind;
import kr.vaccinepass.portal.enforcement.domain.GraceScope;
import kr.vaccinepass.portal.enforcement.domain.Incident;
import kr.vaccinepass.portal.enforcement.domain.IncidentRepository;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.security.ActorResolver;
import kr.vaccinepass.portal.shared.security.Role;

/**
 * Verification-system incidents: administrators (who also run the check-in service) declare and
 * close them; every signed-in user may ask whether one is open where they are, which switches the
 * door scanner into incident mode.
 */
@ApplicationScoped
@Transactional
@RolesAllowed(Role.ADMIN_NAME)
public class IncidentService {
  @Inject IncidentRepository incidents;
  @Inject GraceService grace;
  @Inject ActorResolver actors;
  @Inject Clock clock;

  public Incident declare(Instant startsAt, GraceScope scope, String note) {
    return incidents.add(
        Incident.declare(
            startsAt,
            scope == null ? GraceScope.NATIONWIDE : scope,
            note,
            actors.require().accountId(),
            clock.instant()));
  }

  /**
   * Closes an incident. With a reason, the same step declares a VERIFICATION_FAILURE grace over its
   * window and regions, which waives the cases its failure prevented from being verified.
   */
  public Closed close(long id, Instant endsAt, String graceReason, String announcementRef) {
    Incident incident =
        incidents.find(id).orElseThrow(() -> new NotFoundException("incident.notFound"));
    incident.close(endsAt, actors.require().accountId(), clock.instant());
    GraceDeclaration declared = null;
    if (graceReason != null && !graceReason.isBlank()) {
      declared =
          grace.declare(
              incident.getStartsAt(),
              incident.getEndsAt(),
              GraceKind.VERIFICATION_FAILURE,
              incident.scope(),
              graceReason,
              announcementRef);
    }
    return new Closed(incident, Optional.ofNullable(declared));
  }

  /** A closed incident and the grace declared with it, if any. */
  public record Closed(Incident incident, Optional<GraceDeclaration> grace) {}

  /** Every incident, the newest first. */
  public List<Incident> incidents() {
    return incidents.all();
  }

  /** The open incident that affects the place now, if any. */
  @RolesAllowed({Role.OWNER_NAME, Role.INSPECTOR_NAME, Role.ADMIN_NAME})
  public Optional<Incident> openAt(String sidoCode, String sigunguCode) {
    Instant now = clock.instant();
    return incidents.open().stream().filter(i -> i.affects(now, sidoCode, sigunguCode)).findFirst();
  }

  /** Whether an incident (open or closed) affected the place at that instant. */
  @RolesAllowed({Role.OWNER_NAME, Role.INSPECTOR_NAME, Role.ADMIN_NAME})
  public Optional<Incident> at(Instant at, String sidoCode, String sigunguCode) {
    return incidents.at(at).stream().filter(i -> i.affects(at, sidoCode, sigunguCode)).findFirst();
  }
}
