package kr.vaccinepass.portal.shared.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

/** The body caps: the API's, and a door batch's larger one on its own path. */
class BodyLimitTest {
  @Test
  void aBodyLongerThanOneReadBufferButWithinTheCapIsReadWhole() throws Exception {
    // readAllBytes reads 8 KB at a time and then asks for 0 bytes when its buffer is full
    byte[] body = new byte[19_000];

    assertEquals(
        body.length,
        new BodyLimit.Capped(new ByteArrayInputStream(body), 131_072).readAllBytes().length);
  }

  @Test
  void oneByteOverTheCapIsTooLarge() {
    byte[] body = new byte[10_001];

    assertThrows(
        PayloadTooLarge.class,
        () -> new BodyLimit.Capped(new ByteArrayInputStream(body), 10_000).readAllBytes());
  }

  @Test
  void theDoorBatchHasItsOwnCapOnlyOnItsPath() {
    assertEquals(
        BodyLimit.DOOR_BATCH_MAX_BYTES, BodyLimit.capOf("POST", "/v1/facilities/7/door-visits"));
    assertEquals(
        BodyLimit.DOOR_BATCH_MAX_BYTES, BodyLimit.capOf("POST", "v1/facilities/7/door-visits"));
    assertEquals(BodyLimit.MAX_BYTES, BodyLimit.capOf("POST", "/v1/facilities/7/checkins"));
    assertEquals(BodyLimit.MAX_BYTES, BodyLimit.capOf("POST", "/v1/calls"));
    assertEquals(BodyLimit.MAX_BYTES, BodyLimit.capOf("PUT", "/v1/facilities/7/door-visits"));
  }

  @Test
  void theDoorHeartbeatHasASmallerCapOnlyOnItsPath() {
    assertEquals(2048, BodyLimit.DOOR_STATE_MAX_BYTES);
    assertEquals(BodyLimit.DOOR_STATE_MAX_BYTES, BodyLimit.capOf("PUT", "/v1/door/state"));
    assertEquals(BodyLimit.DOOR_STATE_MAX_BYTES, BodyLimit.capOf("put", "v1/door/state"));
    assertEquals(BodyLimit.MAX_BYTES, BodyLimit.capOf("POST", "/v1/door/state"));
    assertEquals(BodyLimit.MAX_BYTES, BodyLimit.capOf("DELETE", "/v1/door/pairing"));
  }
}
