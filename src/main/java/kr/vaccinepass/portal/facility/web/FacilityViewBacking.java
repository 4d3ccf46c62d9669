package kr.vaccinepass.portal.facility.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.web.Messages;

/** inspector/facility.xhtml and admin/facility.xhtml: one facility's details, if visible. */
@Named
@RequestScoped
public class FacilityViewBacking {
  @Inject FacilityService facilities;
  @Inject Messages messages;

  private Long id;
  private Facility facility;

  public void load() {
    if (id == null) {
      messages.error("facility.notFound");
      return;
    }
    try {
      facility = facilities.get(id);
    } catch (NotFoundException e) {
      messages.error(e.messageKey());
    }
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public Facility getFacility() {
    return facility;
  }
}
