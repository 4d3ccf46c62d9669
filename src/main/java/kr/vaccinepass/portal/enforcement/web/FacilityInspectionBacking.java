package kr.vaccinepass.portal.enforcement.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import kr.vaccinepass.portal.enforcement.application.EnforcementService;
import kr.vaccinepass.portal.enforcement.application.ViolationDraft;
import kr.vaccinepass.portal.enforcement.domain.FacilityHistory;
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

  @Inject EnforcementService enforcement;
  @Inject Messages messages;
  @Inject Formats formats;

  private Long facilityId;
  private boolean available;
  private LocalDateTime now;
  private List<Inspection> inspections = List.of();
  private List<Violation> violations = List.of();
  private FacilityHistory history = new FacilityHistory(List.of());
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
    history = FacilityHistory.of(inspections, violations);
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
    FacilityHistory.caseOf(event.getTimelineEvent().getId())
        .ifPresent(
            violationId -> {
              FacesContext ctx = FacesContext.getCurrentInstance();
              ctx.getApplication()
                  .getNavigationHandler()
                  .handleNavigation(
                      ctx, null, "/inspector/case.xhtml?faces-redirect=true&id=" + violationId);
            });
  }

  /** The facility's history ({@link FacilityHistory}) in the words of the view, in Korean time. */
  private TimelineModel<HistoryEntry, String> timeline() {
    TimelineModel<HistoryEntry, String> model = new TimelineModel<>();
    model.addGroup(
        new TimelineGroup<>(
            "inspections", messages.text("inspector.facility.history.inspections")));
    model.addGroup(
        new TimelineGroup<>("violations", messages.text("inspector.facility.history.violations")));
    model.addGroup(new TimelineGroup<>("fines", messages.text("inspector.facility.history.fines")));
    for (FacilityHistory.Entry e : history.entries()) {
      model.add(
          TimelineEvent.<HistoryEntry>builder()
              .id(e.id())
              .group(e.lane().name().toLowerCase(java.util.Locale.ROOT))
              .data(new HistoryEntry(label(e), e.userText()))
              .startDate(LocalDateTime.ofInstant(e.at(), Kst.ZONE))
              .editable(false)
              .build());
    }
    return model;
  }

  private String label(FacilityHistory.Entry e) {
    return switch (e.step()) {
      case INSPECTION ->
          messages.text(
              e.userText() == null
                  ? "inspector.facility.history.inspection"
                  : "inspector.facility.history.inspectionWithNotes");
      case VIOLATION ->
          messages.text(
              "inspector.facility.history.violation",
              messages.text("violation.kind." + e.kind().name()),
              e.warningOnly() ? messages.text("penalty.warningOnly") : formats.money(e.fine()));
      default ->
          messages.text(
              "inspector.facility.history.fineStep",
              messages.text("violation.kind." + e.kind().name()),
              switch (e.step()) {
                case FINE_OPENED -> messages.text("inspector.facility.history.fineOpened");
                case FINE_EVENT -> messages.text("fine.history." + e.event().name());
                case OPINION -> messages.text("fine.history.opinion");
                default -> messages.text("fine.state." + e.state().name());
              });
    };
  }

  /**
   * One event of the history: the portal's words, and what a person typed (an inspection's notes, a
   * declaration's reason), which the page marks as theirs.
   */
  public record HistoryEntry(String label, String userText) implements Serializable {
    private static final long serialVersionUID = 1L;
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
      FacilityHistory.Window window = history.window(kst(now));
      timelineStart = LocalDateTime.ofInstant(window.from(), Kst.ZONE);
      timelineEnd = LocalDateTime.ofInstant(window.to(), Kst.ZONE);
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
