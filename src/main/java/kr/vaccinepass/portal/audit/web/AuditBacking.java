package kr.vaccinepass.portal.audit.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.vaccinepass.portal.audit.application.AuditQuery;
import kr.vaccinepass.portal.audit.application.AuditRow;
import kr.vaccinepass.portal.audit.application.AuditSearch;
import kr.vaccinepass.portal.audit.domain.AuditChain;
import kr.vaccinepass.portal.audit.domain.AuditKind;
import kr.vaccinepass.portal.audit.domain.AuditSubject;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.web.LazyRows;
import kr.vaccinepass.portal.shared.web.Messages;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;

/**
 * admin/audit.xhtml: the trail as a lazy table filtered by person, action, object and days, its
 * export as CSV, and the check of its hash chain.
 */
@Named
@ViewScoped
public class AuditBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject AuditSearch search;
  @Inject AuditExport export;
  @Inject Messages messages;

  private String person;
  private AuditKind kind;
  private AuditSubject subject;
  private String objectId;
  private LocalDate from;
  private LocalDate to;
  private AuditChain.Verdict verdict;
  private final LazyDataModel<AuditRow> model = new Model();

  /** A filter changed: the table starts again on its first page. */
  public void filterChanged() {
    if (from != null && to != null && to.isBefore(from)) {
      messages.errorOn("auditForm:to", "audit.filter.rangeInvalid");
      to = null;
    }
    if (FacesContext.getCurrentInstance().getViewRoot().findComponent(":auditForm:entries")
        instanceof DataTable table) {
      table.setFirst(0);
    }
  }

  public void verify() {
    verdict = search.verify();
  }

  public StreamedContent getCsv() {
    byte[] bytes;
    try {
      bytes = export.csv(search.export(query()));
    } catch (BusinessException e) {
      messages.show(e, "auditForm");
      return null;
    } catch (ConstraintViolationException e) {
      messages.show(e, "auditForm");
      return null;
    }
    return DefaultStreamedContent.builder()
        .name("audit-" + search.today() + ".csv")
        .contentType("text/csv; charset=UTF-8")
        .contentLength((long) bytes.length)
        .stream(() -> new ByteArrayInputStream(bytes))
        .build();
  }

  private AuditQuery query() {
    return new AuditQuery(person, kind, subject, objectId, from, to);
  }

  private final class Model extends LazyDataModel<AuditRow> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      try {
        return (int) Math.min(Integer.MAX_VALUE, search.count(query()));
      } catch (ConstraintViolationException | BusinessException e) {
        return 0;
      }
    }

    @Override
    public List<AuditRow> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      try {
        return search.page(query(), LazyRows.page(first, pageSize, sortBy));
      } catch (ConstraintViolationException e) {
        messages.show(e, "auditForm");
        return List.of();
      } catch (BusinessException e) {
        messages.show(e, "auditForm");
        return List.of();
      }
    }

    @Override
    public String getRowKey(AuditRow row) {
      return String.valueOf(row.entry().getSeq());
    }

    @Override
    public AuditRow getRowData(String rowKey) {
      return LazyRows.byKey(getWrappedData(), rowKey, this::getRowKey);
    }
  }

  public LazyDataModel<AuditRow> getModel() {
    return model;
  }

  public AuditKind[] getKinds() {
    return AuditKind.values();
  }

  public AuditSubject[] getSubjects() {
    return AuditSubject.values();
  }

  public AuditChain.Verdict getVerdict() {
    return verdict;
  }

  public String getPerson() {
    return person;
  }

  public void setPerson(String person) {
    this.person = person;
  }

  public AuditKind getKind() {
    return kind;
  }

  public void setKind(AuditKind kind) {
    this.kind = kind;
  }

  public AuditSubject getSubject() {
    return subject;
  }

  public void setSubject(AuditSubject subject) {
    this.subject = subject;
  }

  public String getObjectId() {
    return objectId;
  }

  public void setObjectId(String objectId) {
    this.objectId = objectId;
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
}
