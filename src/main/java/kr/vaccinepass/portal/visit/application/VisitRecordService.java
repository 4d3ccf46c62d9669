package kr.vaccinepass.portal.visit.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.vaccinepass.portal.audit.application.AuditTrail;
import kr.vaccinepass.portal.audit.domain.AuditFact;
import kr.vaccinepass.portal.audit.domain.AuditKind;
import kr.vaccinepass.portal.audit.domain.PersonalField;
import kr.vaccinepass.portal.facility.application.FacilityDirectory;
import kr.vaccinepass.portal.facility.application.FacilitySnapshot;
import kr.vaccinepass.portal.grace.application.IncidentService;
import kr.vaccinepass.portal.pass.application.DoorSnapshots;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.domain.Page;
import kr.vaccinepass.portal.shared.domain.PageRequest;
import kr.vaccinepass.portal.shared.domain.SingleLine;
import kr.vaccinepass.portal.shared.domain.TextRules;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.ActorResolver;
import kr.vaccinepass.portal.shared.security.Role;
import kr.vaccinepass.portal.visit.domain.CheckMethod;
import kr.vaccinepass.portal.visit.domain.CheckinCode;
import kr.vaccinepass.portal.visit.domain.DeviceKey;
import kr.vaccinepass.portal.visit.domain.DoorState;
import kr.vaccinepass.portal.visit.domain.Visit;
import kr.vaccinepass.portal.visit.domain.VisitFilter;
import kr.vaccinepass.portal.visit.domain.VisitMethod;
import kr.vaccinepass.portal.visit.domain.VisitRepository;

/**
 * The owner's side of visits: the records of the last 28 days, today's check-ins per hour,
 * handwritten entries, how an unverified visit was checked, visitors checked at the door during a
 * verification-system incident, and the door devices' keys. Always the signed-in owner's own
 * facilities; another's answers "not found". Incidents are enforcement's, asked through its
 * service.
 */
@ApplicationScoped
@Transactional
@RolesAllowed(Role.OWNER_NAME)
public class VisitRecordService {
  /** Visit records are kept four weeks (KI-PASS privacy model, Aju News 2020-07-01). */
  public static final int RETENTION_DAYS = 28;

  @Inject VisitRepository visits;
  @Inject FacilityDirectory directory;
  @Inject ActorResolver actors;
  @Inject Clock clock;
  @Inject Event<DeviceKeys.Revoked> revoked;
  @Inject IncidentService incidents;
  @Inject AuditTrail audit;

  /** What the records page and its exports show of a person: masked, never in full. */
  private static final PersonalField[] SHOWN = {
    PersonalField.VISITOR_NAME_MASKED,
    PersonalField.VISITOR_PHONE_MASKED,
    PersonalField.SAFETY_NUMBER_MASKED
  };

  /** What a handwritten entry recorded, and whether the facility's type needs the pass now. */
  public record Handwritten(Visit visit, boolean passRequired) {}

  /** The door check recorded, and how many the facility has recorded today. */
  public record DoorCheck(Visit visit, long today) {}

  /** The incident that puts the facility's door scanner in incident mode. */
  public record IncidentMode(long incidentId, String note, Instant since) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  public Page<Visit> page(long facilityId, VisitFilter filter, PageRequest page) {
    own(facilityId);
    VisitFilter f = withDay(filter);
    Instant since = since();
    audit.record(AuditFact.read(AuditKind.VISITS_VIEWED, facilityId, facilityId, SHOWN));
    return new Page<>(visits.list(facilityId, since, f, page), visits.count(facilityId, since, f));
  }

  /** How many rows the filter selects: a count shows nobody, so it is not a read of the trail. */
  public long count(long facilityId, VisitFilter filter) {
    own(facilityId);
    return visits.count(facilityId, since(), withDay(filter));
  }

  /** Every row the filter selects (for the export), newest first as on screen, at most 28 days. */
  public List<Visit> all(long facilityId, VisitFilter filter) {
    own(facilityId);
    VisitFilter f = withDay(filter);
    Instant since = since();
    audit.record(AuditFact.read(AuditKind.VISITS_EXPORTED, facilityId, facilityId, SHOWN));
    List<Visit> rows = new ArrayList<>();
    for (int offset = 0; ; offset += PageRequest.MAX_SIZE) {
      List<Visit> page =
          visits.list(
              facilityId,
              since,
              f,
              new PageRequest(offset, PageRequest.MAX_SIZE, "visitedAt", false));
      rows.addAll(page);
      if (page.size() < PageRequest.MAX_SIZE) {
        return rows;
      }
    }
  }

  /** Check-ins per hour (0-23 KST) of the facility today. */
  public long[] todayPerHour(long facilityId) {
    own(facilityId);
    return visits.perHour(facilityId, today());
  }

  /** Check-ins refused at the facility today (counted without personal data; up to 5 s late). */
  public long todayRefusals(long facilityId) {
    own(facilityId);
    return visits.denials(today(), facilityId);
  }

  public Handwritten addHandwritten(long facilityId, @NotNull @Valid HandwrittenEntry entry) {
    Actor owner = actors.require();
    FacilitySnapshot facility = own(facilityId);
    Instant now = clock.instant();
    Visit visit =
        visits.add(
            Visit.handwritten(
                facilityId,
                now,
                entry.getName(),
                entry.getPhone(),
                entry.getSafetyNumber(),
                owner.accountId()));
    // from 2021-12-13 a handwritten log is no proof of the pass at covered types (K-health, KMCN)
    return new Handwritten(visit, facility.type().isCoveredAt(now));
  }

  /**
   * The owner states how they checked an unverified visit's pass; asking counts only when an
   * incident affected the facility's place at the time of the visit.
   */
  public Visit recordCheck(long visitId, @NotNull CheckMethod how) {
    Actor owner = actors.require();
    Visit visit =
        visits
            .find(visitId)
            .filter(v -> isOwn(v.getFacilityId(), owner))
            .orElseThrow(() -> new NotFoundException("visit.notFound"));
    FacilitySnapshot facility =
        directory
            .find(visit.getFacilityId())
            .orElseThrow(() -> new NotFoundException("visit.notFound"));
    boolean incident =
        incidents.at(visit.getVisitedAt(), facility.sidoCode(), facility.sigunguCode()).isPresent();
    visit.recordCheck(how, owner.accountId(), incident);
    return visit;
  }

  /**
   * A visitor checked at the door another way (asked, shown a paper or SMS certificate) while an
   * incident is open where the facility is: recorded without personal data as "unverified: system
   * down" with how they were checked (불가항력, Etoday December 2021). Refused when no incident is open
   * there now, and at a suspended or closed facility (as at the QR check-in).
   */
  public DoorCheck recordDoorCheck(
      long facilityId, @NotNull(message = "{visit.checkMethod.required}") CheckMethod how) {
    Actor owner = actors.require();
    FacilitySnapshot facility = own(facilityId);
    if (facility.status().refusesEntry()) {
      throw BusinessException.of(
          "scanner.result." + CheckinCode.refusedBy(facility.status()).name());
    }
    long incidentId =
        incidents
            .openAt(facility.sidoCode(), facility.sigunguCode())
            .orElseThrow(() -> BusinessException.of("visit.doorCheck.noIncident"))
            .getId();
    Visit visit =
        visits.add(
            Visit.doorCheck(facilityId, clock.instant(), how, incidentId, owner.accountId()));
    return new DoorCheck(visit, countDoorChecksToday(facilityId));
  }

  /**
   * The incident open now where the facility is, if any: from memory, no transaction, so a door
   * scanner may ask every 30 seconds.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<IncidentMode> incidentMode(long facilityId) {
    FacilitySnapshot facility = own(facilityId);
    return incidents
        .openAtCached(facility.sidoCode(), facility.sigunguCode())
        .map(i -> new IncidentMode(i.id(), i.note(), i.startsAt()));
  }

  /** Visitors checked at the door during an incident at the facility today. */
  public long doorChecksToday(long facilityId) {
    own(facilityId);
    return countDoorChecksToday(facilityId);
  }

  private long countDoorChecksToday(long facilityId) {
    return visits.count(
        facilityId,
        today().atStartOfDay(Kst.ZONE).toInstant(),
        new VisitFilter(null, null, VisitMethod.DOOR_CHECK, null));
  }

  public DeviceKey.Issued createDeviceKey(
      long facilityId,
      @Size(max = TextRules.DEVICE_LABEL, message = "{device.label.tooLong}") @SingleLine
          String label) {
    own(facilityId);
    DeviceKey.Issued issued =
        DeviceKey.issue(facilityId, label, actors.require().accountId(), clock.instant());
    visits.add(issued.key());
    audit.record(AuditFact.change(AuditKind.DEVICE_PAIRED, issued.key().getId(), facilityId));
    return issued;
  }

  public List<DeviceKey> deviceKeys(long facilityId) {
    own(facilityId);
    return visits.deviceKeys(facilityId);
  }

  /**
   * The facility's device keys, newest first, each with its door's state now (docs/door.md, "Door
   * state"): only the owner's own facility, another's is "not found".
   */
  public List<PairedDoor> doors(long facilityId) {
    own(facilityId);
    Instant now = clock.instant();
    Duration freshness = DoorSnapshots.freshness();
    Map<Long, DoorState> states = visits.doorStates(facilityId);
    List<PairedDoor> doors = new ArrayList<>();
    for (DeviceKey key : visits.deviceKeys(facilityId)) {
      DoorState state = states.get(key.getId());
      doors.add(
          state == null
              ? new PairedDoor(
                  key, null, DoorState.Presence.IDLE, null, DoorState.SnapshotFreshness.NONE, null)
              : new PairedDoor(
                  key,
                  state,
                  state.presenceAt(now),
                  state.modeAt(now),
                  state.snapshotAt(now, freshness),
                  state.snapshotAge(now).orElse(null)));
    }
    return doors;
  }

  public void revokeDeviceKey(long keyId) {
    Actor owner = actors.require();
    DeviceKey key =
        visits
            .findDeviceKey(keyId)
            .filter(k -> isOwn(k.getFacilityId(), owner))
            .orElseThrow(() -> new NotFoundException("device.notFound"));
    key.revoke(owner.accountId(), clock.instant());
    audit.record(AuditFact.change(AuditKind.DEVICE_REVOKED, keyId, key.getFacilityId()));
    revoked.fire(new DeviceKeys.Revoked(key.getSecretHash()));
  }

  /** The first instant whose visits are still kept. */
  public Instant since() {
    return today().minusDays(RETENTION_DAYS).atStartOfDay(Kst.ZONE).toInstant();
  }

  public LocalDate today() {
    return clock.instant().atZone(Kst.ZONE).toLocalDate();
  }

  private VisitFilter withDay(VisitFilter filter) {
    if (filter == null) {
      return VisitFilter.none();
    }
    if (filter.hour() != null && (filter.hour() < 0 || filter.hour() > 23)) {
      throw BusinessException.onField("hour", "visit.hour.invalid");
    }
    // an hour without a day means that hour today
    return filter.hour() != null && filter.day() == null
        ? new VisitFilter(today(), filter.hour(), filter.method(), filter.outcome())
        : filter;
  }

  private FacilitySnapshot own(long facilityId) {
    Actor owner = actors.require();
    return directory
        .find(facilityId)
        .filter(f -> f.ownerId() == owner.accountId())
        .orElseThrow(() -> new NotFoundException("facility.notFound"));
  }

  private boolean isOwn(long facilityId, Actor owner) {
    return directory.find(facilityId).map(f -> f.ownerId() == owner.accountId()).orElse(false);
  }
}
