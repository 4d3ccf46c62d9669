package kr.vaccinepass.portal.enforcement.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import kr.vaccinepass.portal.enforcement.domain.Evidence;

/** error/upload.xhtml: why an upload was refused by {@link UploadGate}, and the photo's limit. */
@Named
@RequestScoped
public class UploadRefusalBacking {
  /** Whether the upload was too large (else: no upload is accepted there). */
  public boolean isTooLarge() {
    return "tooLarge"
        .equals(
            FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("reason"));
  }

  public int getMaxMegabytes() {
    return Evidence.MAX_BYTES / (1024 * 1024);
  }
}
