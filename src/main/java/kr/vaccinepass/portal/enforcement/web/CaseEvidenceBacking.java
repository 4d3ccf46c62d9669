package kr.vaccinepass.portal.enforcement.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.util.List;
import kr.vaccinepass.portal.enforcement.application.EvidenceService;
import kr.vaccinepass.portal.enforcement.domain.Evidence;
import kr.vaccinepass.portal.enforcement.domain.EvidenceSummary;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.web.Messages;
import org.primefaces.model.file.UploadedFile;

/**
 * The evidence card of inspector/case.xhtml: the violation's photos and the form that attaches one.
 * The photo's type is decided by its bytes in the domain, whatever its name says.
 */
@Named
@ViewScoped
public class CaseEvidenceBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject EvidenceService evidence;
  @Inject CaseBacking caseBacking;
  @Inject Messages messages;

  private List<EvidenceSummary> photos;
  private transient UploadedFile photo;
  private String description;

  public List<EvidenceSummary> getPhotos() {
    if (photos == null) {
      try {
        photos = caseBacking.getId() == null ? List.of() : evidence.of(caseBacking.getId());
      } catch (NotFoundException e) {
        photos = List.of();
      }
    }
    return photos;
  }

  public void attach() {
    if (photo == null || photo.getSize() == 0) {
      messages.errorOn("evidenceForm:photo", "evidence.empty");
      return;
    }
    if (photo.getSize() > Evidence.MAX_BYTES) {
      // refused before the bytes are read into memory
      messages.errorOn(
          "evidenceForm:photo", "evidence.tooLarge", Evidence.MAX_BYTES / (1024 * 1024));
      return;
    }
    try {
      evidence.attach(caseBacking.getId(), photo.getContent(), description);
      photos = null;
      description = null;
      messages.info("evidence.attached");
    } catch (BusinessException e) {
      messages.show(e, "evidenceForm");
    } catch (ConstraintViolationException e) {
      messages.show(e, "evidenceForm");
    } finally {
      photo = null;
    }
  }

  public int getMaxMegabytes() {
    return Evidence.MAX_BYTES / (1024 * 1024);
  }

  public UploadedFile getPhoto() {
    return photo;
  }

  public void setPhoto(UploadedFile photo) {
    this.photo = photo;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
