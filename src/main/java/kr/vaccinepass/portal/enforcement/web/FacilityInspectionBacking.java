package kr.vaccinepass.portal.enforcement.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import kr.vaccinepass.portal.enforcement.application.EnforcementService;
import kr.vaccinepass.portal.enforcement.application.ViolationDraft;
import kr.vaccinepass.portal.enforcement.domain.FineTransition;
import kr.vaccinepass.portal.enforcement.domain.Inspection;
import kr.vaccinepass.portal.enforcement.domain.Penalty;
import kr.vaccinepass.portal.enforcement.domain.Violation;
import kr.vaccinepass.portal.enforcement.domain.ViolationKind;
import kr.vaccinepass.portal.grace.domain.GraceDeclaration;
import kr.vaccinepass.portal.grace.domain.ViolationCause;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.web.Formats;
import kr.vaccinepass.portal.shared.web.Messages;
import org.primefaces.event.timeline.TimelineSelectEvent;
import org.primefaces.model.timeline.TimelineEvent;
import org.primefaces.model.timeline.TimelineGroup;
import org.primefaces.model.timeline.TimelineModel;

/**
 * The inspection card of inspector/facility.xhtml: open an inspection, log a violation with the
 * penalty the law will set shown before saving, and the facility's history as a timeline.
 */
@Named
@ViewScoped
public class FacilityInspectionBacking implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String VIOLATION = "violation-";
  private static final String FINE = "fine-";

  @Inject EnforcementService enforcement;
  @Inject Messages messages;
  @Inject Formats formats;

  private Long facilityId;
  private boolean available;
  private LocalDateTime now;
  private List<Inspection> inspections = List.of();
  private List<Violation> violations = List.of();
  private TimelineModel<HistoryEntry, String> timeline;
  private LocalDateTime timelineStart;
  private LocalDateTime timelineEnd;

  private LocalDateTime inspectedAt;
  private String notes;

  private Long inspectionId;
  private ViolationKind kind;
  private LocalDateTime occurredAt;

  /** The visitor's details and the description, bound by the page to the draft itself. */
  private final ViolationDraft draft = new ViolationDraft();

  @Inject jakarta.validation.Validator validator;

  private Penalty preview;

  /** The reason of the grace declaration that would waive the violation, if one covers it. */
  private String previewGrace;

  /** The view parameter: a facility of the inspector's 시군구, else the card stays hidden. */
  public void load() {
    if (facilityId == null) {
      return;
    }
    try {
      refresh();
      available = true;
      inspectedAt = now;
    } catch (NotFoundException e) {
      // the facility's own card already says it is not to be found
      available = false;
    }
  }

  private void refresh() {
    now = LocalDateTime.ofInstant(enforcement.now(), Kst.ZONE).withSecond(0).withNano(0);
    inspections = enforcement.inspectionsOfFacility(facilityId);
    violations = enforcement.violationsOfFacility(facilityId);
    if (inspectionId == null && !inspections.isEmpty()) {
      inspectionId = inspections.get(0).getId();
    }
    // built when the page is rendered, in the language of the view (not yet known in load())
    timeline = null;
  }

  public void openInspection() {
    try {
      Inspection opened = enforcement.openInspection(facilityId, kst(inspectedAt), notes);
      inspectionId = opened.getId();
      if (occurredAt == null) {
        occurredAt = inspectedAt;
      }
      notes = null;
      refresh();
      messages.info("inspector.facility.inspection.opened");
    } catch (BusinessException e) {
      messages.show(e, "inspectionForm");
    } catch (ConstraintViolationException e) {
      messages.show(e, "inspectionForm");
    }
  }

  /** The penalty for the kind and time chosen so far, asked again at every change. */
  public void previewPenalty() {
    preview = null;
    previewGrace = null;
    if (kind == null || occurredAt == null) {
      return;
    }
    try {
      preview = enforcement.preview(facilityId, kind, draft.getCause(), kst(occurredAt));
      if (!preview.fine().isZero()) {
        previewGrace =
            enforcement
                .coveringGrace(facilityId, draft.getCause(), kst(occurredAt))
                .map(GraceDeclaration::getReason)
                .orElse(null);
      }
    } catch (BusinessException e) {
      messages.show(e, "violationForm");
    } catch (ConstraintViolationException e) {
      messages.show(e, "violationForm");
    }
  }

  /** Logs the violation and goes to its case. */
  public String logViolation() {
    draft.setKind(kind);
    draft.setOccurredAt(kst(occurredAt));
    if (kind != ViolationKind.VISITOR) {
      // the visitor's fields are hidden for an operator violation: nothing of them is sent
      draft.setVisitorName(null);
      draft.setVisitorBirthDate(null);
      draft.setVisitorPhone(null);
      draft.setShown(null);
    }
    if (inspectionId == null) {
      // no inspection to log it under: say so, and what else the draft lacks, in the same round
      messages.errorOn("violationForm:inspection", "inspector.facility.inspection.required");
      Set<ConstraintViolation<ViolationDraft>> lacking = validator.validate(draft);
      if (!lacking.isEmpty()) {
        messages.show(new ConstraintViolationException(lacking), "violationForm");
      }
      return null;
    }
    try {
      Violation logged = enforcement.logViolation(inspectionId, draft);
      messages.infoAfterRedirect("inspector.facility.violation.logged");
      return "/inspector/case.xhtml?faces-redirect=true&id=" + logged.getId();
    } catch (BusinessException e) {
      messages.show(e, "violationForm");
    } catch (ConstraintViolationException e) {
      messages.show(e, "violationForm");
    }
    return null;
  }

  /** A violation or a step of its fine chosen on the timeline opens its case. */
  public void timelineSelected(TimelineSelectEvent<String> event) {
    String id = event.getTimelineEvent().getId();
    String violationId = null;
    if (id.startsWith(VIOLATION)) {
      violationId = id.substring(VIOLATION.length());
    } else if (id.startsWith(FINE)) {
      violationId = id.substring(FINE.length(), id.lastIndexOf('-'));
    }
    if (violationId != null) {
      FacesContext ctx = FacesContext.getCurrentInstance();
      ctx.getApplication()
          .getNavigationHandler()
          .handleNavigation(
              ctx, null, "/inspector/case.xhtml?faces-redirect=true&id=" + violationId);
    }
  }

  /** Inspections, violations and the steps of their fines, one row each, in Korean time. */
  private TimelineModel<HistoryEntry, String> timeline() {
    TimelineModel<HistoryEntry, String> model = new TimelineModel<>();
    model.addGroup(
        new TimelineGroup<>(
            "inspections", messages.text("inspector.facility.history.inspections")));
    model.addGroup(
        new TimelineGroup<>("violations", messages.text("inspector.facility.history.violations")));
    model.addGroup(new TimelineGroup<>("fines", messages.text("inspector.facility.history.fines")));
    for (Inspection i : inspections) {
      HistoryEntry text =
          i.getNotes() == null
              ? new HistoryEntry(messages.text("inspector.facility.history.inspection"), null)
              : new HistoryEntry(
                  messages.text("inspector.facility.history.inspectionWithNotes"), i.getNotes());
      model.add(event("inspection-" + i.getId(), "inspections", i.getInspectedAt(), text));
    }
    for (Violation v : violations) {
      String label =
          messages.text(
              "inspector.facility.history.violation",
              messages.text("violation.kind." + v.getKind().name()),
              v.isWarningOnly()
                  ? messages.text("penalty.warningOnly")
                  : formats.money(v.getFine()));
      model.add(
          event(
              VIOLATION + v.getId(),
              "violations",
              v.getOccurredAt(),
              new HistoryEntry(label, null)));
      if (v.getFineCase() != null) {
        List<FineTransition> steps = v.getFineCase().getHistory();
        for (int n = 0; n < steps.size(); n++) {
          FineTransition t = steps.get(n);
          String step;
          String words = null;
          if (t.from() == null) {
            step = messages.text("inspector.facility.history.fineOpened");
          } else if (t.event() != null) {
            // the administrator's own words follow the step's name
            step = messages.text("fine.history." + t.event().name());
            words = t.reason();
          } else if (t.opinion()) {
            step = messages.text("fine.history.opinion");
          } else {
            step = messages.text("fine.state." + t.to().name());
          }
          String text =
              messages.text(
                  "inspector.facility.history.fineStep",
                  messages.text("violation.kind." + v.getKind().name()),
                  step);
          model.add(
              event(FINE + v.getId() + "-" + n, "fines", t.at(), new HistoryEntry(text, words)));
        }
      }
    }
    return model;
  }

  /** The window first shown: every event, with a margin of two days or a quarter of the span. */
  private void window(TimelineModel<HistoryEntry, String> model) {
    LocalDateTime first = now;
    LocalDateTime last = now;
    for (TimelineEvent<HistoryEntry> e : model.getEvents()) {
      first = e.getStartDate().isBefore(first) ? e.getStartDate() : first;
      last = e.getStartDate().isAfter(last) ? e.getStartDate() : last;
    }
    // the labels are centred on their time: room for half a label on either side
    Duration margin = Duration.between(first, last).dividedBy(4);
    if (margin.compareTo(Duration.ofDays(2)) < 0) {
      margin = Duration.ofDays(2);
    }
    timelineStart = first.minus(margin);
    timelineEnd = last.plus(margin);
  }

  /**
   * One event of the history: the portal's words, and what a person typed (an inspection's notes, a
   * declaration's reason), which the page marks as theirs.
   */
  public record HistoryEntry(String label, String userText) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private static TimelineEvent<HistoryEntry> event(
      String id, String group, Instant at, HistoryEntry text) {
    return TimelineEvent.<HistoryEntry>builder()
        .id(id)
        .group(group)
        .data(text)
        .startDate(LocalDateTime.ofInstant(at, Kst.ZONE))
        .editable(false)
        .build();
  }

  private static Instant kst(LocalDateTime time) {
    return time == null ? null : time.atZone(Kst.ZONE).toInstant();
  }

  public boolean isAvailable() {
    return available;
  }

  public Long getFacilityId() {
    return facilityId;
  }

  public void setFacilityId(Long facilityId) {
    this.facilityId = facilityId;
  }

  /** The portal's now (to the minute): the default of the inspection's time. */
  public LocalDateTime getNow() {
    return now;
  }

  public List<Inspection> getInspections() {
    return inspections;
  }

  public List<Violation> getViolations() {
    return violations;
  }

  public TimelineModel<HistoryEntry, String> getTimeline() {
    if (timeline == null) {
      timeline = timeline();
      window(timeline);
    }
    return timeline;
  }

  public LocalDateTime getTimelineStart() {
    getTimeline();
    return timelineStart;
  }

  public LocalDateTime getTimelineEnd() {
    getTimeline();
    return timelineEnd;
  }

  public ViolationCause[] getCauses() {
    return ViolationCause.values();
  }

  public ViolationKind[] getKinds() {
    return ViolationKind.values();
  }

  public LocalDateTime getInspectedAt() {
    return inspectedAt;
  }

  public void setInspectedAt(LocalDateTime inspectedAt) {
    this.inspectedAt = inspectedAt;
  }

  public String getNotes() {
    return notes;
  }

  public void setNotes(String notes) {
    this.notes = notes;
  }

  public Long getInspectionId() {
    return inspectionId;
  }

  public void setInspectionId(Long inspectionId) {
    this.inspectionId = inspectionId;
  }

  public ViolationKind getKind() {
    return kind;
  }

  public void setKind(ViolationKind kind) {
    this.kind = kind;
  }

  public LocalDateTime getOccurredAt() {
    return occurredAt;
  }

  public void setOccurredAt(LocalDateTime occurredAt) {
    this.occurredAt = occurredAt;
  }

  public ViolationDraft getDraft() {
    return draft;
  }

  public Penalty getPreview() {
    return preview;
  }

  public String getPreviewGrace() {
    return previewGrace;
  }
}
