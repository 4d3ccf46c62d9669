package kr.vaccinepass.portal.enforcement.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import kr.vaccinepass.portal.enforcement.application.OwnerCaseService;
import kr.vaccinepass.portal.enforcement.domain.Notice;
import kr.vaccinepass.portal.enforcement.domain.Violation;
import kr.vaccinepass.portal.facility.application.OwnerFacilityChoice;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.web.Messages;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * owner/violations.xhtml: the violations and fines of the owner's facility, the reduced amount
 * while the opinion period runs, the notices of their own cases, and their opinion.
 */
@Named
@ViewScoped
public class OwnerViolationsBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject OwnerCaseService cases;
  @Inject OwnerFacilityChoice choice;
  @Inject Messages messages;

  private List<Facility> facilities;
  private Long facilityId;
  private List<Violation> violations = List.of();
  private LocalDate today;
  private Long opinionCaseId;
  private String opinion;

  @PostConstruct
  void init() {
    facilities = choice.facilities();
  }

  /** The view parameter: a facility of the owner's, else the remembered one, else their first. */
  public void load() {
    facilityId = choice.pick(facilityId, facilities);
    refresh();
  }

  /** Another facility was chosen. */
  public void facilityChanged() {
    opinionCaseId = null;
    refresh();
  }

  private void refresh() {
    today = cases.today();
    violations = facilityId == null ? List.of() : cases.violationsOf(facilityId);
  }

  /** The opinion form is about to open for this case. */
  public void prepareOpinion(long violationId) {
    opinionCaseId = violationId;
    opinion = null;
  }

  public void submitOpinion() {
    if (opinionCaseId == null) {
      messages.error("fine.notFound");
      return;
    }
    try {
      cases.submitOpinion(opinionCaseId, opinion);
      opinionCaseId = null;
      opinion = null;
      refresh();
      messages.info("owner.violations.opinion.submitted");
    } catch (BusinessException e) {
      messages.show(e, "opinionForm");
    } catch (ConstraintViolationException e) {
      messages.show(e, "opinionForm");
    }
  }

  public StreamedContent priorNotice(long violationId) {
    return pdf(violationId, Notice.Kind.PRIOR_NOTICE, "prior-notice");
  }

  public StreamedContent impositionNotice(long violationId) {
    return pdf(violationId, Notice.Kind.IMPOSITION, "imposition-notice");
  }

  private StreamedContent pdf(long violationId, Notice.Kind kind, String name) {
    byte[] bytes = cases.notice(violationId, kind);
    return DefaultStreamedContent.builder()
        .name("VP-" + violationId + "-" + name + ".pdf")
        .contentType("application/pdf")
        .contentLength((long) bytes.length)
        .stream(() -> new ByteArrayInputStream(bytes))
        .build();
  }

  public List<Facility> getFacilities() {
    return facilities;
  }

  public Long getFacilityId() {
    return facilityId;
  }

  public void setFacilityId(Long facilityId) {
    this.facilityId = facilityId;
    choice.remember(facilityId);
  }

  public List<Violation> getViolations() {
    return violations;
  }

  public LocalDate getToday() {
    return today;
  }

  public Long getOpinionCaseId() {
    return opinionCaseId;
  }

  public String getOpinion() {
    return opinion;
  }

  public void setOpinion(String opinion) {
    this.opinion = opinion;
  }
}
