package kr.vaccinepass.portal.visit.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.List;
import kr.vaccinepass.portal.facility.application.OwnerFacilityChoice;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.pass.domain.DiningParty;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.web.Messages;
import kr.vaccinepass.portal.visit.application.CheckinService;
import kr.vaccinepass.portal.visit.application.VisitQueue;
import kr.vaccinepass.portal.visit.application.VisitRecordService;
import kr.vaccinepass.portal.visit.application.VisitStoreUnavailable;
import kr.vaccinepass.portal.visit.domain.CheckMethod;
import kr.vaccinepass.portal.visit.domain.CheckinAnswer;
import kr.vaccinepass.portal.visit.domain.CheckinCode;

/**
 * The door scanner (owner/scanner.xhtml): choose the facility, then scan visitor after visitor. The
 * device remembers its door's facility ({@link DoorFacilityCookie}), and the page shows its name
 * large. While a verification-system incident is open where the facility is (checked on load, on
 * each scan and every 30 seconds), it is in incident mode: a red banner and buttons that record a
 * visitor checked another way.
 */
@Named
@ViewScoped
public class ScannerBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject CheckinService checkins;
  @Inject OwnerFacilityChoice choice;
  @Inject Messages messages;
  @Inject VisitRecordService records;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(Kst.ZONE);

  private List<Facility> facilities;
  private Long facilityId;
  private DiningParty party = DiningParty.NONE;
  private String token;
  private CheckinAnswer answer;
  private long scans;
  private long answers;
  private VisitRecordService.IncidentMode incident;
  private long doorChecksToday;
  private String doorAnswer;

  @PostConstruct
  void init() {
    facilities = choice.facilities();
    // this device's door first, when the owner owns it; else the session's, else the first
    facilityId =
        choice.pick(
            DoorFacilityCookie.read(FacesContext.getCurrentInstance().getExternalContext()),
            facilities);
    refreshIncident();
  }

  /**
   * Whether an incident is open where the facility is (cheap: the service answers from memory);
   * today's count of door checks is read only when incident mode starts.
   */
  public void refreshIncident() {
    VisitRecordService.IncidentMode before = incident;
    incident = facilityId == null ? null : records.incidentMode(facilityId).orElse(null);
    if (incident == null) {
      doorAnswer = null;
    } else if (before == null || before.incidentId() != incident.incidentId()) {
      doorChecksToday = records.doorChecksToday(facilityId);
    }
  }

  /** The owner chose the facility of this door: the device remembers it for the next sessions. */
  public void facilityChanged() {
    incident = null;
    doorAnswer = null;
    if (facilityId != null && facilities.stream().anyMatch(f -> f.getId().equals(facilityId))) {
      DoorFacilityCookie.write(FacesContext.getCurrentInstance().getExternalContext(), facilityId);
    }
    refreshIncident();
  }

  /** A visitor checked another way during the incident: one DOOR_CHECK visit. */
  public void doorCheck(String how) {
    if (facilityId == null) {
      messages.error("scanner.facility.required");
      return;
    }
    CheckMethod method = CheckMethod.valueOf(how);
    try {
      VisitRecordService.DoorCheck saved = records.recordDoorCheck(facilityId, method);
      doorChecksToday = saved.today();
      doorAnswer =
          messages.text(
              "scanner.incident.recorded",
              messages.text("scanner.door." + method.name()),
              TIME.format(saved.visit().getVisitedAt()));
    } catch (BusinessException e) {
      doorAnswer = null;
      messages.show(e, "scanForm");
      refreshIncident();
    } catch (ConstraintViolationException e) {
      messages.show(e, "scanForm");
    }
  }

  /** One scan: the answer replaces the last one; the field is emptied for the next visitor. */
  public void scan() {
    if (facilityId == null) {
      messages.error("scanner.facility.required");
      return;
    }
    if (token == null || token.isBlank()) {
      return;
    }
    try {
      answer = checkins.checkInAtDoor(facilityId, token.trim(), party);
    } catch (VisitQueue.Overloaded e) {
      // nothing recorded: the same code may be scanned again in a moment
      messages.error("scanner.overloaded");
      return;
    } catch (VisitStoreUnavailable e) {
      // the database is down: nothing recorded, the same code may be scanned again shortly
      messages.error("scanner.unavailable");
      return;
    }
    token = null;
    answers++;
    refreshIncident();
    // the dining party is asked per visitor: the next one starts from "none" again
    party = DiningParty.NONE;
    if (!answer.replayed()) {
      scans++;
    }
  }

  public String getHeadline() {
    if (answer == null) {
      return messages.text("scanner.ready");
    }
    return messages.text("scanner.result." + answer.code().name());
  }

  public String getDetail() {
    if (answer == null || answer.reason() == null) {
      return null;
    }
    return messages.text("pass.reason." + answer.reason().name());
  }

  /**
   * What the owner can do next: ask for the visitor's own QR, or let a refused guest dine alone.
   */
  public String getHint() {
    if (answer == null) {
      return null;
    }
    if (answer.code() == CheckinCode.REPLAYED) {
      return messages.text("scanner.replayedHint");
    }
    if (answer.code() == CheckinCode.NO_PASS && isRestaurant()) {
      return messages.text("scanner.soloDinerHint");
    }
    return null;
  }

  /** green, red, or idle: the big panel's colour. */
  public String getTone() {
    if (answer == null) {
      return "idle";
    }
    return answer.admitted() ? "green" : "red";
  }

  /** The chosen facility's name, shown large at the top of the scanner. */
  public String getFacilityName() {
    return facilities.stream()
        .filter(f -> f.getId().equals(facilityId))
        .map(Facility::getName)
        .findFirst()
        .orElse(null);
  }

  public boolean isRestaurant() {
    return facilities.stream()
        .anyMatch(f -> f.getId().equals(facilityId) && f.getType().isRestaurantOrCafe());
  }

  public DiningParty[] getParties() {
    return DiningParty.values();
  }

  public List<Facility> getFacilities() {
    return facilities;
  }

  public Long getFacilityId() {
    return facilityId;
  }

  public void setFacilityId(Long facilityId) {
    this.facilityId = facilityId;
    this.answer = null;
    choice.remember(facilityId);
  }

  public boolean isIncidentMode() {
    return incident != null;
  }

  public VisitRecordService.IncidentMode getIncident() {
    return incident;
  }

  public long getDoorChecksToday() {
    return doorChecksToday;
  }

  public String getDoorAnswer() {
    return doorAnswer;
  }

  public DiningParty getParty() {
    return party;
  }

  public void setParty(DiningParty party) {
    this.party = party == null ? DiningParty.NONE : party;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public CheckinAnswer getAnswer() {
    return answer;
  }

  public long getScans() {
    return scans;
  }

  /**
   * How many answers this page has shown: the scanner's script tells by it whether a scan was
   * answered or not (overloaded, database down), and only an answered one is a presentation.
   */
  public long getAnswers() {
    return answers;
  }
}
