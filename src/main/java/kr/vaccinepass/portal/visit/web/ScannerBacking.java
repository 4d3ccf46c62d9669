package kr.vaccinepass.portal.visit.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.facility.web.OwnerFacilityChoice;
import kr.vaccinepass.portal.pass.domain.DiningParty;
import kr.vaccinepass.portal.shared.web.Messages;
import kr.vaccinepass.portal.visit.application.CheckinService;
import kr.vaccinepass.portal.visit.application.VisitBatcher;
import kr.vaccinepass.portal.visit.domain.CheckinAnswer;

/** The door scanner (owner/scanner.xhtml): choose the facility, then scan visitor after visitor. */
@Named
@ViewScoped
public class ScannerBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient CheckinService checkins;
  @Inject OwnerFacilityChoice choice;
  @Inject transient Messages messages;

  private List<Facility> facilities;
  private Long facilityId;
  private DiningParty party = DiningParty.NONE;
  private String token;
  private CheckinAnswer answer;
  private long scans;

  @PostConstruct
  void init() {
    facilities = choice.facilities();
    facilityId = choice.pick(null, facilities);
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
    } catch (VisitBatcher.Overloaded e) {
      // nothing recorded: the same code may be scanned again in a moment
      messages.error("scanner.overloaded");
      return;
    }
    token = null;
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

  /** What the owner can do next: the same QR again, or a refused guest who dines alone. */
  public String getHint() {
    if (answer == null) {
      return null;
    }
    if (answer.replayed()) {
      return messages.text("scanner.repeated");
    }
    if (answer.code() == kr.vaccinepass.portal.visit.domain.CheckinCode.NO_PASS && isRestaurant()) {
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

  public boolean isRestaurant() {
    return facilities.stream()
        .anyMatch(
            f -> f.getId().equals(facilityId) && "RESTAURANT_CAFE".equals(f.getType().getCode()));
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
}
