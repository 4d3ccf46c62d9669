package kr.vaccinepass.portal.visit.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import kr.vaccinepass.portal.facility.application.OwnerFacilityChoice;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.infrastructure.QrImage;
import kr.vaccinepass.portal.shared.web.Formats;
import kr.vaccinepass.portal.shared.web.Messages;
import kr.vaccinepass.portal.visit.application.PairedDoor;
import kr.vaccinepass.portal.visit.application.VisitRecordService;

/**
 * The owner's door devices (owner/devices.xhtml): create a key (shown once), revoke one, pair this
 * browser as a facility's door app (or show a QR code that pairs another device), and see each
 * key's door state.
 */
@Named
@ViewScoped
public class DeviceKeysBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject VisitRecordService visits;
  @Inject OwnerFacilityChoice choice;
  @Inject Messages messages;
  @Inject Formats formats;

  private List<Facility> facilities;
  private Long facilityId;
  private String label;
  private String newSecret;
  private List<PairedDoor> doors;
  private String pairingQr;
  private String pairingFacility;

  @PostConstruct
  void init() {
    facilities = choice.facilities();
    facilityId = choice.pick(null, facilities);
    reload();
  }

  public void create() {
    if (facilityId == null) {
      // an owner with no facility yet: nothing to make a key for
      messages.errorOn("deviceForm:facility", "visit.noFacility");
      return;
    }
    try {
      newSecret = visits.createDeviceKey(facilityId, label).secret();
      label = null;
      pairingQr = null;
      messages.info("device.created");
      reload();
    } catch (BusinessException e) {
      messages.show(e, "deviceForm");
    } catch (ConstraintViolationException e) {
      messages.show(e, "deviceForm");
    }
  }

  /**
   * Makes a key for the facility (the service refuses another owner's) and sends this browser to
   * the door app with it in the address's fragment: never in a query string, so never in a log.
   */
  public void pair(long facilityId) throws IOException {
    String secret;
    try {
      secret = pairingKey(facilityId);
    } catch (BusinessException e) {
      messages.show(e, "pairForm");
      return;
    }
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    external.redirect(DoorPairingUrl.path(external.getRequestContextPath(), secret));
  }

  /** Makes a key for the facility and shows its pairing address as a QR code, once. */
  public void pairByQr(long facilityId) {
    try {
      String secret = pairingKey(facilityId);
      HttpServletRequest request =
          (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
      pairingQr = QrImage.pngDataUri(DoorPairingUrl.absolute(request, secret));
      pairingFacility =
          facilities.stream()
              .filter(f -> f.getId() == facilityId)
              .map(Facility::getName)
              .findFirst()
              .orElse("");
      newSecret = null;
      messages.info("device.pair.qr.created");
      reload();
    } catch (BusinessException e) {
      messages.show(e, "pairForm");
    }
  }

  /** A new key through the same service path as {@link #create()}, named "출입문 앱 <today>". */
  private String pairingKey(long facilityId) {
    String name = messages.text("device.pair.label", formats.date(visits.today()));
    return visits.createDeviceKey(facilityId, name).secret();
  }

  public void revoke(long keyId) {
    try {
      visits.revokeDeviceKey(keyId);
      newSecret = null;
      pairingQr = null;
      messages.info("device.revoked");
      reload();
    } catch (BusinessException e) {
      messages.show(e, "deviceForm");
    }
  }

  private void reload() {
    doors = facilityId == null ? List.of() : visits.doors(facilityId);
  }

  /** The chosen facility's keys, newest first, each with its door's state when it was read. */
  public List<PairedDoor> getDoors() {
    return doors;
  }

  public List<Facility> getFacilities() {
    return facilities;
  }

  public Long getFacilityId() {
    return facilityId;
  }

  public void setFacilityId(Long facilityId) {
    this.facilityId = facilityId;
    this.newSecret = null;
    this.pairingQr = null;
    choice.remember(facilityId);
    reload();
  }

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }

  public String getNewSecret() {
    return newSecret;
  }

  /** The pairing QR code as a data: PNG, shown once after {@link #pairByQr(long)}; else null. */
  public String getPairingQr() {
    return pairingQr;
  }

  public String getPairingFacility() {
    return pairingFacility;
  }
}
