package kr.vaccinepass.portal.grace.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import kr.vaccinepass.portal.audit.application.AuditTrail;
import kr.vaccinepass.portal.audit.domain.AuditFact;
import kr.vaccinepass.portal.audit.domain.AuditKind;
import kr.vaccinepass.portal.grace.domain.DatedPolicy;
import kr.vaccinepass.portal.grace.domain.GraceRepository;
import kr.vaccinepass.portal.grace.domain.PolicyEvent;
import kr.vaccinepass.portal.grace.domain.PolicyEventRepository;
import kr.vaccinepass.portal.grace.domain.PolicyEventRevision;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.domain.SingleLine;
import kr.vaccinepass.portal.shared.domain.TextRules;
import kr.vaccinepass.portal.shared.security.ActorResolver;
import kr.vaccinepass.portal.shared.security.Role;

/**
 * The enforcement calendar, the one store of dated policy: read by every signed-in user, written by
 * administrators. Each change takes the store's next revision; the rules read the store through
 * {@link DatedPolicies}, so a correction applies to the next case, and a case already decided keeps
 * the revision it was judged by.
 */
@ApplicationScoped
@Transactional
@RolesAllowed(Role.ADMIN_NAME)
public class CalendarService {
  @Inject PolicyEventRepository events;
  @Inject ActorResolver actors;
  @Inject Clock clock;
  @Inject AuditTrail audit;
  @Inject GraceRepository places;
  @Inject Event<DatedPolicies.PolicyChanged> changes;

  /** Every policy event, by its first day. */
  @RolesAllowed({Role.OWNER_NAME, Role.INSPECTOR_NAME, Role.ADMIN_NAME})
  public List<PolicyEvent> events() {
    return events.all();
  }

  public PolicyEvent add(
      @Valid PolicyEvent.Content content,
      @Size(max = TextRules.CALENDAR_TEXT, message = "{calendar.note.tooLong}") @SingleLine
          String note) {
    requireKnownTypes(content);
    long revision = events.nextRevision();
    PolicyEvent event =
        events.add(
            PolicyEvent.create(
                content, note, actors.require().accountId(), clock.instant(), revision));
    requireConsistentStore();
    audit.record(AuditFact.change(AuditKind.CALENDAR_ADDED, event.getId(), null).withReason(note));
    changes.fire(new DatedPolicies.PolicyChanged(revision));
    return event;
  }

  /** Changes an event; the note says why and is kept with the revision. */
  public PolicyEvent edit(
      long id,
      @Valid PolicyEvent.Content content,
      @Size(max = TextRules.CALENDAR_TEXT, message = "{calendar.note.tooLong}") @SingleLine
          String note) {
    PolicyEvent event =
        events.find(id).orElseThrow(() -> new NotFoundException("calendar.notFound"));
    requireKnownTypes(content);
    long revision = events.nextRevision();
    event.edit(content, note, actors.require().accountId(), clock.instant(), revision);
    requireConsistentStore();
    audit.record(AuditFact.change(AuditKind.CALENDAR_EDITED, id, null).withReason(note));
    changes.fire(new DatedPolicies.PolicyChanged(revision));
    return event;
  }

  /**
   * The store with the change must still make one policy (two penalty schedules cannot start on one
   * day): else the change is refused and nothing is stored, and the rules never meet a store they
   * cannot read.
   */
  private void requireConsistentStore() {
    try {
      DatedPolicy.of(events.all());
    } catch (IllegalArgumentException e) {
      throw BusinessException.onField("startsOn", "calendar.penalty.sameDay");
    }
  }

  private void requireKnownTypes(PolicyEvent.Content content) {
    if (content != null && content.typeCodes() != null) {
      Set<String> unknown = places.unknownTypes(content.typeCodes());
      if (!unknown.isEmpty()) {
        throw BusinessException.onField(
            "typeCodes", "calendar.types.unknown", String.join(", ", unknown));
      }
    }
  }

  /** Every version of an event, the first one first. */
  public List<PolicyEventRevision> history(long id) {
    return List.copyOf(
        events
            .withRevisions(id)
            .orElseThrow(() -> new NotFoundException("calendar.notFound"))
            .getRevisions());
  }
}
