package kr.vaccinepass.portal.visit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import kr.vaccinepass.portal.visit.domain.DoorRecordRules.NonceSeen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a door's record becomes at sync, by the rules of DoorRecordRules, as a table. */
class DoorRecordRulesTest {
  private static final Instant NOW = Instant.parse("2021-12-13T06:00:00Z");
  private static final DoorRecordRules RULES =
      new DoorRecordRules(Duration.ofHours(72), Duration.ofSeconds(5));

  @ParameterizedTest(
      name = "door {1}, server {2}, authentic {3}, nonce {4}, {0} s ago → {5} {6} visit {7}")
  @CsvSource({
    // ago (s), door admitted, server code, authentic, nonce, status, code, visit, flagged, counted
    // both admit: stored, once
    "60,     true,  PASS,           true,  NEW,          STORED,       PASS,             true,  false, false",
    "60,     true,  EXEMPT,         true,  NEW,          STORED,       EXEMPT,           true,  false, false",
    // the same check-in recorded before (online, or another record here): nothing new
    "60,     true,  PASS,           true,  SAME_CHECKIN, DUPLICATE,    PASS,             false, false, false",
    "60,     false, NO_PASS,        true,  SAME_CHECKIN, DUPLICATE,    NO_PASS,          false, false, false",
    // admitted first at another door of another facility: a replay here, counted as a refusal
    "60,     true,  PASS,           true,  ELSEWHERE,    REPLAY,       REPLAYED,         false, false, true",
    "60,     false, PASS,           true,  ELSEWHERE,    REPLAY,       REPLAYED,         false, false, true",
    // both refuse: a refusal like an online one
    "60,     false, NO_PASS,        true,  NEW,          REFUSED,      NO_PASS,          false, false, true",
    "60,     false, EXPIRED,        true,  NEW,          REFUSED,      EXPIRED,          false, false, true",
    "60,     false, BAD_SIGNATURE,  false, NEW,          REFUSED,      BAD_SIGNATURE,    false, false, true",
    "60,     false, MALFORMED,      false, NEW,          REFUSED,      MALFORMED,        false, false, true",
    // door green, server no: the visitor entered; an authentic token's visit is kept, flagged
    "60,     true,  REVOKED_KEY,    true,  NEW,          DISAGREEMENT, REVOKED_KEY,      true,  true,  false",
    "60,     true,  NO_PASS,        true,  NEW,          DISAGREEMENT, NO_PASS,          true,  true,  false",
    "60,     true,  EXPIRED,        true,  NEW,          DISAGREEMENT, EXPIRED,          true,  true,  false",
    "60,     true,  FACILITY_SUSPENDED, true, NEW,       DISAGREEMENT, FACILITY_SUSPENDED, true, true, false",
    // ... a forgery's is not (its holder id and nonce are not the issuer's)
    "60,     true,  BAD_SIGNATURE,  false, NEW,          DISAGREEMENT, BAD_SIGNATURE,    false, true,  false",
    "60,     true,  UNKNOWN_ISSUER, false, NEW,          DISAGREEMENT, UNKNOWN_ISSUER,   false, true,  false",
    "60,     true,  MALFORMED,      false, NEW,          DISAGREEMENT, MALFORMED,        false, true,  false",
    // door red, server green: flagged, no visit (the visitor did not enter)
    "60,     false, PASS,           true,  NEW,          DISAGREEMENT, PASS,             false, true,  false",
    // the sync window: 72 h back at most, 5 s ahead at most; nothing kept
    "259200, true,  PASS,           true,  NEW,          STORED,       PASS,             true,  false, false",
    "259201, true,  PASS,           true,  NEW,          REFUSED,      RECORD_TOO_OLD,   false, false, false",
    "259201, true,  PASS,           true,  ELSEWHERE,    REFUSED,      RECORD_TOO_OLD,   false, false, false",
    "-5,     true,  PASS,           true,  NEW,          STORED,       PASS,             true,  false, false",
    "-6,     true,  PASS,           true,  NEW,          REFUSED,      RECORD_IN_FUTURE, false, false, false",
  })
  void decides(
      long agoSeconds,
      boolean doorAdmitted,
      CheckinCode server,
      boolean authentic,
      NonceSeen nonce,
      DoorSyncStatus status,
      String code,
      boolean visit,
      boolean flagged,
      boolean counted) {
    DoorRecordVerdict verdict =
        RULES.decide(
            new DoorRecordRules.Facts(
                NOW.minusSeconds(agoSeconds), doorAdmitted, server, authentic, nonce),
            NOW);

    assertEquals(status, verdict.status(), "status");
    assertEquals(code, verdict.code(), "code");
    assertEquals(visit, verdict.storesVisit(), "stores a visit");
    assertEquals(flagged, verdict.flagged(), "flagged");
    assertEquals(counted, verdict.countedAsRefusal(), "counted as a refusal");
  }

  @Test
  void onlyRecordsOutsideTheWindowAreNotKept() {
    for (CheckinCode server : CheckinCode.values()) {
      for (NonceSeen nonce : NonceSeen.values()) {
        for (boolean door : new boolean[] {true, false}) {
          var inside = RULES.decide(new DoorRecordRules.Facts(NOW, door, server, true, nonce), NOW);
          var old =
              RULES.decide(
                  new DoorRecordRules.Facts(
                      NOW.minus(Duration.ofDays(4)), door, server, true, nonce),
                  NOW);
          assertEquals(true, inside.kept(), server + " " + nonce + " " + door);
          assertEquals(false, old.kept(), server + " " + nonce + " " + door);
        }
      }
    }
  }
}
