package kr.vaccinepass.portal.visit.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.util.List;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.facility.web.OwnerFacilityChoice;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.web.Messages;
import kr.vaccinepass.portal.visit.application.VisitRecordService;
import kr.vaccinepass.portal.visit.domain.DeviceKey;

/** The owner's door devices (owner/devices.xhtml): create a key (shown once), revoke one. */
@Named
@ViewScoped
public class DeviceKeysBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient VisitRecordService visits;
  @Inject OwnerFacilityChoice choice;
  @Inject transient Messages messages;

  private List<Facility> facilities;
  private Long facilityId;
  private String label;
  private String newSecret;

  @PostConstruct
  void init() {
    facilities = choice.facilities();
    facilityId = choice.pick(null, facilities);
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
      messages.info("device.created");
    } catch (BusinessException e) {
      messages.show(e, "deviceForm");
    } catch (ConstraintViolationException e) {
      messages.show(e, "deviceForm");
    }
  }

  public void revoke(long keyId) {
    try {
      visits.revokeDeviceKey(keyId);
      newSecret = null;
      messages.info("device.revoked");
    } catch (BusinessException e) {
      messages.show(e, "deviceForm");
    }
  }

  public List<DeviceKey> getKeys() {
    return facilityId == null ? List.of() : visits.deviceKeys(facilityId);
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
    choice.remember(facilityId);
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
}
