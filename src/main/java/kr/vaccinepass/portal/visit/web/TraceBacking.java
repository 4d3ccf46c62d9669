package kr.vaccinepass.portal.visit.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.List;
import kr.vaccinepass.portal.pass.application.TrustListReader;
import kr.vaccinepass.portal.pass.domain.PassIssuer;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.web.Messages;
import kr.vaccinepass.portal.visit.application.TraceService;
import kr.vaccinepass.portal.visit.application.TraceService.Findings;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * investigator/trace.xhtml: one trace's findings (read when the page opens, and recorded), and its
 * exports: one per issuer (the holder ids that only that issuer can resolve) and one of the
 * contacts, each watermarked with the trace and the investigator.
 */
@Named
@ViewScoped
public class TraceBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject TraceService traces;
  @Inject TraceExport export;
  @Inject TrustListReader trustList;
  @Inject Messages messages;

  private Long id;
  private transient Findings findings;

  public void load() {
    if (id == null) {
      messages.error("trace.notFound");
      return;
    }
    try {
      findings = traces.open(id);
    } catch (NotFoundException e) {
      messages.error(e.messageKey());
    }
  }

  /** An issuer's export, or the contacts' for none (EL passes an empty text for null). */
  public StreamedContent csv(String issuerCode) {
    String issuer = issuer(issuerCode);
    byte[] bytes = export.csv(traces.export(id, issuer), issuer);
    return download(bytes, "text/csv; charset=UTF-8", issuer, "csv");
  }

  public StreamedContent xlsx(String issuerCode) {
    String issuer = issuer(issuerCode);
    byte[] bytes = export.xlsx(traces.export(id, issuer), issuer);
    return download(
        bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", issuer, "xlsx");
  }

  private static String issuer(String code) {
    return code == null || code.isBlank() ? null : code;
  }

  private StreamedContent download(byte[] bytes, String type, String issuer, String extension) {
    String who = issuer == null ? "contacts" : issuer.toLowerCase(java.util.Locale.ROOT);
    return DefaultStreamedContent.builder()
        .name("trace-" + id + "-" + who + "." + extension)
        .contentType(type)
        .contentLength((long) bytes.length)
        .stream(() -> new ByteArrayInputStream(bytes))
        .build();
  }

  /** A facility of the findings by name and 시군구. */
  public String place(long facilityId) {
    return findings == null ? "" : export.place(findings, facilityId);
  }

  public List<PassIssuer> getIssuers() {
    return trustList.issuers();
  }

  public Findings getFindings() {
    return findings;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }
}
