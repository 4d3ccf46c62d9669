package kr.vaccinepass.portal.visit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import kr.vaccinepass.portal.pass.domain.PassDecision;
import kr.vaccinepass.portal.pass.domain.PassReason;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A visit's own rules: what an owner sees of a name, a phone or a safety number, which handwritten
 * entries are refused, when an operator may record how they checked the pass, and what a door check
 * during a system incident keeps.
 */
class VisitTest {
  private static final long FACILITY = 7L;
  private static final long OPERATOR = 42L;
  private static final Instant AT = Instant.parse("2021-12-13T03:00:00Z"); // 12:00 KST

  private static Visit handwritten(String name, String phone) {
    return Visit.handwritten(FACILITY, AT, name, phone, null, OPERATOR);
  }

  private static Visit bySafetyNumber(String safetyNumber) {
    return Visit.handwritten(FACILITY, AT, null, null, safetyNumber, OPERATOR);
  }

  private static Visit qr() {
    return Visit.checkedIn(
        FACILITY,
        AT,
        PassDecision.of(PassReason.VACCINATED),
        "KAKAO",
        "holder-1",
        "nonce-1",
        "hash-1",
        OPERATOR);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    // three syllables: the middle one hidden
    "김철수,   김*수",
    // a two-syllable surname: everything between first and last hidden
    "남궁민수, 남**수",
    // two syllables: the second hidden
    "이수,     이*",
    // one syllable: all hidden
    "김,       *",
    // surrounding spaces are stripped before storing
    "' 김철수 ', 김*수",
    // a Latin name: first and last letter shown
    "Kim,      K*m",
  })
  void namesAreMasked(String name, String masked) {
    assertEquals(masked, handwritten(name, "010-1234-5678").maskedName());
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    // a mobile number as written
    "010-1234-5678, 010-****-5678, 5678",
    // a Seoul number: two-digit area code, three-digit exchange
    "02-123-4567,   02-****-4567,  4567",
    // a mobile number typed without hyphens
    "01012345678,   010-****-5678, 5678",
    // a mobile number typed with spaces
    "010 1234 5678, 010-****-5678, 5678",
    // a Gyeonggi number
    "031-123-4567,  031-****-4567, 4567",
    // a Seoul number with a four-digit exchange
    "0212345678,    02-****-5678,  5678",
  })
  void phonesAreMasked(String phone, String masked, String last4) {
    Visit visit = handwritten("김철수", phone);

    assertEquals(masked, visit.maskedPhone());
    assertEquals(last4, visit.getPhoneLast4());
  }

  @ParameterizedTest(name = "{0} → valid {1}")
  @CsvSource({
    // four digits and two Hangul syllables
    "1234가나,    true,  12**가나",
    // a space as written on the card, removed before storing
    "'1234 가나', true,  12**가나",
    // spaces anywhere are removed
    "'12 34가 나', true, 12**가나",
    // three digits
    "123가나,     false, ",
    // five digits
    "12345가나,   false, ",
    // Latin letters instead of Hangul
    "1234ab,      false, ",
    // one syllable
    "1234가,      false, ",
    // three syllables
    "1234가나다,  false, ",
    // letters first
    "가나1234,    false, ",
    // a lone jamo is not a syllable
    "1234ㄱㄴ,    false, ",
  })
  void safetyNumbers(String text, boolean valid, String masked) {
    assertEquals(valid, SafetyNumber.isValid(text));
    if (valid) {
      Visit visit = bySafetyNumber(text);
      assertEquals(masked, visit.maskedSafetyNumber());
      assertNull(visit.maskedName(), "no name kept with a safety number");
      assertNull(visit.maskedPhone(), "no phone kept with a safety number");
    } else {
      BusinessException refused = assertThrows(BusinessException.class, () -> bySafetyNumber(text));
      assertEquals(Optional.of("safetyNumber"), refused.field());
      assertEquals("visit.safetyNumber.invalid", refused.messageKey());
    }
  }

  @ParameterizedTest(name = "name={0} phone={1} safety={2} → {3}")
  @CsvSource({
    // columns: name, phone, safety number, refused field, message key
    // no name, no safety number
    ",       010-1234-5678, , name,         visit.name.required",
    // a blank name
    "'  ',   010-1234-5678, , name,         visit.name.required",
    // a name but no phone
    "김철수, ,              , phone,        visit.phone.invalid",
    // a phone one digit short
    "김철수, 010-1234-567,  , phone,        visit.phone.invalid",
    // a phone that is not Korean (no leading 0)
    "김철수, 10-1234-5678,  , phone,        visit.phone.invalid",
    // letters in the phone
    "김철수, 010-abcd-5678, , phone,        visit.phone.invalid",
    // an invalid safety number alone
    ",       ,              123가나, safetyNumber, visit.safetyNumber.invalid",
    // a safety number and a name and phone: refused, nothing typed is silently dropped
    "김철수, 010-1234-5678, 1234가나, safetyNumber, visit.handwritten.eitherOr",
    // a safety number and a phone only
    ",       010-1234-5678, 1234가나, safetyNumber, visit.handwritten.eitherOr",
  })
  void handwrittenRefusals(
      String name, String phone, String safetyNumber, String field, String messageKey) {
    BusinessException refused =
        assertThrows(
            BusinessException.class,
            () -> Visit.handwritten(FACILITY, AT, name, phone, safetyNumber, OPERATOR));

    assertEquals(Optional.of(field), refused.field());
    assertEquals(messageKey, refused.messageKey());
  }

  @ParameterizedTest(name = "{0} without incident")
  @EnumSource(value = CheckMethod.class, names = "VERBAL", mode = EnumSource.Mode.EXCLUDE)
  void documentaryChecksAreRecordedWithoutAnIncident(CheckMethod how) {
    Visit visit = handwritten("김철수", "010-1234-5678");

    visit.recordCheck(how, OPERATOR, false);

    assertEquals(how, visit.getCheckMethod());
    assertEquals(VisitOutcome.UNVERIFIED, visit.getOutcome());
  }

  @ParameterizedTest(name = "{0}, incident {1} → refused on {2}")
  @CsvSource({
    // columns: check method, incident declared, refused field (empty: accepted)
    // asking is not a check outside an incident
    "VERBAL,            false, checkMethod",
    // asking counts while an incident is declared
    "VERBAL,            true,  ",
    // a paper certificate counts with or without an incident
    "PAPER_CERTIFICATE, false, ",
    "PAPER_CERTIFICATE, true,  ",
  })
  void verbalCheckNeedsAnIncident(CheckMethod how, boolean incident, String refusedField) {
    Visit visit = handwritten("김철수", "010-1234-5678");

    if (refusedField == null) {
      visit.recordCheck(how, OPERATOR, incident);
      assertEquals(how, visit.getCheckMethod());
    } else {
      BusinessException refused =
          assertThrows(BusinessException.class, () -> visit.recordCheck(how, OPERATOR, incident));
      assertEquals(Optional.of(refusedField), refused.field());
      assertEquals("visit.check.verbalNeedsIncident", refused.messageKey());
      assertNull(visit.getCheckMethod());
    }
  }

  @ParameterizedTest(name = "QR visit, {0}")
  @EnumSource(CheckMethod.class)
  void aQrVisitNeedsNoCheck(CheckMethod how) {
    Visit visit = qr();

    BusinessException refused =
        assertThrows(BusinessException.class, () -> visit.recordCheck(how, OPERATOR, true));

    assertEquals("visit.check.alreadyVerified", refused.messageKey());
    assertEquals(Optional.empty(), refused.field());
    assertNull(visit.getCheckMethod());
  }

  @Test
  void aQrVisitKeepsOnlyThePseudonym() {
    Visit visit = qr();

    assertEquals(VisitMethod.QR, visit.getMethod());
    assertEquals(VisitOutcome.PASS, visit.getOutcome());
    assertEquals(PassReason.VACCINATED, visit.getReason());
    assertEquals("holder-1", visit.getHolderId());
    assertNull(visit.maskedName());
    assertNull(visit.maskedPhone());
    assertNull(visit.getPhoneLast4());
  }

  @Test
  void aRefusedPassIsNotAVisit() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Visit.checkedIn(
                FACILITY, AT, PassDecision.of(PassReason.NO_PROOF), "KAKAO", "h", "n", "x", null));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    // the provider's bare digits
    "01012345678,   010-1234-5678, 5678",
    // already hyphenated
    "010-1234-5678, 010-1234-5678, 5678",
    // a Seoul landline
    "02-123-4567,   02-123-4567,   4567",
  })
  void callsNormalizeTheCallersNumber(String caller, String normalized, String last4) {
    Visit visit = Visit.called(FACILITY, AT, caller, "call-1");

    assertEquals(normalized, visit.visitorPhone());
    assertEquals(last4, visit.getPhoneLast4());
    assertEquals(VisitMethod.CALL, visit.getMethod());
    assertEquals(VisitOutcome.UNVERIFIED, visit.getOutcome());
    assertEquals("call-1", visit.getExternalRef());
    assertTrue(visit.maskedPhone().endsWith("-" + last4));
  }

  @ParameterizedTest(name = "door check by {0}")
  @EnumSource(CheckMethod.class)
  void aDoorCheckKeepsHowAndTheIncidentAndNothingOfThePerson(CheckMethod how) {
    Visit visit = Visit.doorCheck(FACILITY, AT, how, 3L, OPERATOR);

    assertEquals(VisitMethod.DOOR_CHECK, visit.getMethod());
    assertEquals(VisitOutcome.UNVERIFIED, visit.getOutcome());
    assertTrue(visit.isSystemDown());
    assertEquals(how, visit.getCheckMethod());
    assertEquals(3L, visit.getIncidentId());
    assertNull(visit.maskedName());
    assertNull(visit.maskedPhone());
    assertNull(visit.maskedSafetyNumber());
    assertNull(visit.getHolderId());
  }

  @Test
  void aDoorCheckNeedsHowTheOperatorChecked() {
    BusinessException refused =
        assertThrows(BusinessException.class, () -> Visit.doorCheck(FACILITY, AT, null, 3L, 1L));

    assertEquals("visit.checkMethod.required", refused.messageKey());
    assertEquals(Optional.of("checkMethod"), refused.field());
  }

  @Test
  void aDoorCheckIsNotCheckedAgain() {
    Visit visit = Visit.doorCheck(FACILITY, AT, CheckMethod.VERBAL, 3L, OPERATOR);

    BusinessException refused =
        assertThrows(
            BusinessException.class,
            () -> visit.recordCheck(CheckMethod.PAPER_CERTIFICATE, OPERATOR, true));

    assertEquals("visit.check.doorCheck", refused.messageKey());
    assertEquals(CheckMethod.VERBAL, visit.getCheckMethod());
  }

  @Test
  void onlyADoorCheckIsSystemDown() {
    assertTrue(!handwritten("김철수", "010-1234-5678").isSystemDown());
    assertTrue(!qr().isSystemDown());
  }
}
