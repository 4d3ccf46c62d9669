package kr.vaccinepass.portal.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.identity.application.SignUpForm;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.web.Messages;

/** public/signup.xhtml: an owner creates their account, then signs in. */
@Named
@RequestScoped
public class SignupBacking {
  @Inject AccountService accounts;
  @Inject Messages messages;

  private final SignUpForm form = new SignUpForm();

  public String signUp() {
    try {
      accounts.signUpOwner(form);
      messages.infoAfterRedirect("signup.done");
      return "/public/login.xhtml?faces-redirect=true";
    } catch (BusinessException e) {
      refused();
      messages.show(e, "signupForm");
    } catch (ConstraintViolationException e) {
      refused();
      messages.show(e, "signupForm");
    }
    return null;
  }

  public SignUpForm getForm() {
    return form;
  }

  /**
   * The form was refused: its password fields come back empty (a password is never sent back to the
   * browser), and the page says so beside them.
   */
  private static void refused() {
    jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
  }
}
