package kr.vaccinepass.portal.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import kr.vaccinepass.portal.audit.domain.AuditActor;
import kr.vaccinepass.portal.audit.domain.AuditEntry;
import kr.vaccinepass.portal.audit.domain.AuditFact;
import kr.vaccinepass.portal.audit.domain.AuditRepository;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.ActorResolver;

/**
 * Writes the trail for every feature: the signed-in actor (or the portal itself), the client's
 * address, the portal's clock, and what happened. Always inside the caller's transaction, so that a
 * read or change and its entry commit together or not at all; any role may write.
 */
@ApplicationScoped
public class AuditTrail {
  @Inject AuditRepository repository;
  @Inject ActorResolver actors;
  @Inject RequestOrigin origin;
  @Inject Clock clock;

  @Transactional(Transactional.TxType.MANDATORY)
  public AuditEntry record(AuditFact what) {
    String address = origin.clientAddress();
    return repository.append(clock.instant(), who(address), what);
  }

  /** An entry whose actor is named, not signed in: a person signing up is the account they made. */
  @Transactional(Transactional.TxType.MANDATORY)
  public AuditEntry recordBy(Actor actor, AuditFact what) {
    return repository.append(clock.instant(), AuditActor.of(actor, origin.clientAddress()), what);
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
