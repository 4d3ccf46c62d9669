package kr.vaccinepass.portal.identity.infrastructure;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import kr.vaccinepass.portal.identity.domain.Account;
import kr.vaccinepass.portal.identity.domain.AccountRepository;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.ActorResolver;

/**
 * The actor of the current request: the signed-in caller of Jakarta Security, looked up once per
 * request. A disabled account acts as nobody.
 */
@RequestScoped
public class SecurityContextActorResolver implements ActorResolver {
  @Inject SecurityContext securityContext;
  @Inject AccountRepository accounts;

  private Optional<Actor> actor;

  @Override
  public Optional<Actor> current() {
    if (actor == null) {
      Principal caller = securityContext.getCallerPrincipal();
      actor =
          caller == null
              ? Optional.empty()
              : accounts
                  .findByEmail(Account.normalizeEmail(caller.getName()))
                  .filter(Account::isEnabled)
                  .map(Account::toActor);
    }
    return actor;
  }
}
