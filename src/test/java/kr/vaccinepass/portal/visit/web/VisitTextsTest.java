package kr.vaccinepass.portal.visit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;
import kr.vaccinepass.portal.pass.domain.PassDecision;
import kr.vaccinepass.portal.pass.domain.PassReason;
import kr.vaccinepass.portal.shared.web.Messages;
import kr.vaccinepass.portal.visit.domain.CheckinCode;
import kr.vaccinepass.portal.visit.domain.Visit;
import org.junit.jupiter.api.Test;

/** What the visits page and its export say of a visit's method, one text for both (in Korean). */
class VisitTextsTest {
  private static final Instant AT = Instant.parse("2021-12-13T02:50:00Z");

  private final VisitTexts texts = new VisitTexts();

  VisitTextsTest() {
    // the Korean bundle as the portal's Messages reads it, without a JSF context
    texts.messages =
        new Messages() {
          @Override
          public String text(String key, Object... args) {
            return MessageFormat.format(
                ResourceBundle.getBundle(Messages.BUNDLE, Locale.KOREAN).getString(key), args);
          }
        };
  }

  private static Visit atDoor(CheckinCode disagreement) {
    return Visit.verifiedAtDoor(
        1L,
        AT,
        PassDecision.of(PassReason.VACCINATED),
        "KAKAO",
        "holder",
        "nonce",
        "hash",
        disagreement,
        AT.plusSeconds(3600));
  }

  @Test
  void aVisitTheServerAnsweredReadsAsItsMethodAlone() {
    Visit answered =
        Visit.checkedIn(
            1L, AT, PassDecision.of(PassReason.VACCINATED), "KAKAO", "h", "n", "x", null);
    assertEquals("QR 체크인", texts.method(answered));
    assertEquals("", texts.door(answered));
  }

  @Test
  void aVisitTheDoorAdmittedOnItsOwnSaysSoAndWhetherTheServerDisagreed() {
    assertEquals("QR 체크인 · 문에서 확인(나중에 전송)", texts.method(atDoor(null)));
    assertEquals(
        "QR 체크인 · 문에서 확인(나중에 전송) · 서버 재확인 결과 다름: 폐기된 발급 키로 서명된 QR입니다. 종이 또는 문자 증명서를 요청하세요.",
        texts.method(atDoor(CheckinCode.REVOKED_KEY)));
  }
}
