package kr.vaccinepass.portal.grace.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import kr.vaccinepass.portal.grace.application.CalendarService;
import kr.vaccinepass.portal.grace.application.GraceService;
import kr.vaccinepass.portal.grace.application.IncidentService;
import kr.vaccinepass.portal.grace.domain.GraceDeclaration;
import kr.vaccinepass.portal.grace.domain.Incident;
import kr.vaccinepass.portal.grace.domain.PolicyEvent;
import kr.vaccinepass.portal.grace.domain.PolicyEventKind;
import kr.vaccinepass.portal.grace.domain.PolicyEventRevision;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.infrastructure.ClockProducer;
import kr.vaccinepass.portal.shared.web.LocaleBacking;
import kr.vaccinepass.portal.shared.web.Messages;
import org.primefaces.PrimeFaces;
import org.primefaces.event.SelectEvent;
import org.primefaces.model.DefaultScheduleEvent;
import org.primefaces.model.DefaultScheduleModel;
import org.primefaces.model.ScheduleEvent;
import org.primefaces.model.ScheduleModel;

/**
 * admin/calendar.xhtml: the policy events on a month calendar (December 2021 first) and in a table;
 * a click opens an event to edit it, with the reason kept in its history.
 */
@Named
@ViewScoped
public class CalendarBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The calendar opens on the month the fines started. */
  public static final LocalDate FIRST_MONTH = LocalDate.of(2021, 12, 1);

  @Inject CalendarService calendar;
  @Inject Messages messages;
  @Inject LocaleBacking locale;
  @Inject GraceService grace;
  @Inject IncidentService incidents;

  private List<PolicyEvent> events;
  private ScheduleModel model;

  private Long editedId;
  private PolicyEventKind kind;
  private LocalDate startsOn;
  private LocalDate endsOn;
  private String titleKo;
  private String titleEn;
  private String source;
  private String note;
  private List<PolicyEventRevision> history = List.of();

  @PostConstruct
  void load() {
    events = calendar.events();
    model = new DefaultScheduleModel();
    for (PolicyEvent e : events) {
      model.addEvent(
          DefaultScheduleEvent.builder()
              .id(String.valueOf(e.getId()))
              .title(title(e))
              .startDate(e.getStartsOn().atStartOfDay())
              .endDate(e.lastDay().plusDays(1).atStartOfDay())
              .allDay(true)
              .styleClass("calendar-" + e.getKind().name())
              .data(e.getId())
              .build());
    }
    // grace declarations and incidents have their own pages; here they are shown, not edited
    for (GraceDeclaration d : grace.declarations()) {
      model.addEvent(
          DefaultScheduleEvent.builder()
              .title(messages.text("calendar.grace", d.getReason()))
              .startDate(kst(d.getStartsAt()))
              .endDate(kst(d.getEndsAt()))
              // the reason is the administrator's own words: user data, shown as typed
              .styleClass("calendar-GRACE user-data" + (d.getStatus().active() ? "" : " revoked"))
              .build());
    }
    for (Incident i : incidents.incidents()) {
      model.addEvent(
          DefaultScheduleEvent.builder()
              .title(messages.text("calendar.incident", i.getNote()))
              .startDate(kst(i.getStartsAt()))
              .endDate(kst(i.getEndsAt() == null ? i.getStartsAt() : i.getEndsAt()))
              .styleClass("calendar-INCIDENT user-data")
              .build());
    }
  }

  private static java.time.LocalDateTime kst(java.time.Instant at) {
    return at.atZone(ClockProducer.KST).toLocalDateTime();
  }

  public String title(PolicyEvent e) {
    return locale.isKorean() ? e.getTitleKo() : e.getTitleEn();
  }

  public void onEventSelect(SelectEvent<ScheduleEvent<?>> selected) {
    Object id = selected.getObject().getData();
    if (id == null) {
      // a grace declaration or an incident: edited on its own page
      messages.info("calendar.readOnly");
      return;
    }
    open(Long.valueOf(String.valueOf(id)));
  }

  /** Opens an event in the dialog, with its history. */
  public void open(long id) {
    PolicyEvent e = events.stream().filter(x -> x.getId() == id).findFirst().orElse(null);
    if (e == null) {
      messages.error("calendar.notFound");
      return;
    }
    editedId = id;
    kind = e.getKind();
    startsOn = e.getStartsOn();
    endsOn = e.getEndsOn();
    titleKo = e.getTitleKo();
    titleEn = e.getTitleEn();
    source = e.getSource();
    note = null;
    try {
      history = calendar.history(id);
    } catch (NotFoundException ex) {
      history = List.of();
    }
  }

  public void startNew() {
    editedId = null;
    kind = null;
    startsOn = null;
    endsOn = null;
    titleKo = null;
    titleEn = null;
    source = null;
    note = null;
    history = List.of();
  }

  public void save() {
    PolicyEvent.Content content =
        new PolicyEvent.Content(kind, startsOn, endsOn, titleKo, titleEn, source);
    try {
      if (editedId == null) {
        calendar.add(content, note);
      } else {
        calendar.edit(editedId, content, note);
      }
      messages.info("calendar.saved");
      PrimeFaces.current().ajax().addCallbackParam("saved", true);
      load();
      startNew();
    } catch (NotFoundException e) {
      messages.error(e.messageKey());
    } catch (BusinessException e) {
      messages.show(e, "eventForm");
    } catch (ConstraintViolationException e) {
      messages.show(e, "eventForm");
    }
  }

  public PolicyEventKind[] getKinds() {
    return PolicyEventKind.values();
  }

  public List<PolicyEvent> getEvents() {
    return events;
  }

  public ScheduleModel getModel() {
    return model;
  }

  public LocalDate getFirstMonth() {
    return FIRST_MONTH;
  }

  public boolean isEditing() {
    return editedId != null;
  }

  public List<PolicyEventRevision> getHistory() {
    return history;
  }

  public PolicyEventKind getKind() {
    return kind;
  }

  public void setKind(PolicyEventKind kind) {
    this.kind = kind;
  }

  public LocalDate getStartsOn() {
    return startsOn;
  }

  public void setStartsOn(LocalDate startsOn) {
    this.startsOn = startsOn;
  }

  public LocalDate getEndsOn() {
    return endsOn;
  }

  public void setEndsOn(LocalDate endsOn) {
    this.endsOn = endsOn;
  }

  public String getTitleKo() {
    return titleKo;
  }

  public void setTitleKo(String titleKo) {
    this.titleKo = titleKo;
  }

  public String getTitleEn() {
    return titleEn;
  }

  public void setTitleEn(String titleEn) {
    this.titleEn = titleEn;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
