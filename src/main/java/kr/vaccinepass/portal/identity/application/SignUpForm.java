package kr.vaccinepass.portal.identity.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an owner types to sign up. The same constraints check the page and the service. */
public class SignUpForm extends PersonForm {
  @NotBlank(message = "{password.required}")
  @Size(max = 128, message = "{password.tooLong}")
  private String password;

  private String passwordConfirmation;

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getPasswordConfirmation() {
    return passwordConfirmation;
  }

  public void setPasswordConfirmation(String passwordConfirmation) {
    this.passwordConfirmation = passwordConfirmation;
  }
}
