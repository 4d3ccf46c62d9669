package kr.vaccinepass.portal.identity.domain;

import java.util.Optional;
import kr.vaccinepass.portal.shared.domain.Page;
import kr.vaccinepass.portal.shared.domain.PageRequest;

/** Where accounts are kept. */
public interface AccountRepository {
  Optional<Account> findByEmail(String normalizedEmail);

  Optional<Account> findById(long id);

  boolean existsByEmail(String normalizedEmail);

  Account add(Account account);

  Page<Account> search(String text, PageRequest page);

  long countByRole(kr.vaccinepass.portal.shared.security.Role role);
}
