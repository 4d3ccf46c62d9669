package kr.vaccinepass.portal.visit.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import kr.vaccinepass.portal.visit.domain.DeviceKey;
import org.junit.jupiter.api.Test;

/**
 * Unknown device keys cost at most one lookup: a secret not shaped like a key costs none, an
 * unknown one is remembered for a while, so that a flood of made-up keys does not become a flood of
 * database lookups.
 */
class DeviceKeysTest {
  private final AtomicInteger lookups = new AtomicInteger();
  private final DeviceKey.Issued issued = DeviceKey.issue(7, "front door", 1, Instant.EPOCH);
  private final DeviceKeys keys = new DeviceKeys();

  DeviceKeysTest() throws ReflectiveOperationException {
    // a stored key has its id (the database's identity): a door's state is kept per key id
    java.lang.reflect.Field id = DeviceKey.class.getDeclaredField("id");
    id.setAccessible(true);
    id.set(issued.key(), 42L);
    keys.lookup =
        new DeviceKeyLookup() {
          @Override
          DeviceKey byHash(String hash) {
            lookups.incrementAndGet();
            return hash.equals(issued.key().getSecretHash()) ? issued.key() : null;
          }
        };
  }

  @Test
  void aKnownKeyIsLookedUpOnceAndOpensItsFacility() {
    assertEquals(7, keys.facilityOf(issued.secret()));
    assertEquals(7, keys.facilityOf(issued.secret()));
    assertEquals(new DeviceKeys.Device(42, 7), keys.device(issued.secret(), "10.0.0.1"));
    assertEquals(1, lookups.get());
  }

  @Test
  void anUnknownKeyIsLookedUpOnceThenRefusedFromMemory() {
    String madeUp = "vpd_" + "A".repeat(43);
    for (int i = 0; i < 100; i++) {
      assertThrows(DeviceKeys.InvalidDeviceKey.class, () -> keys.facilityOf(madeUp));
    }
    assertEquals(1, lookups.get());
    assertEquals(1, keys.unknownRemembered());
  }

  @Test
  void whatIsNotShapedLikeAKeyCostsNoLookup() {
    for (String secret :
        new String[] {
          null,
          "",
          "vpd_",
          "vpd_short",
          "Bearer x",
          "vpd_" + "A".repeat(97),
          "vpd_\u0000" + "A".repeat(42)
        }) {
      assertThrows(DeviceKeys.InvalidDeviceKey.class, () -> keys.facilityOf(secret));
    }
    assertEquals(0, lookups.get());
  }

  @Test
  void theMemoryOfUnknownKeysIsBounded() {
    for (int i = 0; i < DeviceKeys.MAX_UNKNOWN + 100; i++) {
      String madeUp = String.format("vpd_%043d", i);
      assertThrows(DeviceKeys.InvalidDeviceKey.class, () -> keys.facilityOf(madeUp));
    }
    assertEquals(true, keys.unknownRemembered() <= DeviceKeys.MAX_UNKNOWN);
  }

  @Test
  void anAddressWhoseLookupsKeepFailingGetsNoMoreButKnownKeysStillWork() {
    assertEquals(7, keys.facilityOf(issued.secret(), "10.0.0.1"));
    int before = lookups.get();
    for (int i = 0; i < DeviceKeys.FAILURES_PER_WINDOW + 200; i++) {
      String madeUp = String.format("vpd_%043d", i);
      // the budget's lookups say "unknown"; past it the address is told to wait (no lookup)
      Class<? extends RuntimeException> expected =
          i < DeviceKeys.FAILURES_PER_WINDOW
              ? DeviceKeys.InvalidDeviceKey.class
              : DeviceKeys.LookupsExhausted.class;
      assertThrows(expected, () -> keys.facilityOf(madeUp, "10.0.0.2"));
    }
    assertEquals(DeviceKeys.FAILURES_PER_WINDOW, lookups.get() - before);
    // a key already known opens its facility from there too; another address is not affected
    assertEquals(7, keys.facilityOf(issued.secret(), "10.0.0.2"));
    assertThrows(
        DeviceKeys.InvalidDeviceKey.class,
        () -> keys.facilityOf("vpd_" + "B".repeat(43), "10.0.0.3"));
    assertEquals(DeviceKeys.FAILURES_PER_WINDOW + 1, lookups.get() - before);
  }

  @Test
  void aGoodKeyNeverSeenFromAnAddressOverItsBudgetIsToldToWaitNotThatItIsWrong() {
    for (int i = 0; i < DeviceKeys.FAILURES_PER_WINDOW; i++) {
      String madeUp = String.format("vpd_%043d", i);
      assertThrows(DeviceKeys.InvalidDeviceKey.class, () -> keys.facilityOf(madeUp, "10.0.0.9"));
    }
    // a venue behind the same address pairs a new device: it must try again, not get a new key
    DeviceKeys.LookupsExhausted wait =
        assertThrows(
            DeviceKeys.LookupsExhausted.class, () -> keys.facilityOf(issued.secret(), "10.0.0.9"));
    assertTrue(wait.retryAfterSeconds() >= 1, "Retry-After " + wait.retryAfterSeconds());
    assertTrue(
        wait.retryAfterSeconds() <= DeviceKeys.FAILURE_WINDOW_MILLIS / 1000,
        "Retry-After " + wait.retryAfterSeconds());
  }

  @Test
  void aKeyRevokedWhileItWasBeingLookedUpIsNotKeptInMemory() {
    boolean[] revokedInDatabase = {false};
    keys.lookup =
        new DeviceKeyLookup() {
          @Override
          DeviceKey byHash(String hash) {
            lookups.incrementAndGet();
            if (revokedInDatabase[0]) {
              return null;
            }
            // the row is read as active; the owner's revocation commits before the lookup returns
            revokedInDatabase[0] = true;
            keys.revoked(new DeviceKeys.Revoked(hash));
            return issued.key();
          }
        };

    assertEquals(7, keys.facilityOf(issued.secret()), "the scan in flight still opens the door");
    assertThrows(DeviceKeys.InvalidDeviceKey.class, () -> keys.facilityOf(issued.secret()));
    assertEquals(2, lookups.get(), "the next scan looked the key up again");
  }
}
