package kr.vaccinepass.portal.visit.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.vaccinepass.portal.facility.application.OwnerFacilityChoice;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.web.BarChart;
import kr.vaccinepass.portal.shared.web.LazyRows;
import kr.vaccinepass.portal.shared.web.Messages;
import kr.vaccinepass.portal.visit.application.HandwrittenEntry;
import kr.vaccinepass.portal.visit.application.VisitRecordService;
import kr.vaccinepass.portal.visit.domain.CheckMethod;
import kr.vaccinepass.portal.visit.domain.Visit;
import kr.vaccinepass.portal.visit.domain.VisitFilter;
import kr.vaccinepass.portal.visit.domain.VisitMethod;
import kr.vaccinepass.portal.visit.domain.VisitOutcome;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;

/**
 * The owner's visit records (owner/visits.xhtml): the lazy table of the last 28 days, today's
 * check-ins per hour, handwritten entries, how an unverified visit was checked, and the export.
 */
@Named
@ViewScoped
public class VisitRecordsBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject VisitRecordService visits;
  @Inject OwnerFacilityChoice choice;
  @Inject Messages messages;
  @Inject VisitExport export;

  private List<Facility> facilities;
  private Long facilityId;
  private LocalDate day;
  private Integer hour;
  private VisitMethod method;
  private VisitOutcome outcome;
  private HandwrittenEntry entry = new HandwrittenEntry();
  private Long checkVisitId;
  private CheckMethod checkMethod;
  private final LazyDataModel<Visit> model = new VisitModel();

  @PostConstruct
  void init() {
    facilities = choice.facilities();
  }

  /** The view parameter: a facility of the owner's, else their first. */
  public void load() {
    facilityId = choice.pick(facilityId, facilities);
  }

  public void addHandwritten() {
    try {
      VisitRecordService.Handwritten saved = visits.addHandwritten(facilityId, entry);
      entry = new HandwrittenEntry();
      messages.info(
          saved.passRequired() ? "visit.handwritten.savedNoProof" : "visit.handwritten.saved");
    } catch (BusinessException e) {
      messages.show(e, "handwrittenForm");
    } catch (ConstraintViolationException e) {
      messages.show(e, "handwrittenForm");
    }
  }

  public void recordCheck() {
    try {
      visits.recordCheck(checkVisitId, checkMethod);
      messages.info("visit.check.saved");
      checkVisitId = null;
      checkMethod = null;
    } catch (BusinessException e) {
      messages.show(e, "checkForm");
    } catch (ConstraintViolationException e) {
      messages.show(e, "checkForm");
    }
  }

  /** A day outside the 28 kept is refused next to the field (the picker also limits it). */
  public void dayChanged() {
    if (day != null && (day.isBefore(getMinDay()) || day.isAfter(getMaxDay()))) {
      messages.errorOn("visitsForm:day", "visit.day.outOfRange", getMinDay(), getMaxDay());
      day = null;
    }
  }

  public StreamedContent getCsv() {
    byte[] bytes = export.csv(visits.all(facilityId, filter()));
    return download(bytes, "text/csv; charset=UTF-8", "csv");
  }

  public StreamedContent getXlsx() {
    byte[] bytes = export.xlsx(visits.all(facilityId, filter()));
    return download(
        bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
  }

  private StreamedContent download(byte[] bytes, String type, String extension) {
    return DefaultStreamedContent.builder()
        .name("visits-" + facilityId + "-" + (day != null ? day : visits.today()) + "." + extension)
        .contentType(type)
        .contentLength((long) bytes.length)
        .stream(() -> new ByteArrayInputStream(bytes))
        .build();
  }

  /** Today's check-ins per hour as a Chart.js bar chart. */
  public String getChart() {
    long[] perHour = facilityId == null ? new long[24] : visits.todayPerHour(facilityId);
    Map<String, Long> bars = new LinkedHashMap<>();
    for (int h = 0; h < 24; h++) {
      bars.put(String.format("%02d", h), perHour[h]);
    }
    return BarChart.of(messages.text("visit.chart.series"), "#2e7d32", bars);
  }

  public long getTodayTotal() {
    long total = 0;
    for (long n : facilityId == null ? new long[0] : visits.todayPerHour(facilityId)) {
      total += n;
    }
    return total;
  }

  public long getTodayRefusals() {
    return facilityId == null ? 0 : visits.todayRefusals(facilityId);
  }

  private VisitFilter filter() {
    return new VisitFilter(day, hour, method, outcome);
  }

  private final class VisitModel extends LazyDataModel<Visit> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return facilityId == null ? 0 : (int) visits.count(facilityId, filter());
    }

    @Override
    public List<Visit> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      if (facilityId == null) {
        return List.of();
      }
      return visits.page(facilityId, filter(), LazyRows.page(first, pageSize, sortBy)).items();
    }

    @Override
    public String getRowKey(Visit visit) {
      return String.valueOf(visit.getId());
    }
  }

  public LazyDataModel<Visit> getModel() {
    return model;
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

  public LocalDate getDay() {
    return day;
  }

  public void setDay(LocalDate day) {
    this.day = day;
  }

  public LocalDate getMinDay() {
    return visits.today().minusDays(VisitRecordService.RETENTION_DAYS);
  }

  public LocalDate getMaxDay() {
    return visits.today();
  }

  public Integer getHour() {
    return hour;
  }

  public void setHour(Integer hour) {
    this.hour = hour;
  }

  public List<Integer> getHours() {
    return java.util.stream.IntStream.range(0, 24).boxed().toList();
  }

  public VisitMethod getMethod() {
    return method;
  }

  public void setMethod(VisitMethod method) {
    this.method = method;
  }

  public VisitMethod[] getMethods() {
    return VisitMethod.values();
  }

  public VisitOutcome getOutcome() {
    return outcome;
  }

  public void setOutcome(VisitOutcome outcome) {
    this.outcome = outcome;
  }

  public VisitOutcome[] getOutcomes() {
    return VisitOutcome.values();
  }

  public HandwrittenEntry getEntry() {
    return entry;
  }

  public Long getCheckVisitId() {
    return checkVisitId;
  }

  public void setCheckVisitId(Long checkVisitId) {
    this.checkVisitId = checkVisitId;
  }

  public CheckMethod getCheckMethod() {
    return checkMethod;
  }

  public void setCheckMethod(CheckMethod checkMethod) {
    this.checkMethod = checkMethod;
  }

  public CheckMethod[] getCheckMethods() {
    return CheckMethod.values();
  }
}
