package kr.vaccinepass.portal.facility.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.util.List;
import kr.vaccinepass.portal.facility.application.FacilityDraft;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.facility.domain.FacilityType;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.region.Regions;
import kr.vaccinepass.portal.shared.region.Sido;
import kr.vaccinepass.portal.shared.region.Sigungu;
import kr.vaccinepass.portal.shared.web.Messages;

/** owner/facility-form.xhtml: register a facility (no id) or correct one (?id=). */
@Named
@ViewScoped
public class FacilityFormBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject FacilityService facilities;
  @Inject Regions regions;
  @Inject Messages messages;

  private Long id;
  private FacilityDraft draft = new FacilityDraft();
  private String safeCallNumber;
  private boolean found = true;
  private List<FacilityType> types;
  private List<Sigungu> sigunguOptions = List.of();

  /** f:viewAction: loads the facility to edit, if an id was given. */
  public void load() {
    types = facilities.types();
    if (id != null) {
      try {
        Facility facility = facilities.get(id);
        draft = FacilityDraft.of(facility);
        safeCallNumber = facility.getSafeCallNumber();
        sigunguOptions = regions.sigunguOf(draft.getSidoCode());
      } catch (NotFoundException e) {
        found = false;
        messages.error(e.messageKey());
      }
    }
  }

  public String save() {
    try {
      if (id == null) {
        Facility facility = facilities.register(draft);
        messages.infoAfterRedirect(
            "owner.facility.registered", facility.getName(), facility.getSafeCallNumber());
      } else {
        facilities.update(id, draft);
        messages.infoAfterRedirect("owner.facility.updated", draft.getName());
      }
      return "/owner/facilities.xhtml?faces-redirect=true";
    } catch (BusinessException e) {
      messages.show(e, "facilityForm");
    } catch (ConstraintViolationException e) {
      messages.show(e, "facilityForm");
    }
    return null;
  }

  public void sidoChanged() {
    sigunguOptions =
        draft.getSidoCode() == null ? List.of() : regions.sigunguOf(draft.getSidoCode());
    draft.setSigunguCode(null);
  }

  public boolean isEditing() {
    return id != null;
  }

  public boolean isFound() {
    return found;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public FacilityDraft getDraft() {
    return draft;
  }

  public String getSafeCallNumber() {
    return safeCallNumber;
  }

  public List<FacilityType> getTypes() {
    return types;
  }

  public List<Sido> getSidoOptions() {
    return regions.allSido();
  }

  public List<Sigungu> getSigunguOptions() {
    return sigunguOptions;
  }
}
