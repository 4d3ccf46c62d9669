package kr.vaccinepass.portal.pass.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import kr.vaccinepass.portal.audit.application.AuditTrail;
import kr.vaccinepass.portal.audit.domain.AuditFact;
import kr.vaccinepass.portal.audit.domain.AuditKind;
import kr.vaccinepass.portal.pass.domain.IssuerKey;
import kr.vaccinepass.portal.pass.domain.PassIssuer;
import kr.vaccinepass.portal.pass.domain.TrustListRepository;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.security.ActorResolver;
import kr.vaccinepass.portal.shared.security.Role;

/** The administrators' management of the trust list: add a key, rotate to a new one, revoke. */
@ApplicationScoped
@Transactional
@RolesAllowed(Role.ADMIN_NAME)
public class TrustListService {
  private static final Logger LOG = Logger.getLogger(TrustListService.class.getName());

  @Inject TrustListRepository repository;
  @Inject ActorResolver actors;
  @Inject Clock clock;
  @Inject AuditTrail audit;
  @Inject Event<TrustListChanged> changed;

  public List<PassIssuer> issuers() {
    return repository.issuers();
  }

  public List<IssuerKey> keys() {
    return repository.keys();
  }

  /** Adds a key beside the issuer's others (both verify within their windows). */
  public IssuerKey addKey(
      String issuerCode, String kid, String publicKey, Instant validFrom, Instant validUntil) {
    IssuerKey key = add(issuerCode, kid, publicKey, validFrom, validUntil);
    audit.record(AuditFact.change(AuditKind.TRUST_KEY_ADDED, kid, null));
    return key;
  }

  private IssuerKey add(
      String issuerCode, String kid, String publicKey, Instant validFrom, Instant validUntil) {
    long admin = actors.require().accountId();
    issuer(issuerCode);
    if (repository.key(kid).isPresent()) {
      throw new BusinessException("trust.kid.taken", "kid", kid);
    }
    IssuerKey key =
        IssuerKey.add(
            kid, issuerCode, publicKey, validFrom, validUntil, false, admin, clock.instant());
    repository.add(key);
    changed.fire(TrustListChanged.of(key));
    LOG.info(() -> "Trust list: key " + kid + " of " + issuerCode + " added by account " + admin);
    return key;
  }

  /**
   * Rotates: the new key is valid from now, and the issuer's open keys stop covering tokens issued
   * from then on (tokens live 15 s, so nothing in flight is lost beyond the clock skew).
   */
  public IssuerKey rotate(String issuerCode, String kid, String publicKey) {
    Instant now = clock.instant();
    IssuerKey fresh = add(issuerCode, kid, publicKey, now, null);
    audit.record(AuditFact.change(AuditKind.TRUST_KEY_ROTATED, kid, null));
    for (IssuerKey old : repository.keysOf(issuerCode)) {
      if (!old.getKid().equals(kid) && !old.isRevoked()) {
        old.retireAt(now.plus(PassVerifier.CLOCK_SKEW));
        changed.fire(TrustListChanged.of(old));
      }
    }
    return fresh;
  }

  /** Revokes at once: tokens under this key are refused from now on, whenever issued. */
  public void revoke(String kid) {
    long admin = actors.require().accountId();
    IssuerKey key =
        repository.key(kid).orElseThrow(() -> new NotFoundException("trust.key.notFound"));
    key.revoke(admin, clock.instant());
    audit.record(AuditFact.change(AuditKind.TRUST_KEY_REVOKED, kid, null));
    changed.fire(TrustListChanged.of(key));
    LOG.warning(() -> "Trust list: key " + kid + " revoked by account " + admin);
  }

  private PassIssuer issuer(String code) {
    return repository
        .issuer(code)
        .orElseThrow(() -> new BusinessException("trust.issuer.unknown", "issuer"));
  }
}
