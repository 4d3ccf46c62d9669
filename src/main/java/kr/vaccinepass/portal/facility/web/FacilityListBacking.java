package kr.vaccinepass.portal.facility.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.facility.domain.FacilityFilter;
import kr.vaccinepass.portal.facility.domain.FacilityStatus;
import kr.vaccinepass.portal.facility.domain.FacilityType;
import kr.vaccinepass.portal.shared.domain.PageRequest;
import kr.vaccinepass.portal.shared.region.Regions;
import kr.vaccinepass.portal.shared.region.Sido;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The facility list of every audience (owner, inspector, administrator pages include the same
 * table): a lazy model over the service, which narrows it to what the caller may see.
 */
@Named
@ViewScoped
public class FacilityListBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject FacilityService facilities;
  @Inject Regions regions;

  private LazyDataModel<Facility> model;
  private List<FacilityType> types;

  @PostConstruct
  void init() {
    model = new FacilityModel();
    types = facilities.types();
  }

  public LazyDataModel<Facility> getModel() {
    return model;
  }

  public List<FacilityType> getTypes() {
    return types;
  }

  public List<Sido> getSidoOptions() {
    return regions.allSido();
  }

  public FacilityStatus[] getStatuses() {
    return FacilityStatus.values();
  }

  private final class FacilityModel extends LazyDataModel<Facility> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) facilities.count(filter(filterBy));
    }

    @Override
    public List<Facility> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
      return facilities.list(
          filter(filterBy),
          new PageRequest(
              first,
              pageSize,
              sort == null ? "createdAt" : sort.getField(),
              sort != null && sort.getOrder() != SortOrder.DESCENDING));
    }

    @Override
    public String getRowKey(Facility facility) {
      return String.valueOf(facility.getId());
    }

    private FacilityFilter filter(Map<String, FilterMeta> filterBy) {
      String status = value(filterBy, "status");
      return new FacilityFilter(
          value(filterBy, "globalFilter"),
          value(filterBy, "type"),
          value(filterBy, "sido"),
          null,
          status == null ? null : FacilityStatus.valueOf(status));
    }

    private String value(Map<String, FilterMeta> filterBy, String field) {
      FilterMeta meta = filterBy.get(field);
      if (meta == null || meta.getFilterValue() == null) {
        return null;
      }
      String value = meta.getFilterValue().toString();
      return value.isBlank() ? null : value;
    }
  }
}
