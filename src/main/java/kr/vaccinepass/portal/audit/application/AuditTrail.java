package kr.vaccinepass.portal.audit.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import kr.vaccinepass.portal.audit.domain.AuditActor;
import kr.vaccinepass.portal.audit.domain.AuditFact;
import kr.vaccinepass.portal.audit.domain.AuditRepository;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.ActorResolver;

/**
 * Writes the trail for every feature: the signed-in actor (or the portal itself), the client's
 * address, the portal's clock, and what happened, taken when the read or change happens. The
 * entries of a transaction are appended to the chain just before it commits (a JTA
 * synchronization), so that they commit together with the read or change or not at all, and the
 * chain's lock is held only for the commit: an audited transaction never makes another wait for its
 * whole length. Any role may write.
 */
@ApplicationScoped
public class AuditTrail {
  private static final Object PENDING = new Object();

  @Inject AuditRepository repository;
  @Inject ActorResolver actors;
  @Inject RequestOrigin origin;
  @Inject Clock clock;
  @Resource TransactionSynchronizationRegistry transactions;

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(AuditFact what) {
    String address = origin.clientAddress();
    pending().add(new AuditRepository.Pending(clock.instant(), who(address), what));
  }

  /** An entry whose actor is named, not signed in: a person signing up is the account they made. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordBy(Actor actor, AuditFact what) {
    pending()
        .add(
            new AuditRepository.Pending(
                clock.instant(), AuditActor.of(actor, origin.clientAddress()), what));
  }

  /** This transaction's entries, appended before it commits. */
  @SuppressWarnings("unchecked")
  private List<AuditRepository.Pending> pending() {
    List<AuditRepository.Pending> entries =
        (List<AuditRepository.Pending>) transactions.getResource(PENDING);
    if (entries == null) {
      List<AuditRepository.Pending> created = new ArrayList<>();
      transactions.putResource(PENDING, created);
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {
              // a transaction that will roll back records nothing it did
              if (transactions.getTransactionStatus() != Status.STATUS_MARKED_ROLLBACK) {
                repository.append(created);
              }
            }

            @Override
            public void afterCompletion(int status) {}
          });
      entries = created;
    }
    return entries;
  }

  private AuditActor who(String address) {
    try {
      return actors
          .current()
          .map(actor -> AuditActor.of(actor, address))
          .orElseGet(() -> AuditActor.portal(address));
    } catch (ContextNotActiveException scheduledJob) {
      return AuditActor.portal(address);
    }
  }
}
