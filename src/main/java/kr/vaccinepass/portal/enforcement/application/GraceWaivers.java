package kr.vaccinepass.portal.enforcement.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.vaccinepass.portal.enforcement.domain.FineCase;
import kr.vaccinepass.portal.enforcement.domain.GraceCases;
import kr.vaccinepass.portal.grace.application.GraceLedger;
import kr.vaccinepass.portal.grace.domain.CaseFacts;
import kr.vaccinepass.portal.grace.domain.GraceDeclaration;

/**
 * What violation logging asks of grace declarations: whether an active declaration covers a new
 * case, and to waive a new case at once, linked to every declaration that covers it. No role of its
 * own: it runs inside the caller's transaction, whose service has checked who may log.
 */
@ApplicationScoped
@Transactional
public class GraceWaivers {
  @Inject GraceLedger declarations;
  @Inject GraceCases cases;
  @Inject Clock clock;

  /** An active declaration covering such a case (the oldest, when several overlap). */
  public Optional<GraceDeclaration> covering(@NotNull CaseFacts facts) {
    return coveringAll(facts).stream().findFirst();
  }

  /** Every active declaration covering such a case, oldest first. */
  public List<GraceDeclaration> coveringAll(@NotNull CaseFacts facts) {
    return GraceDeclaration.covering(declarations.activeAt(facts.occurredAt()), facts);
  }

  /**
   * Waives a case just logged (stored, so it has its id) if active declarations cover it, linked to
   * each of them, with the first one's reason in its history. A declaration revoked meanwhile is
   * passed over (its row is locked for the check, so its revocation cannot miss the link). A
   * declaration that commits while this transaction is under way, unseen here, waits for it before
   * its run starts (see {@link GraceBatches#start}), so the run finds this case.
   *
   * @param by the account logging the case, in whose act the waiver is recorded
   * @return the declarations that now hold the case waived (empty: the case stands)
   */
  public List<GraceDeclaration> waiveAtCreation(
      @NotNull FineCase fine, @NotNull CaseFacts facts, long by) {
    if (fine.getId() == null) {
      throw new IllegalStateException("the fine case must be stored before it is waived");
    }
    // held until this transaction ends: a run that starts meanwhile waits for this case
    cases.admitNewCase();
    Instant now = clock.instant();
    List<GraceDeclaration> holding = new ArrayList<>();
    for (GraceDeclaration d : coveringAll(facts)) {
      if (cases.linkNew(d.getId(), fine.getId(), now)) {
        fine.heldBy(d, now, by);
        holding.add(d);
      }
    }
    return holding;
  }
}
