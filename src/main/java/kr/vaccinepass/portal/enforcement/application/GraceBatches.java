package kr.vaccinepass.portal.enforcement.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.vaccinepass.portal.enforcement.domain.FineCase;
import kr.vaccinepass.portal.enforcement.domain.GraceCases;
import kr.vaccinepass.portal.grace.application.GraceLedger;
import kr.vaccinepass.portal.grace.domain.GraceDeclaration;
import kr.vaccinepass.portal.grace.domain.GraceStatus;

/**
 * The units of a grace declaration's batch work, each its own transaction with the declaration's
 * row locked, so that two runs of one declaration take turns and neither waives a case twice; a
 * case is linked and waived (or unlinked and restored) in the same transaction, so an interruption
 * leaves no case half done. Used by {@link GraceRunner} only; carries no role check because it runs
 * on the server's own threads, on behalf of the account that declared or revoked.
 */
@ApplicationScoped
public class GraceBatches {
  @Inject GraceLedger declarations;
  @Inject GraceCases cases;
  @Inject Clock clock;

  /** The declarations with batch work pending (after a restart, say). */
  @Transactional(TxType.REQUIRES_NEW)
  public List<Long> unsettled() {
    return declarations.unsettled();
  }

  /**
   * Starts (or resumes) a run: records how many cases it handles in all. Empty when the declaration
   * does not exist. It first waits for the transactions logging a case that are under way (they may
   * have begun before the declaration committed and not seen it): once they have ended, the run's
   * batches see their cases; those that start later see the declaration and link themselves. The
   * wait comes before the declaration's row lock, which a logging transaction may be waiting for.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<GraceStatus> start(long id) {
    cases.awaitCasesInFlight();
    return declarations
        .lock(id)
        .map(
            d -> {
              if (d.getStatus().active()) {
                d.startRun(cases.countCovered(d));
              } else if (d.getStatus() == GraceStatus.REVOKING) {
                // after an interruption some links are gone already: count what was there
                long held = cases.countHeld(id);
                d.startRun(Math.max(d.getProgressTotal(), held));
              }
              return d.getStatus();
            });
  }

  /**
   * Waives the next covered cases the declaration does not hold yet and links them to it; a case
   * already waived by another declaration is only linked. Nothing while the declaration is not
   * active.
   *
   * @return the number of cases linked (0: none left)
   */
  @Transactional(TxType.REQUIRES_NEW)
  public int applyBatch(long id, int size) {
    GraceDeclaration d = declarations.lock(id).orElse(null);
    if (d == null || !d.getStatus().active() || d.actingAccount() == null) {
      return 0;
    }
    List<Long> ids = cases.lockUnheld(d, size);
    if (ids.isEmpty()) {
      return 0;
    }
    Instant now = clock.instant();
    long by = d.actingAccount();
    for (FineCase fine : cases.fineCases(ids)) {
      fine.heldBy(d, now, by);
    }
    cases.link(id, ids, now);
    d.linked(ids.size());
    return ids.size();
  }

  /**
   * Removes the declaration's next links and restores each of those cases that no other active
   * declaration holds; a case another one still holds is handed over to it (it shows that one's
   * reason). Nothing unless the declaration is being revoked.
   *
   * @return the number of links removed (0: none left)
   */
  @Transactional(TxType.REQUIRES_NEW)
  public int revokeBatch(long id, int size) {
    GraceDeclaration d = declarations.lock(id).orElse(null);
    if (d == null || d.getStatus() != GraceStatus.REVOKING) {
      return 0;
    }
    List<Long> ids = cases.lockHeld(id, size);
    if (ids.isEmpty()) {
      return 0;
    }
    cases.unlink(id, ids);
    Map<Long, GraceDeclaration> holders = cases.activeHolders(ids);
    Instant now = clock.instant();
    long by = d.actingAccount();
    for (FineCase fine : cases.fineCases(ids)) {
      fine.releasedBy(d, holders.get(fine.getId()), now, by);
    }
    d.unlinked(ids.size());
    return ids.size();
  }

  /** Ends the run: applied once every covered case is held, revoked once no link is left. */
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<GraceStatus> finish(long id) {
    return declarations
        .lock(id)
        .map(
            d -> {
              if (d.getStatus() == GraceStatus.APPLYING
                  && d.actingAccount() != null
                  && cases.lockUnheld(d, 1).isEmpty()) {
                d.applied();
              } else if (d.getStatus() == GraceStatus.REVOKING && cases.countHeld(id) == 0) {
                d.revoked();
              }
              return d.getStatus();
            });
  }
}
