package kr.vaccinepass.portal.identity.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kr.vaccinepass.portal.identity.web.LoginContinuation;

/**
 * The portal's sign-in, in three cases and with no state of its own in the session:
 *
 * <ul>
 *   <li>the sign-in page hands over a credential (SecurityContext.authenticate): valid, and the
 *       session gets a new id before the caller is remembered in it (no session fixation: an id
 *       known before sign-in is worth nothing after it); invalid, and nothing is remembered;
 *   <li>an anonymous visitor of a protected page is sent to the sign-in page, carrying the page
 *       along ({@link LoginContinuation});
 *   <li>anything else is left alone.
 * </ul>
 *
 * The signed-in caller is kept in the session by {@link AutoApplySession}. This replaces the
 * custom-form mechanism with login-to-continue, whose "caller-initiated authentication" mark stayed
 * in the session after a failed sign-in, after which every protected page answered an empty 200.
 */
@ApplicationScoped
@AutoApplySession
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {
  @Inject IdentityStoreHandler identityStores;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential =
        context.getAuthParameters() == null ? null : context.getAuthParameters().getCredential();
    if (credential != null) {
      CredentialValidationResult result = identityStores.validate(credential);
      if (result.getStatus() != CredentialValidationResult.Status.VALID) {
        // no 401 error page: the sign-in page answers itself, with its message
        return AuthenticationStatus.SEND_FAILURE;
      }
      request.getSession(true);
      request.changeSessionId();
      return context.notifyContainerAboutLogin(result);
    }
    if (context.isProtected()) {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      return context.redirect(
          request.getContextPath()
              + LoginContinuation.loginPageFor(path, request.getQueryString()));
    }
    return context.doNothing();
  }
}
