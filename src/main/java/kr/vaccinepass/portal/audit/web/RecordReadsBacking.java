package kr.vaccinepass.portal.audit.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import kr.vaccinepass.portal.audit.application.AuditRow;
import kr.vaccinepass.portal.audit.application.RecordReads;
import kr.vaccinepass.portal.shared.domain.PageRequest;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * owner/record-reads.xhtml: who read the owner's facilities' visit records and when, by role and
 * authority (the owner's own reads are left out).
 */
@Named
@ViewScoped
public class RecordReadsBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject RecordReads reads;

  private final LazyDataModel<AuditRow> model = new Model();

  private final class Model extends LazyDataModel<AuditRow> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) Math.min(Integer.MAX_VALUE, reads.count());
    }

    @Override
    public List<AuditRow> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return reads.page(new PageRequest(first, pageSize, null, false));
    }

    @Override
    public String getRowKey(AuditRow row) {
      return String.valueOf(row.entry().getSeq());
    }
  }

  public LazyDataModel<AuditRow> getModel() {
    return model;
  }
}
