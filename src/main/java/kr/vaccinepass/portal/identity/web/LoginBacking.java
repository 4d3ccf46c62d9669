package kr.vaccinepass.portal.identity.web;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.time.Duration;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.identity.application.LoginThrottle;
import kr.vaccinepass.portal.shared.web.Messages;
import kr.vaccinepass.portal.shared.web.TrustedProxies;

/** public/login.xhtml: e-mail and password, through Jakarta Security. */
@Named
@RequestScoped
public class LoginBacking {
  @Inject SecurityContext securityContext;
  @Inject LoginThrottle throttle;
  @Inject AccountService accounts;
  @Inject Messages messages;

  @NotBlank(message = "{account.email.required}")
  private String email;

  @NotBlank(message = "{password.required}")
  private String password;

  /** The protected page the visitor wanted, from ?continue= (see LoginContinuation). */
  private String continueTo;

  @jakarta.annotation.PostConstruct
  void readContinuation() {
    continueTo =
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestParameterMap()
            .get("continue");
  }

  public void signIn() throws IOException {
    FacesContext ctx = FacesContext.getCurrentInstance();
    ExternalContext external = ctx.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    String address = TrustedProxies.configured().clientAddress(request);
    Duration wait = throttle.waitBefore(email, address);
    if (!wait.isZero()) {
      messages.error("login.slowDown", secondsOf(wait));
      return;
    }
    AuthenticationStatus status =
        securityContext.authenticate(
            request,
            (HttpServletResponse) external.getResponse(),
            withParams()
                .newAuthentication(true)
                .credential(new UsernamePasswordCredential(email, new Password(password))));
    switch (status) {
      case SEND_CONTINUE -> ctx.responseComplete();
      case SUCCESS -> {
        if (LoginContinuation.isSafe(continueTo)) {
          external.redirect(external.getRequestContextPath() + continueTo);
          return;
        }
        String home =
            accounts
                .findByEmail(email)
                .map(a -> ActiveUser.homeOf(a.getRole()))
                .orElse("/public/index.xhtml");
        external.redirect(external.getRequestContextPath() + home);
      }
      default -> messages.error("login.failed");
    }
  }

  /** Whole seconds, rounded up: "try again in 0 seconds" would be refused again. */
  static long secondsOf(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  public String getContinueTo() {
    return continueTo;
  }

  public void setContinueTo(String continueTo) {
    this.continueTo = continueTo;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
