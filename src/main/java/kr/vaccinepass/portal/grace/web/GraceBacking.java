package kr.vaccinepass.portal.grace.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.domain.FacilityType;
import kr.vaccinepass.portal.grace.application.GracePreview;
import kr.vaccinepass.portal.grace.application.GraceService;
import kr.vaccinepass.portal.grace.domain.GraceDeclaration;
import kr.vaccinepass.portal.grace.domain.GraceKind;
import kr.vaccinepass.portal.grace.domain.GraceProgress;
import kr.vaccinepass.portal.grace.domain.GraceScope;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.region.Regions;
import kr.vaccinepass.portal.shared.web.LocaleBacking;
import kr.vaccinepass.portal.shared.web.Messages;
import org.primefaces.PrimeFaces;

/**
 * admin/grace.xhtml: declare a grace period (a whole KST day in one click, or a window), see every
 * declaration with the progress of its waivers, and revoke one with a reason.
 */
@Named
@ViewScoped
public class GraceBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject GraceService grace;
  @Inject FacilityService facilities;
  @Inject Regions regions;
  @Inject Messages messages;
  @Inject LocaleBacking locale;

  private List<GraceDeclaration> declarations;
  private RegionChoice regionChoice;

  private boolean wholeDay = true;
  private LocalDate day;
  private LocalDateTime startsAt;
  private LocalDateTime endsAt;
  private GraceKind kind = GraceKind.FULL;
  private List<String> sidoCodes = new ArrayList<>();
  private List<String> sigunguCodes = new ArrayList<>();
  private List<String> typeCodes = new ArrayList<>();
  private String reason;
  private String announcementRef;

  private Long revokedId;
  private String revokeReason;

  /** The declaration whose batch work the progress bar follows. */
  private Long followedId;

  private GracePreview preview;
  private String resultKey;
  private Place resultHere;

  /** Where on the page the administrator acted. */
  private enum Place {
    DECLARE_FORM,
    LIST
  }

  @PostConstruct
  void load() {
    declarations = grace.declarations();
  }

  /**
   * The dry run: what the declaration would waive now, for the confirmation dialog; the page opens
   * it only when the service found nothing wrong with the form.
   */
  public void preview() {
    try {
      GraceScope scope = scope();
      preview =
          wholeDay
              ? grace.previewDay(day, kind, scope, reason, announcementRef)
              : grace.preview(kst(startsAt), kst(endsAt), kind, scope, reason, announcementRef);
      PrimeFaces.current().ajax().addCallbackParam("previewed", true);
    } catch (BusinessException e) {
      preview = null;
      messages.show(e, "declareForm");
    } catch (ConstraintViolationException e) {
      preview = null;
      messages.show(e, "declareForm");
    }
  }

  /** The administrator confirmed what the dialog said: the declaration is made. */
  public void declare() {
    try {
      GraceScope scope = scope();
      GraceDeclaration d =
          wholeDay
              ? grace.declareDay(day, kind, scope, reason, announcementRef)
              : grace.declare(kst(startsAt), kst(endsAt), kind, scope, reason, announcementRef);
      followedId = d.getId();
      resultKey = "grace.declared";
      resultHere = Place.DECLARE_FORM;
      preview = null;
      reason = null;
      announcementRef = null;
      load();
    } catch (BusinessException e) {
      messages.show(e, "declareForm");
    } catch (ConstraintViolationException e) {
      messages.show(e, "declareForm");
    }
  }

  /** The dialog was closed without declaring. */
  public void cancelPreview() {
    preview = null;
  }

  private GraceScope scope() {
    return GraceScope.asChosen(Set.copyOf(sidoCodes), Set.copyOf(sigunguCodes))
        .onlyTypes(Set.copyOf(typeCodes));
  }

  public void askRevoke(long id) {
    revokedId = id;
    revokeReason = null;
  }

  public void revoke() {
    try {
      grace.revoke(revokedId, revokeReason);
      followedId = revokedId;
      resultKey = "grace.revoked";
      resultHere = Place.LIST;
      PrimeFaces.current().ajax().addCallbackParam("revoked", true);
      load();
    } catch (NotFoundException e) {
      messages.error(e.messageKey());
    } catch (BusinessException e) {
      messages.show(e, "revokeForm");
    } catch (ConstraintViolationException e) {
      messages.show(e, "revokeForm");
    }
  }

  /** Polled while a run is under way: the list is read again once it is over. */
  public void poll() {
    GraceProgress p = getProgress();
    if (p == null || p.finished()) {
      load();
    }
  }

  public GraceProgress getProgress() {
    if (followedId == null) {
      return null;
    }
    try {
      return grace.progress(followedId);
    } catch (NotFoundException e) {
      return null;
    }
  }

  /** Whether some declaration's batch work is still under way (the page then polls). */
  public boolean isRunning() {
    GraceProgress p = getProgress();
    return p != null && !p.finished();
  }

  /** The scope in words: nationwide, or the chosen regions; all types, or the chosen ones. */
  public String scopeText(GraceDeclaration d) {
    GraceScope s = d.scope();
    return s.allTypes() ? placesText(s) : placesText(s) + " · " + typesText(s);
  }

  /** The places of a scope by name: nationwide, or each whole 시도 and each 시군구. */
  public String placesText(GraceScope s) {
    return regionChoice().describe(s, messages.text("grace.scope.nationwide"));
  }

  /** The facility types of a scope by name: every type, or the chosen ones. */
  public String typesText(GraceScope s) {
    if (s.allTypes()) {
      return messages.text("grace.types.all");
    }
    return String.join(
        ", ",
        facilities.types().stream()
            .filter(t -> s.typeCodes().contains(t.getCode()))
            .map(t -> t.name(locale.getLocale()))
            .toList());
  }

  /** The dry run the confirmation dialog states (null until the form was checked). */
  public GracePreview getPreview() {
    return preview;
  }

  /**
   * The outcome of the last declaration or revocation, and the progress of its run, are shown where
   * the administrator acted: below the declaration form, or above the list.
   */
  public boolean shownAt(String place) {
    Place here = resultHere == null ? Place.LIST : resultHere;
    return here.name().equals(place);
  }

  /** The bundle key of what the last act did (null before any). */
  public String getResultKey() {
    return resultKey;
  }

  private RegionChoice regionChoice() {
    if (regionChoice == null) {
      regionChoice = new RegionChoice(regions, locale.getLocale());
    }
    return regionChoice;
  }

  private static java.time.Instant kst(LocalDateTime t) {
    return t == null ? null : t.atZone(Kst.ZONE).toInstant();
  }

  public List<GraceDeclaration> getDeclarations() {
    return declarations;
  }

  public GraceKind[] getKinds() {
    return GraceKind.values();
  }

  public List<SelectItem> getSidoItems() {
    return regionChoice().sidoItems();
  }

  public List<SelectItem> getSigunguItems() {
    return regionChoice().sigunguItems();
  }

  public List<FacilityType> getTypeOptions() {
    return facilities.types();
  }

  public boolean isWholeDay() {
    return wholeDay;
  }

  public void setWholeDay(boolean wholeDay) {
    this.wholeDay = wholeDay;
  }

  public LocalDate getDay() {
    return day;
  }

  public void setDay(LocalDate day) {
    this.day = day;
  }

  public LocalDateTime getStartsAt() {
    return startsAt;
  }

  public void setStartsAt(LocalDateTime startsAt) {
    this.startsAt = startsAt;
  }

  public LocalDateTime getEndsAt() {
    return endsAt;
  }

  public void setEndsAt(LocalDateTime endsAt) {
    this.endsAt = endsAt;
  }

  public GraceKind getKind() {
    return kind;
  }

  public void setKind(GraceKind kind) {
    this.kind = kind;
  }

  public List<String> getSidoCodes() {
    return sidoCodes;
  }

  public void setSidoCodes(List<String> sidoCodes) {
    this.sidoCodes = sidoCodes == null ? new ArrayList<>() : sidoCodes;
  }

  public List<String> getSigunguCodes() {
    return sigunguCodes;
  }

  public void setSigunguCodes(List<String> sigunguCodes) {
    this.sigunguCodes = sigunguCodes == null ? new ArrayList<>() : sigunguCodes;
  }

  public List<String> getTypeCodes() {
    return typeCodes;
  }

  public void setTypeCodes(List<String> typeCodes) {
    this.typeCodes = typeCodes == null ? new ArrayList<>() : typeCodes;
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

  /**
   * The declaration whose progress the page follows (also from {@code ?id=}, e.g. after an incident
   * was closed with a grace).
   */
  public Long getFollowedId() {
    return followedId;
  }

  public void setFollowedId(Long followedId) {
    this.followedId = followedId;
  }

  public String getRevokeReason() {
    return revokeReason;
  }

  public void setRevokeReason(String revokeReason) {
    this.revokeReason = revokeReason;
  }
}
