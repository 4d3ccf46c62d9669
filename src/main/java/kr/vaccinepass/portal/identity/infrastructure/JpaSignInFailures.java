package kr.vaccinepass.portal.identity.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;
import kr.vaccinepass.portal.identity.application.SignInFailures;
import kr.vaccinepass.portal.shared.domain.Sha256;
import kr.vaccinepass.portal.shared.infrastructure.NativeValues;

/**
 * Failed sign-ins in PostgreSQL (table sign_in_failure), counted alike by every node. Keys are
 * stored as their SHA-256, never as the e-mail address or IP they name. Rows past the throttle's
 * window are deleted: a key's own when it is read, everyone's every {@value #SWEEP_EVERY} failures.
 */
@ApplicationScoped
@Transactional
public class JpaSignInFailures implements SignInFailures {
  static final int SWEEP_EVERY = 200;

  @PersistenceContext EntityManager em;

  private final AtomicInteger sinceSweep = new AtomicInteger();

  @Override
  public Recent since(String key, Instant cutoff) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "select count(*), max(failed_at) from sign_in_failure"
                        + " where key_hash = ?1 and failed_at > ?2")
                .setParameter(1, hash(key))
                .setParameter(2, at(cutoff))
                .getSingleResult();
    int count = ((Number) row[0]).intValue();
    return count == 0 ? new Recent(0, null) : new Recent(count, NativeValues.instant(row[1]));
  }

  @Override
  public void add(Collection<String> keys, Instant at, Instant cutoff) {
    for (String key : keys) {
      em.createNativeQuery("insert into sign_in_failure (key_hash, failed_at) values (?1, ?2)")
          .setParameter(1, hash(key))
          .setParameter(2, at(at))
          .executeUpdate();
    }
    if (sinceSweep.incrementAndGet() >= SWEEP_EVERY) {
      sinceSweep.set(0);
      em.createNativeQuery("delete from sign_in_failure where failed_at <= ?1")
          .setParameter(1, at(cutoff))
          .executeUpdate();
    }
  }

  @Override
  public void forget(String key) {
    em.createNativeQuery("delete from sign_in_failure where key_hash = ?1")
        .setParameter(1, hash(key))
        .executeUpdate();
  }

  private static String hash(String key) {
    return Sha256.hex(key.getBytes(StandardCharsets.UTF_8));
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
