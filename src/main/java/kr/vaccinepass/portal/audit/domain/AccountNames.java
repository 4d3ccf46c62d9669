package kr.vaccinepass.portal.audit.domain;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The port through which the administrator's audit page names the people of its entries and finds a
 * person by e-mail address; identity implements it (identity writes to the trail, so the trail
 * cannot depend on identity).
 */
public interface AccountNames {
  /** Each known account's name and e-mail address, for an administrator. */
  Map<Long, String> of(Collection<Long> accountIds);

  Optional<Long> byEmail(String email);
}
