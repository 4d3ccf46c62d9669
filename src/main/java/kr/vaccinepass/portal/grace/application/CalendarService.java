package kr.vaccinepass.portal.grace.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import kr.vaccinepass.portal.grace.domain.PolicyEvent;
import kr.vaccinepass.portal.grace.domain.PolicyEventRepository;
import kr.vaccinepass.portal.grace.domain.PolicyEventRevision;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.domain.SingleLine;
import kr.vaccinepass.portal.shared.domain.TextRules;
import kr.vaccinepass.portal.shared.security.ActorResolver;
import kr.vaccinepass.portal.shared.security.Role;

/** The enforcement calendar: read by every signed-in user, written by administrators. */
@ApplicationScoped
@Transactional
@RolesAllowed(Role.ADMIN_NAME)
public class CalendarService {
  @Inject PolicyEventRepository events;
  @Inject ActorResolver actors;
  @Inject Clock clock;

  /** Every policy event, by its first day. */
  @RolesAllowed({Role.OWNER_NAME, Role.INSPECTOR_NAME, Role.ADMIN_NAME})
  public List<PolicyEvent> events() {
    return events.all();
  }

  public PolicyEvent add(
      @Valid PolicyEvent.Content content,
      @Size(max = TextRules.CALENDAR_TEXT, message = "{calendar.note.tooLong}") @SingleLine
          String note) {
    return events.add(
        PolicyEvent.create(content, note, actors.require().accountId(), clock.instant()));
  }

  /** Changes an event; the note says why and is kept with the revision. */
  public PolicyEvent edit(
      long id,
      @Valid PolicyEvent.Content content,
      @Size(max = TextRules.CALENDAR_TEXT, message = "{calendar.note.tooLong}") @SingleLine
          String note) {
    PolicyEvent event =
        events.find(id).orElseThrow(() -> new NotFoundException("calendar.notFound"));
    event.edit(content, note, actors.require().accountId(), clock.instant());
    return event;
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
