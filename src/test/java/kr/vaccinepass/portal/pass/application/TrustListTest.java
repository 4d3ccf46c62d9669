package kr.vaccinepass.portal.pass.application;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kr.vaccinepass.portal.pass.domain.IssuerKey;
import kr.vaccinepass.portal.pass.domain.PassKeys;
import org.junit.jupiter.api.Test;

/** The verifier's copy of the trust list under a reload and a change at the same time. */
class TrustListTest {
  private static final Instant NOW = Instant.parse("2021-12-13T03:00:00Z");
  private static final String PEM = PassKeys.pem((ECPublicKey) PassKeys.generate().getPublic());

  @Test
  void aReloadThatReadBeforeARevocationCommittedDoesNotUndoIt() throws Exception {
    // the database as a reload read it just before the revocation committed
    IssuerKey asRead = key();
    IssuerKey revoked = key();
    revoked.revoke(1, NOW);

    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    TrustList list = new TrustList();
    list.loader =
        new TrustListLoader() {
          @Override
          List<IssuerKey> keys() {
            reading.countDown();
            await(release);
            return List.of(asRead);
          }
        };

    Thread reload = new Thread(list::reload, "reload heard from another change");
    reload.start();
    assertTrue(reading.await(5, TimeUnit.SECONDS));
    // the revoking transaction commits, and this node patches its copy
    Thread patch = new Thread(() -> list.changed(TrustListChanged.of(revoked)), "revocation");
    patch.start();
    patch.join(300);
    release.countDown();
    reload.join(5_000);
    patch.join(5_000);

    assertTrue(list.find("TOSS-K1").revoked(), "the revocation stands after the reload");
  }

  private static IssuerKey key() {
    return IssuerKey.add("TOSS-K1", "TOSS", PEM, NOW.minusSeconds(86_400), null, false, 1L, NOW);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
