package kr.vaccinepass.portal.identity.application;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kr.vaccinepass.portal.shared.domain.PhoneNumbers;
import kr.vaccinepass.portal.shared.domain.SingleLine;
import kr.vaccinepass.portal.shared.domain.TextRules;

/** Who a new account belongs to: e-mail, name, phone, with the checks every account form shares. */
public abstract class PersonForm {
  @NotBlank(message = "{account.email.required}")
  @Email(message = "{account.email.invalid}")
  @Size(max = 254, message = "{account.email.tooLong}")
  private String email;

  @NotBlank(message = "{account.name.required}")
  @Size(max = TextRules.ACCOUNT_NAME, message = "{account.name.tooLong}")
  @SingleLine
  private String name;

  @NotBlank(message = "{account.phone.required}")
  @Pattern(regexp = PhoneNumbers.PATTERN, message = "{account.phone.invalid}")
  private String phone;

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }
}
