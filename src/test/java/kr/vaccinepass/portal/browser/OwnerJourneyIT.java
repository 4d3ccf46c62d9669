package kr.vaccinepass.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kr.vaccinepass.portal.testsupport.Browser;
import kr.vaccinepass.portal.testsupport.TestData;
import org.junit.jupiter.api.Test;

/**
 * An owner signs up, signs in, registers a facility (after a wrong business number), finds it in
 * their list, and switches to English.
 */
class OwnerJourneyIT extends BrowserJourney {

  @Test
  void signUpSignInRegisterListAndSwitchToEnglish() throws Exception {
    String email = TestData.email("browser-owner");
    String number = TestData.businessNumber();
    try (Browser browser = Browser.open(base)) {
      browser.go("/public/signup.xhtml");
      assertTrue(browser.text().contains("사업주 회원가입"), "Korean by default");
      browser
          .type("signupForm:email", email)
          .type("signupForm:name", "홍길동")
          .type("signupForm:phone", "010-9876-5432")
          .type("signupForm:password", "short")
          .type("signupForm:passwordConfirmation", "short")
          .click("signupForm:submit")
          .waitForText("비밀번호는 10자 이상이어야 합니다.");
      browser
          .type("signupForm:password", TestData.PASSWORD)
          .type("signupForm:passwordConfirmation", TestData.PASSWORD)
          .click("signupForm:submit")
          .waitForPath("/public/login.xhtml")
          .waitForText("가입되었습니다");

      browser.signIn(email, TestData.PASSWORD).waitForPath("/owner/dashboard.xhtml");
      assertTrue(browser.text().contains("홍길동"));

      browser.go("/owner/facility-form.xhtml");
      browser
          .type("facilityForm:name", "길동 PC방")
          .choose("facilityForm:typeCode", "PC방")
          .type("facilityForm:businessNumber", TestData.wrongCheckDigit(number))
          .choose("facilityForm:sidoCode", "서울특별시")
          .choose("facilityForm:sigunguCode", "종로구")
          .type("facilityForm:roadAddress", "서울특별시 종로구 종로 1")
          .type("facilityForm:floorArea", "넓음")
          .type("facilityForm:capacity", "40")
          .click("facilityForm:save")
          .waitForText("올바른 사업자등록번호가 아닙니다")
          .waitForText("숫자를 입력하세요.");
      assertEquals("길동 PC방", browser.id("facilityForm:name").getAttribute("value"), "input kept");

      browser
          .type("facilityForm:businessNumber", number)
          .type("facilityForm:floorArea", "85.5")
          .click("facilityForm:save");
      browser.waitForPath("/owner/facilities.xhtml").waitForText("길동 PC방");
      assertTrue(browser.text().contains("안심콜 번호: 080-"), browser.text());
      assertTrue(browser.text().contains(number.substring(0, 3) + "-" + number.substring(3, 5)));

      browser.click("langForm:en").waitForText("My facilities");
      assertTrue(browser.text().contains("Business registration number"));
      assertTrue(browser.text().contains("PC room"));
      assertFalse(browser.text().contains("사업자등록번호"));
      browser.go("/owner/dashboard.xhtml").waitForText("Owner dashboard");
      assertTrue(browser.text().contains("Sign out"), "English sticks for the session");
    }
  }
}
