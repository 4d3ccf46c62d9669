package kr.vaccinepass.portal.identity.infrastructure;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import kr.vaccinepass.portal.shared.security.Role;

/**
 * Jakarta Security: a form sign-in on the portal's own page (the page calls
 * SecurityContext.authenticate), which sends an anonymous visitor of a protected page there and
 * back after signing in ({@link kr.vaccinepass.portal.identity.web.LoginContinuation}). Credentials
 * are checked by {@link PortalIdentityStore}.
 */
@ApplicationScoped
@DeclareRoles({Role.OWNER_NAME, Role.INSPECTOR_NAME, Role.ADMIN_NAME})
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(
            loginPage = "#{loginContinuation.loginPage}",
            errorPage = "",
            useForwardToLogin = false))
public class SecurityConfiguration {}
