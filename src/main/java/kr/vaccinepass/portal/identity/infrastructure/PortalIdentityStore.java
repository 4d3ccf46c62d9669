package kr.vaccinepass.portal.identity.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.logging.Logger;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.identity.application.LoginThrottle;
import kr.vaccinepass.portal.shared.web.TrustedProxies;

/**
 * Checks an e-mail and password against the accounts in PostgreSQL, under the sign-in throttle
 * (counted by the client address, which {@link TrustedProxies} finds); the caller's groups are
 * their role, which the container maps to the role of the same name.
 */
@ApplicationScoped
public class PortalIdentityStore implements IdentityStore {
  private static final Logger LOG = Logger.getLogger(PortalIdentityStore.class.getName());

  @Inject AccountService accounts;
  @Inject LoginThrottle throttle;
  @Inject Instance<HttpServletRequest> request;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    String email = login.getCaller();
    String address = clientAddress();
    if (!throttle.waitBefore(email, address).isZero()) {
      LOG.warning(() -> "Sign-in refused by the throttle for an account from " + address);
      return CredentialValidationResult.INVALID_RESULT;
    }
    return accounts
        .verify(email, login.getPasswordAsString())
        .map(
            account -> {
              throttle.succeeded(email, address);
              return new CredentialValidationResult(
                  account.getEmail(), Set.of(account.getRole().name()));
            })
        .orElseGet(
            () -> {
              throttle.failed(email, address);
              return CredentialValidationResult.INVALID_RESULT;
            });
  }

  private String clientAddress() {
    try {
      return TrustedProxies.configured().clientAddress(request.get());
    } catch (RuntimeException noRequest) {
      return "local";
    }
  }
}
