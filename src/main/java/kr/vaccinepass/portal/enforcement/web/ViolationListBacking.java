package kr.vaccinepass.portal.enforcement.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.vaccinepass.portal.enforcement.application.EnforcementService;
import kr.vaccinepass.portal.enforcement.application.ViolationRow;
import kr.vaccinepass.portal.enforcement.domain.FineState;
import kr.vaccinepass.portal.enforcement.domain.FineTotals;
import kr.vaccinepass.portal.enforcement.domain.ViolationFilter;
import kr.vaccinepass.portal.enforcement.domain.ViolationKind;
import kr.vaccinepass.portal.shared.web.LazyRows;
import kr.vaccinepass.portal.shared.web.Messages;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.event.SelectEvent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * inspector/violations.xhtml: the violations of the inspector's 시군구 as a lazy table, filtered by
 * kind, fine state and days, with the sums of the filtered rows; a row opens its case.
 */
@Named
@ViewScoped
public class ViolationListBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject EnforcementService enforcement;
  @Inject Messages messages;

  private ViolationKind kind;
  private FineState state;
  private LocalDate from;
  private LocalDate to;
  private FineTotals totals = FineTotals.NONE;
  private LocalDate today;
  private ViolationRow selected;
  private final LazyDataModel<ViolationRow> model = new ViolationModel();

  @PostConstruct
  void init() {
    refresh();
  }

  /** A filter changed: the sums follow, and the table starts again on its first page. */
  public void filterChanged() {
    if (from != null && to != null && to.isBefore(from)) {
      messages.errorOn("violationsForm:to", "inspector.violations.range.invalid");
      to = null;
    }
    refresh();
    FacesContext ctx = FacesContext.getCurrentInstance();
    if (ctx.getViewRoot().findComponent(":violationsForm:violations") instanceof DataTable table) {
      table.setFirst(0);
    }
  }

  private void refresh() {
    today = enforcement.today();
    totals = enforcement.totals(filter());
  }

  /** A row was clicked: its case. */
  public void open(SelectEvent<ViolationRow> event) {
    if (event.getObject() == null) {
      return;
    }
    FacesContext ctx = FacesContext.getCurrentInstance();
    ctx.getApplication()
        .getNavigationHandler()
        .handleNavigation(
            ctx,
            null,
            "/inspector/case.xhtml?faces-redirect=true&id="
                + event.getObject().violation().getId());
  }

  private ViolationFilter filter() {
    return new ViolationFilter(kind, state, from, to);
  }

  private final class ViolationModel extends LazyDataModel<ViolationRow> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) enforcement.count(filter());
    }

    @Override
    public List<ViolationRow> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return enforcement.violations(filter(), LazyRows.page(first, pageSize, sortBy));
    }

    @Override
    public String getRowKey(ViolationRow row) {
      return String.valueOf(row.violation().getId());
    }

    /** The clicked row among those of the page shown. */
    @Override
    public ViolationRow getRowData(String rowKey) {
      return LazyRows.byKey(getWrappedData(), rowKey, this::getRowKey);
    }
  }

  public LazyDataModel<ViolationRow> getModel() {
    return model;
  }

  public FineTotals getTotals() {
    return totals;
  }

  public LocalDate getToday() {
    return today;
  }

  public ViolationKind[] getKinds() {
    return ViolationKind.values();
  }

  public FineState[] getStates() {
    return FineState.values();
  }

  public ViolationKind getKind() {
    return kind;
  }

  public void setKind(ViolationKind kind) {
    this.kind = kind;
  }

  public FineState getState() {
    return state;
  }

  public void setState(FineState state) {
    this.state = state;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public ViolationRow getSelected() {
    return selected;
  }

  public void setSelected(ViolationRow selected) {
    this.selected = selected;
  }
}
