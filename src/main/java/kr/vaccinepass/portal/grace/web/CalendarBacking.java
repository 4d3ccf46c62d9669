package kr.vaccinepass.portal.grace.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.domain.FacilityType;
import kr.vaccinepass.portal.grace.application.CalendarService;
import kr.vaccinepass.portal.grace.application.DatedPolicies;
import kr.vaccinepass.portal.grace.application.GraceService;
import kr.vaccinepass.portal.grace.application.IncidentService;
import kr.vaccinepass.portal.grace.domain.GraceDeclaration;
import kr.vaccinepass.portal.grace.domain.Incident;
import kr.vaccinepass.portal.grace.domain.PassTerms;
import kr.vaccinepass.portal.grace.domain.PenaltyRow;
import kr.vaccinepass.portal.grace.domain.PenaltyTerms;
import kr.vaccinepass.portal.grace.domain.PolicyEvent;
import kr.vaccinepass.portal.grace.domain.PolicyEventKind;
import kr.vaccinepass.portal.grace.domain.PolicyEventRevision;
import kr.vaccinepass.portal.grace.domain.Sanction;
import kr.vaccinepass.portal.grace.domain.SanctionKind;
import kr.vaccinepass.portal.grace.domain.ViolationCause;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.domain.Money;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
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
  @Inject FacilityService facilities;
  @Inject DatedPolicies policies;

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
  private List<String> typeCodes = new ArrayList<>();
  private ViolationCause cause;
  private Long visitorFine;
  private List<PenaltyRowForm> rows = new ArrayList<>();
  private boolean lifts;
  private Integer passDays;
  private Integer passValidity;
  private boolean passGroup;
  private Integer passBornFrom;
  private List<PolicyEventRevision> history = List.of();

  /** One operator row of a penalty change as the form edits it. */
  public static class PenaltyRowForm implements Serializable {
    private static final long serialVersionUID = 1L;

    /** NONE, WARNING, SUSPENSION_DAYS, SUSPENSION_MONTHS or CLOSURE. */
    private String sanction = "NONE";

    private Long fine;
    private Integer length;

    static PenaltyRowForm of(PenaltyRow row) {
      PenaltyRowForm f = new PenaltyRowForm();
      f.fine = row.fine().won();
      Sanction s = row.sanction();
      if (s.kind() == SanctionKind.SUSPENSION) {
        boolean days = s.length().getDays() != 0;
        f.sanction = days ? "SUSPENSION_DAYS" : "SUSPENSION_MONTHS";
        f.length = days ? s.length().getDays() : (int) s.length().toTotalMonths();
      } else {
        f.sanction = s.kind().name();
      }
      return f;
    }

    Sanction toSanction() {
      return switch (sanction) {
        case "SUSPENSION_DAYS", "SUSPENSION_MONTHS" -> {
          if (length == null || length < 1) {
            throw BusinessException.onField("operatorRows", "calendar.penalty.length.required");
          }
          yield Sanction.suspension(
              "SUSPENSION_DAYS".equals(sanction)
                  ? java.time.Period.ofDays(length)
                  : java.time.Period.ofMonths(length));
        }
        default -> Sanction.ofCode(sanction);
      };
    }

    public String getSanction() {
      return sanction;
    }

    public void setSanction(String sanction) {
      this.sanction = sanction == null ? "NONE" : sanction;
    }

    public Long getFine() {
      return fine;
    }

    public void setFine(Long fine) {
      this.fine = fine;
    }

    public Integer getLength() {
      return length;
    }

    public void setLength(Integer length) {
      this.length = length;
    }

    public boolean isSuspension() {
      return sanction.startsWith("SUSPENSION");
    }
  }

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
    return at.atZone(Kst.ZONE).toLocalDateTime();
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
    PolicyEvent.Content c = e.content();
    typeCodes = new ArrayList<>(c.typeCodes());
    cause = c.cause();
    lifts = c.lifts();
    visitorFine = c.penalty() == null ? null : c.penalty().visitorFine().won();
    passDays = c.pass() == null ? null : c.pass().daysAfterFinalDose();
    passValidity = c.pass() == null ? null : c.pass().validityDays();
    passGroup = c.pass() != null && c.pass().groupAllowance();
    passBornFrom = c.pass() == null ? null : c.pass().underEighteenBornFrom();
    rows = new ArrayList<>();
    if (c.penalty() != null) {
      c.penalty().operatorRows().forEach(r -> rows.add(PenaltyRowForm.of(r)));
    }
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
    typeCodes = new ArrayList<>();
    cause = null;
    visitorFine = null;
    rows = new ArrayList<>();
    rows.add(new PenaltyRowForm());
    passDays = null;
    passValidity = null;
    passGroup = false;
    passBornFrom = null;
    lifts = false;
    history = List.of();
  }

  /** "1st", …, and "nth and beyond" for the last row. */
  public String rowLabel(int index) {
    return messages.text(
        index == rows.size() - 1 ? "calendar.penalty.countLast" : "calendar.penalty.countN",
        index + 1);
  }

  public void addRow() {
    rows.add(new PenaltyRowForm());
  }

  public void removeRow() {
    if (rows.size() > 1) {
      rows.remove(rows.size() - 1);
    }
  }

  /** A rule change's pass rules: none when neither number is given, else both are required. */
  private PassTerms passTerms() {
    if (kind != PolicyEventKind.PASS_RULE || (passDays == null && passBornFrom == null)) {
      return null;
    }
    if (passDays == null) {
      throw BusinessException.onField("passDays", "calendar.pass.incomplete");
    }
    if (passBornFrom == null) {
      throw BusinessException.onField("passBornFrom", "calendar.pass.incomplete");
    }
    return new PassTerms(passDays, passValidity, passGroup, passBornFrom);
  }

  private PenaltyTerms penaltyTerms() {
    if (kind != PolicyEventKind.PENALTY_CHANGE) {
      return null;
    }
    List<PenaltyRow> operator = new ArrayList<>();
    for (PenaltyRowForm r : rows) {
      if (r.getFine() == null) {
        throw BusinessException.onField("operatorRows", "calendar.penalty.rows.required");
      }
      operator.add(new PenaltyRow(operator.size() + 1, Money.won(r.getFine()), r.toSanction()));
    }
    if (visitorFine == null) {
      throw BusinessException.onField("visitorFine", "calendar.penalty.visitorFine.required");
    }
    return new PenaltyTerms(Money.won(visitorFine), operator);
  }

  public void save() {
    try {
      PolicyEvent.Content content =
          new PolicyEvent.Content(
              kind,
              startsOn,
              endsOn,
              titleKo,
              titleEn,
              source,
              Set.copyOf(typeCodes),
              cause,
              penaltyTerms(),
              passTerms(),
              lifts);
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

  public List<FacilityType> getTypeOptions() {
    return facilities.types();
  }

  public ViolationCause[] getCauses() {
    return ViolationCause.values();
  }

  public List<String> getSanctionOptions() {
    return List.of("NONE", "WARNING", "SUSPENSION_DAYS", "SUSPENSION_MONTHS", "CLOSURE");
  }

  /** The revision the calendar stands at: the one the next case is judged by. */
  public long getRevision() {
    return policies.current().revision();
  }

  public boolean isGuidance() {
    return kind == PolicyEventKind.GUIDANCE;
  }

  /**
   * Whether the event names facility types: a guidance period, a coverage event, a court ruling.
   */
  public boolean isTyped() {
    return kind == PolicyEventKind.GUIDANCE
        || kind == PolicyEventKind.COVERAGE
        || kind == PolicyEventKind.COURT;
  }

  public boolean isCoverage() {
    return kind == PolicyEventKind.COVERAGE;
  }

  public boolean isLifts() {
    return lifts;
  }

  public void setLifts(boolean lifts) {
    this.lifts = lifts;
  }

  public boolean isPassRule() {
    return kind == PolicyEventKind.PASS_RULE;
  }

  public Integer getPassDays() {
    return passDays;
  }

  public void setPassDays(Integer passDays) {
    this.passDays = passDays;
  }

  public Integer getPassValidity() {
    return passValidity;
  }

  public void setPassValidity(Integer passValidity) {
    this.passValidity = passValidity;
  }

  public boolean isPassGroup() {
    return passGroup;
  }

  public void setPassGroup(boolean passGroup) {
    this.passGroup = passGroup;
  }

  public Integer getPassBornFrom() {
    return passBornFrom;
  }

  public void setPassBornFrom(Integer passBornFrom) {
    this.passBornFrom = passBornFrom;
  }

  public boolean isPenaltyChange() {
    return kind == PolicyEventKind.PENALTY_CHANGE;
  }

  public List<String> getTypeCodes() {
    return typeCodes;
  }

  public void setTypeCodes(List<String> typeCodes) {
    this.typeCodes = typeCodes == null ? new ArrayList<>() : new ArrayList<>(typeCodes);
  }

  public ViolationCause getCause() {
    return cause;
  }

  public void setCause(ViolationCause cause) {
    this.cause = cause;
  }

  public Long getVisitorFine() {
    return visitorFine;
  }

  public void setVisitorFine(Long visitorFine) {
    this.visitorFine = visitorFine;
  }

  public List<PenaltyRowForm> getRows() {
    return rows;
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
