package kr.vaccinepass.portal.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.Optional;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.identity.domain.Account;
import kr.vaccinepass.portal.shared.region.Sigungu;
import kr.vaccinepass.portal.shared.security.Role;
import kr.vaccinepass.portal.shared.web.LocaleBacking;

/** The signed-in user for pages: name, role, the dashboard they land on. */
@Named
@RequestScoped
public class ActiveUser {
  @Inject SecurityContext securityContext;
  @Inject AccountService accounts;
  @Inject LocaleBacking locale;

  private Optional<Account> account;

  private Optional<Account> account() {
    if (account == null) {
      var principal = securityContext.getCallerPrincipal();
      account = principal == null ? Optional.empty() : accounts.findByEmail(principal.getName());
    }
    return account;
  }

  public boolean isSignedIn() {
    return account().isPresent();
  }

  public String getName() {
    return account().map(Account::getDisplayName).orElse("");
  }

  public String getRole() {
    return account().map(a -> a.getRole().name()).orElse("");
  }

  public boolean isOwner() {
    return is(Role.OWNER);
  }

  public boolean isInspector() {
    return is(Role.INSPECTOR);
  }

  public boolean isAdmin() {
    return is(Role.ADMIN);
  }

  public boolean isInvestigator() {
    return is(Role.INVESTIGATOR);
  }

  /** An inspector's 시군구, else null. */
  public Sigungu jurisdictionRegion() {
    return account().map(Account::getJurisdiction).orElse(null);
  }

  public String getJurisdiction() {
    return account()
        .map(Account::getJurisdiction)
        .map(j -> j.fullName(locale.getLocale()))
        .orElse("");
  }

  /** The dashboard of the user's role. */
  public String getHome() {
    return account().map(a -> homeOf(a.getRole())).orElse("/public/index.xhtml");
  }

  public static String homeOf(Role role) {
    return switch (role) {
      case OWNER -> "/owner/dashboard.xhtml";
      case INSPECTOR -> "/inspector/dashboard.xhtml";
      case ADMIN -> "/admin/dashboard.xhtml";
      case INVESTIGATOR -> "/investigator/traces.xhtml";
    };
  }

  private boolean is(Role role) {
    return account().map(a -> a.getRole() == role).orElse(false);
  }
}
