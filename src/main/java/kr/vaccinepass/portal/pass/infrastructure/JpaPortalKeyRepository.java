package kr.vaccinepass.portal.pass.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.vaccinepass.portal.pass.domain.PortalKeyRepository;

@ApplicationScoped
class JpaPortalKeyRepository implements PortalKeyRepository {
  @PersistenceContext EntityManager em;

  @Override
  public Optional<Stored> find() {
    List<?> rows =
        em.createNativeQuery("select kid, public_key, private_key from portal_signing_key")
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(r -> (Object[]) r)
        .map(r -> new Stored((String) r[0], (String) r[1], (String) r[2]));
  }

  @Override
  public void addIfAbsent(Stored key, Instant now) {
    em.createNativeQuery(
            "insert into portal_signing_key (id, kid, public_key, private_key, created_at)"
                + " values (1, ?1, ?2, ?3, ?4) on conflict (id) do nothing")
        .setParameter(1, key.kid())
        .setParameter(2, key.publicKey())
        .setParameter(3, key.encryptedPrivateKey())
        .setParameter(4, now)
        .executeUpdate();
  }

  @Override
  public void reencrypt(String kid, String encryptedPrivateKey) {
    em.createNativeQuery("update portal_signing_key set private_key = ?2 where kid = ?1")
        .setParameter(1, kid)
        .setParameter(2, encryptedPrivateKey)
        .executeUpdate();
  }
}
