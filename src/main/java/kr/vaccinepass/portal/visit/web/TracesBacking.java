package kr.vaccinepass.portal.visit.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.pass.application.TrustListReader;
import kr.vaccinepass.portal.pass.domain.PassIssuer;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.domain.PageRequest;
import kr.vaccinepass.portal.shared.region.Regions;
import kr.vaccinepass.portal.shared.web.Formats;
import kr.vaccinepass.portal.shared.web.Messages;
import kr.vaccinepass.portal.visit.application.TraceService;
import kr.vaccinepass.portal.visit.domain.Trace;
import kr.vaccinepass.portal.visit.domain.TraceBasis;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * investigator/traces.xhtml: a new trace (its basis, case, a facility found by name or a holder id
 * with its issuer, the window, and a reason when the facility lies outside the region) and the
 * investigator's own traces.
 */
@Named
@ViewScoped
public class TracesBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What a trace follows. */
  public enum Subject {
    FACILITY,
    HOLDER
  }

  @Inject TraceService traces;
  @Inject TrustListReader trustList;
  @Inject Regions regions;
  @Inject Formats formats;
  @Inject Messages messages;

  private TraceBasis basis;
  private String caseRef;
  private Subject subject = Subject.FACILITY;
  private String facilitySearch;
  private List<Facility> found = List.of();
  private Long facilityId;
  private String issuerCode;
  private String holderId;
  private LocalDateTime from;
  private LocalDateTime to;
  private String reason;
  private boolean outside;
  private final LazyDataModel<Trace> model = new Model();

  @PostConstruct
  void init() {
    // the last four hours, up to the end of this minute: what arrived a moment ago is in it
    LocalDateTime end =
        LocalDateTime.ofInstant(traces.now(), Kst.ZONE).withSecond(0).withNano(0).plusMinutes(1);
    to = end;
    from = end.minusHours(4);
  }

  public void search() {
    found = traces.facilities(facilitySearch);
    facilityId = found.size() == 1 ? found.get(0).getId() : null;
    facilityChanged();
    if (found.isEmpty()) {
      messages.errorOn("traceForm:facilitySearch", "trace.facility.noneFound");
    }
  }

  public void facilityChanged() {
    outside = facilityId != null && traces.outsideRegion(facilityId);
  }

  public String request() {
    try {
      Trace trace =
          traces.request(
              new Trace.Request(
                  basis,
                  caseRef,
                  subject == Subject.FACILITY ? facilityId : null,
                  subject == Subject.HOLDER ? issuerCode : null,
                  subject == Subject.HOLDER ? holderId : null,
                  instant(from),
                  instant(to),
                  reason));
      return "/investigator/trace.xhtml?faces-redirect=true&id=" + trace.getId();
    } catch (BusinessException e) {
      for (BusinessException refusal : e.all()) {
        if (refusal.field().filter("subject"::equals).isPresent()) {
          // next to where the choice is made: the list of found facilities, else the search
          messages.errorOn(subjectInput(), refusal.messageKey());
        } else {
          messages.show(
              BusinessException.onField(
                  refusal.field().orElse(null), refusal.messageKey(), refusal.arguments()),
              "traceForm");
        }
      }
      FacesContext.getCurrentInstance().validationFailed();
      return null;
    }
  }

  private String subjectInput() {
    if (subject == Subject.HOLDER) {
      return "traceForm:holderId";
    }
    return found.isEmpty() ? "traceForm:facilitySearch" : "traceForm:facility";
  }

  private static Instant instant(LocalDateTime local) {
    return local == null ? null : local.atZone(Kst.ZONE).toInstant();
  }

  /** A facility as the choice names it: its name, its 시군구 and its address. */
  public String label(Facility f) {
    return f.getName()
        + " · "
        + f.getSigungu().fullName(formats.locale())
        + " · "
        + f.getRoadAddress();
  }

  public String authorityName() {
    return regions.name(traces.authority().code(), formats.locale()).orElse("");
  }

  private final class Model extends LazyDataModel<Trace> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) traces.countMine();
    }

    @Override
    public List<Trace> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return traces.mine(new PageRequest(first, pageSize, null, false));
    }

    @Override
    public String getRowKey(Trace trace) {
      return String.valueOf(trace.getId());
    }
  }

  public LazyDataModel<Trace> getModel() {
    return model;
  }

  public TraceBasis[] getBases() {
    return TraceBasis.values();
  }

  public Subject[] getSubjects() {
    return Subject.values();
  }

  public List<PassIssuer> getIssuers() {
    return trustList.issuers();
  }

  public List<Facility> getFound() {
    return found;
  }

  public boolean isOutside() {
    return outside;
  }

  public TraceBasis getBasis() {
    return basis;
  }

  public void setBasis(TraceBasis basis) {
    this.basis = basis;
  }

  public String getCaseRef() {
    return caseRef;
  }

  public void setCaseRef(String caseRef) {
    this.caseRef = caseRef;
  }

  public Subject getSubject() {
    return subject;
  }

  public void setSubject(Subject subject) {
    this.subject = subject;
  }

  public String getFacilitySearch() {
    return facilitySearch;
  }

  public void setFacilitySearch(String facilitySearch) {
    this.facilitySearch = facilitySearch;
  }

  public Long getFacilityId() {
    return facilityId;
  }

  public void setFacilityId(Long facilityId) {
    this.facilityId = facilityId;
  }

  public String getIssuerCode() {
    return issuerCode;
  }

  public void setIssuerCode(String issuerCode) {
    this.issuerCode = issuerCode;
  }

  public String getHolderId() {
    return holderId;
  }

  public void setHolderId(String holderId) {
    this.holderId = holderId;
  }

  public LocalDateTime getFrom() {
    return from;
  }

  public void setFrom(LocalDateTime from) {
    this.from = from;
  }

  public LocalDateTime getTo() {
    return to;
  }

  public void setTo(LocalDateTime to) {
    this.to = to;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
