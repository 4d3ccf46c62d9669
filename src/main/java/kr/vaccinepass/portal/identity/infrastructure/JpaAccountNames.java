package kr.vaccinepass.portal.identity.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import kr.vaccinepass.portal.audit.domain.AccountNames;
import kr.vaccinepass.portal.identity.domain.Account;
import kr.vaccinepass.portal.identity.domain.AccountRepository;

/** The audit trail's port to accounts: who an entry's account is, for an administrator. */
@ApplicationScoped
class JpaAccountNames implements AccountNames {
  @Inject AccountRepository accounts;

  @Override
  public Map<Long, String> of(Collection<Long> accountIds) {
    Map<Long, String> names = new HashMap<>();
    for (Long id : new HashSet<>(accountIds)) {
      accounts
          .findById(id)
          .ifPresent(a -> names.put(id, a.getDisplayName() + " <" + a.getEmail() + ">"));
    }
    return names;
  }

  @Override
  public Optional<Long> byEmail(String email) {
    return accounts.findByEmail(Account.normalizeEmail(email)).map(Account::getId);
  }
}
