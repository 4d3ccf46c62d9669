package kr.vaccinepass.portal.visit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import kr.vaccinepass.portal.pass.domain.DiningParty;
import kr.vaccinepass.portal.pass.domain.PassReason;
import kr.vaccinepass.portal.visit.domain.CheckinCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A door's sync body is read strictly: one record that is not one fails the whole request. */
class DoorBatchRequestTest {
  private static DoorBatchRequest parse(String json) {
    return DoorBatchRequest.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aRecordWithEveryField() {
    var records =
        parse(
                "{\"records\":[{\"id\":\"a-1\",\"token\":\" x.y.z \",\"at\":\"2021-12-13T11:47:03+09:00\","
                    + "\"outcome\":\"EXEMPT\",\"reason\":\"SOLO_DINER\",\"party\":\"ALONE\"}]}")
            .records();

    assertEquals(1, records.size());
    var r = records.get(0);
    assertEquals("a-1", r.recordId());
    assertEquals("x.y.z", r.token(), "the scanner's line around the token is not part of it");
    assertEquals(Instant.parse("2021-12-13T02:47:03Z"), r.at());
    assertEquals(CheckinCode.EXEMPT, r.doorCode());
    assertEquals(PassReason.SOLO_DINER, r.doorReason());
    assertEquals(DiningParty.ALONE, r.party());
  }

  @Test
  void aRefusalNeedsNoReasonAndThePartyDefaultsToNone() {
    var r =
        parse(
                "{\"records\":[{\"id\":\"b\",\"token\":\"t\",\"at\":\"2021-12-13T02:47:03Z\","
                    + "\"outcome\":\"REPLAYED\"}]}")
            .records()
            .get(0);

    assertEquals(CheckinCode.REPLAYED, r.doorCode());
    assertEquals(null, r.doorReason());
    assertEquals(DiningParty.NONE, r.party());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "[]",
        "{}",
        "{\"records\":{}}",
        "{\"records\":[1]}",
        "{\"records\":[{\"token\":\"t\",\"at\":\"2021-12-13T02:47:03Z\",\"outcome\":\"NO_PASS\"}]}",
        "{\"records\":[{\"id\":\"has space\",\"token\":\"t\",\"at\":\"2021-12-13T02:47:03Z\",\"outcome\":\"NO_PASS\"}]}",
        "{\"records\":[{\"id\":\"a\",\"at\":\"2021-12-13T02:47:03Z\",\"outcome\":\"NO_PASS\"}]}",
        "{\"records\":[{\"id\":\"a\",\"token\":\"t\",\"outcome\":\"NO_PASS\"}]}",
        "{\"records\":[{\"id\":\"a\",\"token\":\"t\",\"at\":\"2021-12-13 02:47\",\"outcome\":\"NO_PASS\"}]}",
        "{\"records\":[{\"id\":\"a\",\"token\":\"t\",\"at\":\"2021-12-13T02:47:03\",\"outcome\":\"NO_PASS\"}]}",
        "{\"records\":[{\"id\":\"a\",\"token\":\"t\",\"at\":\"2021-12-13T02:47:03Z\",\"outcome\":\"GREEN\"}]}",
        "{\"records\":[{\"id\":\"a\",\"token\":\"t\",\"at\":\"2021-12-13T02:47:03Z\",\"outcome\":\"PASS\"}]}",
        "{\"records\":[{\"id\":\"a\",\"token\":\"t\",\"at\":\"2021-12-13T02:47:03Z\",\"outcome\":\"PASS\",\"reason\":\"UNDER_18\"}]}",
        "{\"records\":[{\"id\":\"a\",\"token\":\"t\",\"at\":\"2021-12-13T02:47:03Z\",\"outcome\":\"NO_PASS\",\"party\":\"FRIENDS\"}]}",
        "{\"records\":[{\"id\":\"a\",\"token\":\"t\\u0000\",\"at\":\"2021-12-13T02:47:03Z\",\"outcome\":\"NO_PASS\"}]}",
      })
  void anythingElseIsMalformed(String body) {
    assertThrows(CheckinRequest.Malformed.class, () -> parse(body));
  }

  @Test
  void moreThanTwoHundredRecordsIsTooLarge() {
    StringBuilder body = new StringBuilder("{\"records\":[");
    for (int i = 0; i < 201; i++) {
      body.append(i == 0 ? "" : ",").append("{}");
    }
    assertThrows(DoorBatchRequest.TooLarge.class, () -> parse(body.append("]}").toString()));
  }
}
