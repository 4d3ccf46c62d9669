package kr.vaccinepass.portal.visit.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import kr.vaccinepass.portal.shared.domain.PageRequest;
import kr.vaccinepass.portal.shared.region.Regions;
import kr.vaccinepass.portal.shared.web.Formats;
import kr.vaccinepass.portal.visit.application.TraceOversight;
import kr.vaccinepass.portal.visit.application.TraceOversight.Flagged;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** admin/traces.xhtml: the traces of facilities outside their investigator's region. */
@Named
@ViewScoped
public class FlaggedTracesBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject TraceOversight oversight;
  @Inject Regions regions;
  @Inject Formats formats;

  private final LazyDataModel<Flagged> model =
      new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          return (int) oversight.countOutOfRegion();
        }

        @Override
        public List<Flagged> load(
            int first,
            int pageSize,
            Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
          return oversight.outOfRegion(new PageRequest(first, pageSize, null, false));
        }

        @Override
        public String getRowKey(Flagged row) {
          return String.valueOf(row.trace().getId());
        }
      };

  /** A health authority by name. */
  public String authority(String code) {
    return regions.name(code, formats.locale()).orElse("");
  }

  public LazyDataModel<Flagged> getModel() {
    return model;
  }
}
