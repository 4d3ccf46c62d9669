package kr.vaccinepass.portal.identity.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import kr.vaccinepass.portal.shared.security.Role;

/** What an administrator types to create an inspector or another administrator. */
public class StaffAccountForm extends PersonForm implements Serializable {
  private static final long serialVersionUID = 1L;

  @NotNull(message = "{account.role.required}")
  private Role role;

  /** The 시도 chosen first in the page, to narrow the 시군구 list. */
  private String sidoCode;

  private String jurisdictionCode;

  @NotBlank(message = "{password.required}")
  @Size(max = 128, message = "{password.tooLong}")
  private String initialPassword;

  public Role getRole() {
    return role;
  }

  public void setRole(Role role) {
    this.role = role;
  }

  public String getSidoCode() {
    return sidoCode;
  }

  public void setSidoCode(String sidoCode) {
    this.sidoCode = sidoCode;
  }

  public String getJurisdictionCode() {
    return jurisdictionCode;
  }

  public void setJurisdictionCode(String jurisdictionCode) {
    this.jurisdictionCode = jurisdictionCode;
  }

  public String getInitialPassword() {
    return initialPassword;
  }

  public void setInitialPassword(String initialPassword) {
    this.initialPassword = initialPassword;
  }
}
