package kr.vaccinepass.portal.enforcement.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import kr.vaccinepass.portal.grace.domain.CoveredCases;
import kr.vaccinepass.portal.grace.domain.GraceDeclaration;

/**
 * The waivers of grace declarations: the links between a declaration and each case it holds waived,
 * and how the cases a declaration covers are found and locked for a batch.
 */
public interface GraceCases extends CoveredCases {

  /**
   * The next cases (at most {@code limit}, by id) the declaration covers but does not hold yet,
   * cancelled ones left out, each locked until the transaction ends.
   */
  List<Long> lockUnheld(GraceDeclaration declaration, int limit);

  /** The next cases (at most {@code limit}, by id) the declaration holds, each locked. */
  List<Long> lockHeld(long declarationId, int limit);

  /** The fine cases with their history, ready to change. */
  List<FineCase> fineCases(Collection<Long> ids);

  /** Links the cases to the declaration. */
  void link(long declarationId, Collection<Long> fineCaseIds, Instant at);

  /** Removes the declaration's links to the cases. */
  void unlink(long declarationId, Collection<Long> fineCaseIds);

  /**
   * Of these cases, those an active declaration holds, each with the oldest active declaration that
   * holds it.
   */
  Map<Long, GraceDeclaration> activeHolders(Collection<Long> fineCaseIds);

  /**
   * Links a case just logged to the declaration and counts it, if the declaration is still active;
   * its row is locked until the transaction ends, so a revocation cannot miss the link.
   *
   * @return whether the link was made
   */
  boolean linkNew(long declarationId, long fineCaseId, Instant at);

  /** How many cases the declaration holds. */
  long countHeld(long declarationId);

  /**
   * Taken by a transaction that logs a case, before it asks which declarations cover it, and held
   * until it ends; many such transactions hold it at once. A run's start waits for them (see {@link
   * #awaitCasesInFlight()}).
   */
  void admitNewCase();

  /**
   * Waits until every transaction that logs a case and holds {@link #admitNewCase()} has ended, and
   * keeps new ones waiting until this transaction ends: a case whose transaction began before the
   * declaration committed is then either seen by the run or sees the declaration itself.
   */
  void awaitCasesInFlight();
}
