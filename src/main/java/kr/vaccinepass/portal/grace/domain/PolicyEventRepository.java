package kr.vaccinepass.portal.grace.domain;

import java.util.List;
import java.util.Optional;

/** Where the calendar's policy events are kept. */
public interface PolicyEventRepository {
  List<PolicyEvent> all();

  Optional<PolicyEvent> find(long id);

  /** The event with its revisions loaded. */
  Optional<PolicyEvent> withRevisions(long id);

  PolicyEvent add(PolicyEvent event);

  /**
   * The store's next revision number (each change of the calendar takes one), without gaps: the
   * number is taken in the changing transaction and the next change waits until it has ended.
   */
  long nextRevision();
}
