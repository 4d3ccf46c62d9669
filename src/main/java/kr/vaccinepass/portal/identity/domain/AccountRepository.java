package kr.vaccinepass.portal.identity.domain;

import java.util.List;
import java.util.Optional;
import kr.vaccinepass.portal.shared.domain.PageRequest;

/** Where accounts are kept. */
public interface AccountRepository {
  Optional<Account> findByEmail(String normalizedEmail);

  Optional<Account> findById(long id);

  boolean existsByEmail(String normalizedEmail);

  Account add(Account account);

  /** One page of the accounts whose e-mail or name contains the text (all when null). */
  List<Account> list(String text, PageRequest page);

  long count(String text);

  long countByRole(kr.vaccinepass.portal.shared.security.Role role);
}
