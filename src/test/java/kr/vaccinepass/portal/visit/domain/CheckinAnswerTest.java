package kr.vaccinepass.portal.visit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import kr.vaccinepass.portal.pass.domain.PassReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same token presented again at the same facility: a device's retry gets the answer it missed;
 * at the scanner page an admitted token shown a second time is a copy and is refused.
 */
class CheckinAnswerTest {
  private static final Instant FIRST = Instant.parse("2022-01-12T02:40:00Z");
  private static final Instant LATER = FIRST.plusSeconds(6);

  @ParameterizedTest(name = "{0} first, again by {2} → {3}")
  @CsvSource({
    // columns: first answer, its reason, path of the second presentation, answer again,
    //          an idempotent repeat?, counted as a refusal?
    // a device's retry of the same request: the same answer, no second visit, not counted again
    "PASS,    VACCINATED,        DEVICE_API,   PASS,    true,  false",
    "EXEMPT,  UNDER_18,          DEVICE_API,   EXEMPT,  true,  false",
    "NO_PASS, NO_PROOF,          DEVICE_API,   NO_PASS, true,  false",
    // the scanner page: an admitted token shown again is passed on, not a second admission
    "PASS,    VACCINATED,        SCANNER_PAGE, REPLAYED, false, true",
    "EXEMPT,  MEDICAL_EXEMPTION, SCANNER_PAGE, REPLAYED, false, true",
    // a refusal shown again stays the same refusal (counted once, when it was decided)
    "NO_PASS, NO_PROOF,          SCANNER_PAGE, NO_PASS, true,  false",
  })
  void theSameTokenAgain(
      CheckinCode first,
      PassReason reason,
      CheckinPath path,
      CheckinCode again,
      boolean repeat,
      boolean counted) {
    CheckinAnswer earlier =
        new CheckinAnswer(first, reason, first.admitted() ? 7L : null, FIRST, false);

    CheckinAnswer answer = earlier.again(path, LATER);

    assertEquals(again, answer.code());
    assertEquals(repeat, answer.replayed());
    assertEquals(counted, answer.countedAsRefusal());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"PASS", "EXEMPT"})
  void aSecondPresentationAtTheScannerAdmitsNobodyAndRecordsNothing(CheckinCode first) {
    CheckinAnswer admitted = new CheckinAnswer(first, PassReason.BOOSTED, 7L, FIRST, false);

    CheckinAnswer again = admitted.again(CheckinPath.SCANNER_PAGE, LATER);

    assertFalse(again.admitted());
    assertNull(again.visitId(), "no visit of its own");
    assertNull(again.reason(), "the pass facts are not shown again");
    assertEquals(LATER, again.checkedAt(), "refused when it was shown again");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"PASS", "EXEMPT"})
  void aDevicesRetryGetsTheVisitItMissed(CheckinCode first) {
    CheckinAnswer admitted = new CheckinAnswer(first, PassReason.BOOSTED, 7L, FIRST, false);

    CheckinAnswer again = admitted.again(CheckinPath.DEVICE_API, LATER);

    assertTrue(again.admitted());
    assertEquals(7L, again.visitId());
    assertEquals(FIRST, again.checkedAt());
    assertEquals(PassReason.BOOSTED, again.reason());
  }
}
