package kr.vaccinepass.portal.identity.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.identity.application.StaffAccountForm;
import kr.vaccinepass.portal.identity.domain.Account;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.PageRequest;
import kr.vaccinepass.portal.shared.region.Regions;
import kr.vaccinepass.portal.shared.region.Sido;
import kr.vaccinepass.portal.shared.region.Sigungu;
import kr.vaccinepass.portal.shared.security.Role;
import kr.vaccinepass.portal.shared.web.Messages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** admin/accounts.xhtml: the list of accounts and the form for a new inspector or administrator. */
@Named
@ViewScoped
public class AccountsBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject AccountService accounts;
  @Inject Regions regions;
  @Inject Messages messages;

  private StaffAccountForm form;
  private LazyDataModel<Account> model;
  private List<Sigungu> sigunguOptions = List.of();

  @PostConstruct
  void init() {
    form = new StaffAccountForm();
    form.setRole(Role.INSPECTOR);
    model = new AccountModel();
  }

  public void create() {
    try {
      accounts.createStaff(form);
      messages.info("admin.accounts.created", form.getEmail());
      init();
    } catch (BusinessException e) {
      refused();
      messages.show(e, "staffForm");
    } catch (ConstraintViolationException e) {
      refused();
      messages.show(e, "staffForm");
    }
  }

  public void sidoChanged() {
    sigunguOptions = form.getSidoCode() == null ? List.of() : regions.sigunguOf(form.getSidoCode());
    form.setJurisdictionCode(null);
  }

  public List<Sido> getSidoOptions() {
    return regions.allSido();
  }

  public List<Sigungu> getSigunguOptions() {
    return sigunguOptions;
  }

  public Role[] getStaffRoles() {
    return new Role[] {Role.INSPECTOR, Role.INVESTIGATOR, Role.ADMIN};
  }

  /** An investigator's health authority by name ("부산광역시" or "부산광역시 중구"). */
  public String authorityOf(Account account) {
    return regions
        .name(
            account.getHealthAuthorityCode(),
            FacesContext.getCurrentInstance().getViewRoot().getLocale())
        .orElse("");
  }

  public StaffAccountForm getForm() {
    return form;
  }

  public LazyDataModel<Account> getModel() {
    return model;
  }

  private final class AccountModel extends LazyDataModel<Account> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) accounts.count(text(filterBy));
    }

    @Override
    public List<Account> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
      return accounts.list(
          text(filterBy),
          new PageRequest(
              first,
              pageSize,
              sort == null ? null : sort.getField(),
              sort == null || sort.getOrder() != SortOrder.DESCENDING));
    }

    @Override
    public String getRowKey(Account account) {
      return String.valueOf(account.getId());
    }

    private String text(Map<String, FilterMeta> filterBy) {
      FilterMeta global = filterBy.get("globalFilter");
      return global == null || global.getFilterValue() == null
          ? null
          : global.getFilterValue().toString();
    }
  }

  /**
   * The form was refused: its password fields come back empty (a password is never sent back to the
   * browser), and the page says so beside them.
   */
  private static void refused() {
    jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
  }
}
