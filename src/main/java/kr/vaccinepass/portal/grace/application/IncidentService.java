package kr.vaccinepass.portal.grace.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.vaccinepass.portal.audit.application.AuditTrail;
import kr.vaccinepass.portal.audit.domain.AuditFact;
import kr.vaccinepass.portal.audit.domain.AuditKind;
import kr.vaccinepass.portal.grace.domain.GraceDeclaration;
import kr.vaccinepass.portal.grace.domain.GraceKind;
import kr.vaccinepass.portal.grace.domain.GraceRepository;
import kr.vaccinepass.portal.grace.domain.GraceScope;
import kr.vaccinepass.portal.grace.domain.Incident;
import kr.vaccinepass.portal.grace.domain.IncidentRepository;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.domain.PlainText;
import kr.vaccinepass.portal.shared.domain.SingleLine;
import kr.vaccinepass.portal.shared.domain.TextRules;
import kr.vaccinepass.portal.shared.security.ActorResolver;
import kr.vaccinepass.portal.shared.security.Role;

/**
 * Verification-system incidents: administrators (who also run the check-in service) declare and
 * close them; every signed-in user may ask whether one is open where they are, which switches the
 * door scanner into incident mode. Pages that ask often read the open incidents from memory ({@link
 * #openAtCached}); what records a visit reads the database ({@link #openAt}).
 */
@ApplicationScoped
@Transactional
@RolesAllowed(Role.ADMIN_NAME)
public class IncidentService {
  @Inject IncidentRepository incidents;
  @Inject OpenIncidents open;
  @Inject GraceRepository regions;
  @Inject GraceService grace;
  @Inject ActorResolver actors;
  @Inject Clock clock;
  @Inject AuditTrail audit;
  @Inject Event<IncidentChanged> changed;

  /**
   * Declares an incident from {@code startsAt} (now or earlier) in the scope's regions ({@link
   * GraceScope#NATIONWIDE}: the whole country; null: no place chosen, refused with the form's other
   * refusals); door scanners there switch to incident mode.
   */
  public Incident declare(
      Instant startsAt,
      GraceScope scope,
      @Size(max = TextRules.INCIDENT_NOTE, message = "{incident.noteTooLong}") @PlainText
          String note) {
    if (scope != null) {
      requireNone(regions.unknownSido(scope.sidoCodes()), "sidoCodes", "grace.scope.unknownSido");
      requireNone(
          regions.unknownSigungu(scope.sigunguCodes()),
          "sigunguCodes",
          "grace.scope.unknownSigungu");
    }
    Incident incident =
        incidents.add(
            Incident.declare(startsAt, scope, note, actors.require().accountId(), clock.instant()));
    audit.record(AuditFact.change(AuditKind.INCIDENT_DECLARED, incident.getId(), null));
    changed.fire(new IncidentChanged(incident.getId()));
    return incident;
  }

  /**
   * Closes an incident. With a reason, the same step declares a VERIFICATION_FAILURE grace over its
   * window and regions, which waives the cases its failure prevented from being verified.
   */
  public Closed close(
      long id,
      Instant endsAt,
      @Size(max = TextRules.GRACE_TEXT, message = "{grace.reason.tooLong}") @PlainText
          String reason,
      @Size(max = TextRules.GRACE_TEXT, message = "{grace.announcementRef.tooLong}") @SingleLine
          String announcementRef) {
    Incident incident =
        incidents.find(id).orElseThrow(() -> new NotFoundException("incident.notFound"));
    incident.close(endsAt, actors.require().accountId(), clock.instant());
    audit.record(AuditFact.change(AuditKind.INCIDENT_CLOSED, id, null));
    changed.fire(new IncidentChanged(id));
    GraceDeclaration declared = null;
    if (reason != null && !reason.isBlank()) {
      declared =
          grace.declare(
              incident.getStartsAt(),
              incident.getEndsAt(),
              GraceKind.VERIFICATION_FAILURE,
              incident.scope(),
              reason,
              announcementRef);
    }
    return new Closed(incident, Optional.ofNullable(declared));
  }

  /**
   * What {@link #close} with a reason would declare, as a dry run for the confirmation: the
   * VERIFICATION_FAILURE grace over the incident's window and regions, and the cases it would waive
   * now. Refused as {@code close} would refuse (the end, the reason, the announcement reference);
   * nothing is written.
   */
  public GracePreview previewClose(
      long id,
      Instant endsAt,
      @Size(max = TextRules.GRACE_TEXT, message = "{grace.reason.tooLong}") @PlainText
          String reason,
      @Size(max = TextRules.GRACE_TEXT, message = "{grace.announcementRef.tooLong}") @SingleLine
          String announcementRef) {
    Incident incident =
        incidents.find(id).orElseThrow(() -> new NotFoundException("incident.notFound"));
    Instant end = incident.endIfClosedAt(endsAt, clock.instant());
    return grace.preview(
        incident.getStartsAt(),
        end,
        GraceKind.VERIFICATION_FAILURE,
        incident.scope(),
        reason,
        announcementRef);
  }

  /** A closed incident and the grace declared with it, if any. */
  public record Closed(Incident incident, Optional<GraceDeclaration> grace) {}

  /** Every incident: the open ones first, then the newest first. */
  public List<Incident> incidents() {
    return incidents.all();
  }

  /** The portal's "now" (the forms' defaults). */
  public Instant now() {
    return clock.instant();
  }

  /** The open incident that affects the place now, if any, read from the database. */
  @RolesAllowed({Role.OWNER_NAME, Role.INSPECTOR_NAME, Role.ADMIN_NAME})
  public Optional<Incident> openAt(String sidoCode, String sigunguCode) {
    Instant now = clock.instant();
    return incidents.open().stream().filter(i -> i.affects(now, sidoCode, sigunguCode)).findFirst();
  }

  /**
   * As {@link #openAt}, from the open incidents kept in memory: at once up to date with what this
   * node declared or closed, at most 10 seconds late with what another node did. For pages that ask
   * every few seconds (the door scanner); no transaction, and no database read most of the time.
   */
  @RolesAllowed({Role.OWNER_NAME, Role.INSPECTOR_NAME, Role.ADMIN_NAME})
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<OpenIncident> openAtCached(String sidoCode, String sigunguCode) {
    Instant now = clock.instant();
    return open.current().stream().filter(i -> i.affects(now, sidoCode, sigunguCode)).findFirst();
  }

  /** Whether an incident (open or closed) affected the place at that instant. */
  @RolesAllowed({Role.OWNER_NAME, Role.INSPECTOR_NAME, Role.ADMIN_NAME})
  public Optional<Incident> at(Instant at, String sidoCode, String sigunguCode) {
    return incidents.at(at).stream().filter(i -> i.affects(at, sidoCode, sigunguCode)).findFirst();
  }

  private static void requireNone(Set<String> unknown, String field, String key) {
    if (!unknown.isEmpty()) {
      throw BusinessException.onField(field, key, String.join(", ", unknown));
    }
  }
}
