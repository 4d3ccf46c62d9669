package kr.vaccinepass.portal.grace.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import kr.vaccinepass.portal.grace.application.GracePreview;
import kr.vaccinepass.portal.grace.application.IncidentService;
import kr.vaccinepass.portal.grace.domain.GraceScope;
import kr.vaccinepass.portal.grace.domain.Incident;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.region.Regions;
import kr.vaccinepass.portal.shared.web.LocaleBacking;
import kr.vaccinepass.portal.shared.web.Messages;
import org.primefaces.PrimeFaces;

/**
 * admin/incidents.xhtml: the verification-system incidents (open ones first), a form to declare
 * one, and a dialog to close an open one, optionally declaring a VERIFICATION_FAILURE grace over
 * its window in the same step. Times are typed in Korean time.
 */
@Named
@ViewScoped
public class IncidentsBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Where the grace declarations are managed (admin/grace.xhtml, with the declaration's id). */
  public static final String GRACE_PAGE = "/admin/grace.xhtml";

  @Inject IncidentService incidents;
  @Inject Regions regions;
  @Inject Messages messages;
  @Inject LocaleBacking locale;

  /** One incident as the table shows it. */
  public record Row(
      long id, Instant startsAt, Instant endsAt, String scope, String note, boolean open)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private RegionChoice regionChoice;
  private List<Row> rows = List.of();

  // declaring
  private LocalDateTime startsAt;
  private boolean nationwide = true;
  private List<String> sidoCodes = new ArrayList<>();
  private List<String> sigunguCodes = new ArrayList<>();
  private String note;

  // closing
  private Long closeId;
  private String closeNote;
  private LocalDateTime endsAt;
  private boolean withGrace;
  private String reason;
  private String announcementRef;
  private Long graceId;
  private GracePreview preview;

  @PostConstruct
  void init() {
    regionChoice = new RegionChoice(regions, locale.getLocale());
    load();
    startDeclare();
  }

  private void load() {
    rows =
        incidents.incidents().stream()
            .map(
                i ->
                    new Row(
                        i.getId(),
                        i.getStartsAt(),
                        i.getEndsAt(),
                        scopeText(i),
                        i.getNote(),
                        i.isOpen()))
            .toList();
  }

  private String scopeText(Incident incident) {
    return regionChoice.describe(incident.scope(), messages.text("incidents.scope.nationwide"));
  }

  private void startDeclare() {
    startsAt = now();
    nationwide = true;
    sidoCodes = new ArrayList<>();
    sigunguCodes = new ArrayList<>();
    note = null;
  }

  public void declare() {
    // no place chosen: the service refuses it together with the form's other refusals
    GraceScope scope =
        nationwide
            ? GraceScope.NATIONWIDE
            : sidoCodes.isEmpty() && sigunguCodes.isEmpty()
                ? null
                : GraceScope.of(new HashSet<>(sidoCodes), new HashSet<>(sigunguCodes));
    try {
      incidents.declare(kst(startsAt), scope, note);
      messages.info("incidents.declared");
      graceId = null;
      load();
      startDeclare();
    } catch (BusinessException e) {
      messages.show(e, "declareForm");
    } catch (ConstraintViolationException e) {
      messages.show(e, "declareForm");
    }
  }

  /** Opens the close dialog on an open incident: now as its end, a grace reason prefilled. */
  public void startClose(long id) {
    Row row = rows.stream().filter(r -> r.id() == id).findFirst().orElse(null);
    if (row == null || !row.open()) {
      messages.error("incident.notFound");
      return;
    }
    closeId = id;
    closeNote = row.note();
    endsAt = now();
    withGrace = false;
    preview = null;
    reason = messages.text("incidents.grace.reasonDefault", row.note());
    announcementRef = null;
  }

  /**
   * Closing with a grace: the dry run first. The dialog then states the places, the window, the
   * kind and the number of cases the grace would waive now, and only its confirmation closes.
   */
  public void previewClose() {
    if (closeId == null) {
      messages.error("incident.notFound");
      return;
    }
    try {
      preview = incidents.previewClose(closeId, kst(endsAt), reason, announcementRef);
    } catch (BusinessException e) {
      preview = null;
      messages.show(e, "closeForm");
    } catch (ConstraintViolationException e) {
      preview = null;
      messages.show(e, "closeForm");
    }
  }

  /** The window, the reason or the choice changed after the dry run: it must be made again. */
  public void changed() {
    preview = null;
  }

  public void close() {
    if (closeId == null) {
      messages.error("incident.notFound");
      return;
    }
    if (withGrace && preview == null) {
      // a grace is declared only after its confirmation stated what it waives
      previewClose();
      return;
    }
    try {
      IncidentService.Closed closed =
          incidents.close(
              closeId, kst(endsAt), withGrace ? reason : null, withGrace ? announcementRef : null);
      graceId = closed.grace().map(g -> g.getId()).orElse(null);
      messages.info(graceId == null ? "incidents.closed" : "incidents.closedWithGrace");
      PrimeFaces.current().ajax().addCallbackParam("closed", true);
      closeId = null;
      preview = null;
      load();
    } catch (BusinessException e) {
      messages.show(e, "closeForm");
    } catch (ConstraintViolationException e) {
      messages.show(e, "closeForm");
    }
  }

  private LocalDateTime now() {
    return LocalDateTime.ofInstant(incidents.now(), Kst.ZONE).truncatedTo(ChronoUnit.SECONDS);
  }

  private static Instant kst(LocalDateTime time) {
    return time == null ? null : time.atZone(Kst.ZONE).toInstant();
  }

  public List<Row> getRows() {
    return rows;
  }

  public List<SelectItem> getSidoItems() {
    return regionChoice.sidoItems();
  }

  public List<SelectItem> getSigunguItems() {
    return regionChoice.sigunguItems();
  }

  /** The dry run of the grace a closing would declare (null until checked). */
  public GracePreview getPreview() {
    return preview;
  }

  /** The places of the dry run's scope by name. */
  public String placesText(GraceScope scope) {
    return regionChoice.describe(scope, messages.text("grace.scope.nationwide"));
  }

  /** The grace declared with the last closing, if any: the page links to it. */
  public Long getGraceId() {
    return graceId;
  }

  public String getGracePage() {
    return GRACE_PAGE;
  }

  public LocalDateTime getStartsAt() {
    return startsAt;
  }

  public void setStartsAt(LocalDateTime startsAt) {
    this.startsAt = startsAt;
  }

  public boolean isNationwide() {
    return nationwide;
  }

  public void setNationwide(boolean nationwide) {
    this.nationwide = nationwide;
  }

  public List<String> getSidoCodes() {
    return sidoCodes;
  }

  public void setSidoCodes(List<String> sidoCodes) {
    this.sidoCodes = sidoCodes == null ? new ArrayList<>() : new ArrayList<>(sidoCodes);
  }

  public List<String> getSigunguCodes() {
    return sigunguCodes;
  }

  public void setSigunguCodes(List<String> sigunguCodes) {
    this.sigunguCodes = sigunguCodes == null ? new ArrayList<>() : new ArrayList<>(sigunguCodes);
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public Long getCloseId() {
    return closeId;
  }

  public String getCloseNote() {
    return closeNote;
  }

  public LocalDateTime getEndsAt() {
    return endsAt;
  }

  public void setEndsAt(LocalDateTime endsAt) {
    this.endsAt = endsAt;
  }

  public boolean isWithGrace() {
    return withGrace;
  }

  public void setWithGrace(boolean withGrace) {
    if (withGrace != this.withGrace) {
      preview = null;
    }
    this.withGrace = withGrace;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getAnnouncementRef() {
    return announcementRef;
  }

  public void setAnnouncementRef(String announcementRef) {
    this.announcementRef = announcementRef;
  }
}
