package kr.vaccinepass.portal.visit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import kr.vaccinepass.portal.visit.domain.DoorMode;
import kr.vaccinepass.portal.visit.domain.DoorReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The door's heartbeat body: what it accepts, and a refusal naming the field otherwise. */
class DoorStateRequestTest {
  @Test
  void aFullReport() {
    DoorReport r =
        parse(
            "{\"mode\":\"DEGRADED\",\"queued\":12,\"oldestQueuedAt\":\"2021-12-13T02:45:00Z\","
                + "\"snapshotIssuedAt\":\"2021-12-13T11:00:00+09:00\",\"clockOffsetMs\":-1500,"
                + "\"appVersion\":\"2\"}");

    assertEquals(DoorMode.DEGRADED, r.mode());
    assertEquals(12, r.queued());
    assertEquals(Instant.parse("2021-12-13T02:45:00Z"), r.oldestQueuedAt());
    assertEquals(Instant.parse("2021-12-13T02:00:00Z"), r.snapshotIssuedAt());
    assertEquals(-1500L, r.clockOffsetMs());
  }

  @Test
  void nullsAndAbsentOptionalFields() {
    DoorReport r = parse("{\"mode\":\"ONLINE\",\"queued\":0,\"oldestQueuedAt\":null}");

    assertEquals(DoorMode.ONLINE, r.mode());
    assertNull(r.oldestQueuedAt());
    assertNull(r.snapshotIssuedAt());
    assertNull(r.clockOffsetMs());
  }

  @ParameterizedTest(name = "{0} → names {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"queued\":0}                                   | mode",
        "{\"mode\":\"online\",\"queued\":0}               | mode",
        "{\"mode\":\"SILENT\",\"queued\":0}               | mode",
        "{\"mode\":7,\"queued\":0}                        | mode",
        "{\"mode\":\"ONLINE\"}                            | queued",
        "{\"mode\":\"ONLINE\",\"queued\":-1}              | queued",
        "{\"mode\":\"ONLINE\",\"queued\":1.5}             | queued",
        "{\"mode\":\"ONLINE\",\"queued\":\"3\"}           | queued",
        "{\"mode\":\"ONLINE\",\"queued\":99999999999}     | queued",
        "{\"mode\":\"ONLINE\",\"queued\":0,\"oldestQueuedAt\":\"yesterday\"}    | oldestQueuedAt",
        "{\"mode\":\"ONLINE\",\"queued\":0,\"snapshotIssuedAt\":1639363500}     | snapshotIssuedAt",
        "{\"mode\":\"ONLINE\",\"queued\":0,\"snapshotIssuedAt\":\"2021-12-13\"} | snapshotIssuedAt",
        "{\"mode\":\"ONLINE\",\"queued\":0,\"clockOffsetMs\":\"5\"}             | clockOffsetMs",
        "{\"mode\":\"ONLINE\",\"queued\":0,\"clockOffsetMs\":0.5}               | clockOffsetMs",
        "[]                                               | JSON object",
        "not json                                         | JSON object",
      })
  void malformedNamesTheField(String body, String field) {
    CheckinRequest.Malformed e =
        assertThrows(CheckinRequest.Malformed.class, () -> parse(body.strip()));
    assertTrue(e.getMessage().contains(field), e.getMessage());
  }

  @Test
  void anEmptyBodyIsMalformed() {
    assertThrows(CheckinRequest.Malformed.class, () -> DoorStateRequest.parse(new byte[0]));
  }

  private static DoorReport parse(String body) {
    return DoorStateRequest.parse(body.getBytes(StandardCharsets.UTF_8));
  }
}
