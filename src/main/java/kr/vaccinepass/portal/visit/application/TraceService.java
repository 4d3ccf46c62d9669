package kr.vaccinepass.portal.visit.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.vaccinepass.portal.audit.application.AuditTrail;
import kr.vaccinepass.portal.audit.domain.AuditFact;
import kr.vaccinepass.portal.audit.domain.AuditKind;
import kr.vaccinepass.portal.audit.domain.PersonalField;
import kr.vaccinepass.portal.facility.application.FacilityDirectory;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.application.FacilitySnapshot;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.domain.PageRequest;
import kr.vaccinepass.portal.shared.region.Regions;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.ActorResolver;
import kr.vaccinepass.portal.shared.security.Role;
import kr.vaccinepass.portal.visit.domain.HealthAuthority;
import kr.vaccinepass.portal.visit.domain.Trace;
import kr.vaccinepass.portal.visit.domain.TraceFindings;
import kr.vaccinepass.portal.visit.domain.TraceRepository;
import kr.vaccinepass.portal.visit.domain.TraceWindow;
import kr.vaccinepass.portal.visit.domain.TracedVisit;

/**
 * The investigator's trace: the request with its basis (Trace.request decides), then its findings
 * read from the visits each time it is opened or exported, every read written to the audit trail
 * (one entry per facility whose visits were shown, so that its owner sees it). Only the
 * investigator who asked opens a trace; an expired one (D+29) is gone.
 */
@ApplicationScoped
@Transactional
@RolesAllowed(Role.INVESTIGATOR_NAME)
public class TraceService {
  /** What a trace shows of a person: the issuer's holder id, or the contact details in full. */
  private static final PersonalField[] SHOWN = {
    PersonalField.HOLDER_ID,
    PersonalField.VISITOR_NAME,
    PersonalField.VISITOR_PHONE,
    PersonalField.SAFETY_NUMBER
  };

  /** What the contacts' export holds: their details in full, for the health authority itself. */
  private static final PersonalField[] CONTACT_FIELDS = {
    PersonalField.VISITOR_NAME, PersonalField.VISITOR_PHONE, PersonalField.SAFETY_NUMBER
  };

  @Inject TraceRepository traces;
  @Inject FacilityDirectory directory;
  @Inject FacilityService facilities;
  @Inject Regions regions;
  @Inject ActorResolver actors;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /** A trace's findings, with the facilities they name. */
  public record Findings(
      Trace trace,
      Optional<FacilitySnapshot> facility,
      TraceFindings.Visits visits,
      List<TraceFindings.Stop> stops,
      Map<Long, FacilitySnapshot> places) {}

  /** The investigator's health authority. */
  public HealthAuthority authority() {
    Actor me = actors.require();
    String code = me.jurisdictionCode();
    return new HealthAuthority(code, regions.sigungu(code).isEmpty());
  }

  /** Facilities of the whole country matching the text, to choose the one to trace. */
  public List<Facility> facilities(String text) {
    return facilities.traceable(text, 20);
  }

  /** Whether a facility lies outside the investigator's region (a trace then needs a reason). */
  public boolean outsideRegion(long facilityId) {
    return directory
        .find(facilityId)
        .map(f -> !authority().covers(f.sidoCode(), f.sigunguCode()))
        .orElse(false);
  }

  /** Records the request (refused as {@link Trace#request} refuses); nothing is read yet. */
  public Trace request(@NotNull Trace.Request request) {
    Actor me = actors.require();
    Trace.Place place =
        request.facilityId() == null
            ? null
            : directory
                .find(request.facilityId())
                .map(f -> new Trace.Place(f.sidoCode(), f.sigunguCode()))
                .orElse(null);
    Trace trace =
        traces.add(Trace.request(me, authority(), request, place, clock.instant(), firstKept()));
    audit.record(
        AuditFact.change(AuditKind.TRACE_REQUESTED, trace.getId(), trace.getFacilityId())
            .withDetail(trace.isOutOfRegion() ? "OUT_OF_REGION" : trace.getBasis().name())
            .withReason(trace.getReason()));
    return trace;
  }

  /** Opens a trace: its findings read now, the read recorded. */
  public Findings open(long traceId) {
    Findings findings = findings(own(traceId));
    record(AuditKind.TRACE_VIEWED, findings, SHOWN);
    return findings;
  }

  /**
   * The visits of one issuer (to send to that issuer, who alone can tell the holders' names), or
   * with {@code issuerCode} null the contacts (calls, handwritten, door checks); the export is
   * recorded.
   */
  public Findings export(long traceId, String issuerCode) {
    Findings findings = findings(own(traceId));
    record(
        AuditKind.TRACE_EXPORTED,
        findings,
        issuerCode == null ? CONTACT_FIELDS : new PersonalField[] {PersonalField.HOLDER_ID});
    return findings;
  }

  /** The investigator's own traces, newest first. */
  public List<Trace> mine(@NotNull PageRequest page) {
    return traces.ofInvestigator(actors.require().accountId(), page);
  }

  public long countMine() {
    return traces.countOfInvestigator(actors.require().accountId());
  }

  /** A facility as the trace pages name it. */
  public Optional<FacilitySnapshot> facility(long facilityId) {
    return directory.find(facilityId);
  }

  public Instant now() {
    return clock.instant();
  }

  private Trace own(long traceId) {
    Actor me = actors.require();
    Trace trace =
        traces
            .find(traceId)
            .filter(t -> t.isOf(me))
            .orElseThrow(() -> new NotFoundException("trace.notFound"));
    if (trace.isExpiredAt(clock.instant())) {
      throw new NotFoundException("trace.notFound");
    }
    return trace;
  }

  private Findings findings(Trace trace) {
    TraceWindow window = trace.window();
    Map<Long, FacilitySnapshot> places = new LinkedHashMap<>();
    if (trace.isOfFacility()) {
      List<TracedVisit> visits = traces.visitsAt(trace.getFacilityId(), window);
      Optional<FacilitySnapshot> facility = directory.find(trace.getFacilityId());
      facility.ifPresent(f -> places.put(f.id(), f));
      return new Findings(trace, facility, TraceFindings.split(visits), List.of(), places);
    }
    List<TracedVisit> own = traces.visitsOf(trace.getIssuerCode(), trace.getHolderId(), window);
    List<TracedVisit> around =
        traces.aroundVisitsOf(trace.getIssuerCode(), trace.getHolderId(), window);
    List<TraceFindings.Stop> stops =
        TraceFindings.stops(own, around, trace.getIssuerCode(), trace.getHolderId());
    for (TraceFindings.Stop stop : stops) {
      directory.find(stop.facilityId()).ifPresent(f -> places.put(f.id(), f));
    }
    return new Findings(
        trace, Optional.empty(), TraceFindings.split(List.of()), List.copyOf(stops), places);
  }

  private void record(AuditKind kind, Findings findings, PersonalField[] fields) {
    Trace trace = findings.trace();
    Set<Long> facilityIds = new LinkedHashSet<>();
    if (trace.isOfFacility()) {
      facilityIds.add(trace.getFacilityId());
    } else {
      findings.stops().forEach(s -> facilityIds.add(s.facilityId()));
    }
    List<Long> each = new ArrayList<>(facilityIds);
    if (each.isEmpty()) {
      audit.record(AuditFact.read(kind, trace.getId(), null, fields));
    }
    for (Long facilityId : each) {
      audit.record(AuditFact.read(kind, trace.getId(), facilityId, fields));
    }
  }

  private Instant firstKept() {
    return clock
        .instant()
        .atZone(Kst.ZONE)
        .toLocalDate()
        .minusDays(VisitRecordService.RETENTION_DAYS)
        .atStartOfDay(Kst.ZONE)
        .toInstant();
  }
}
