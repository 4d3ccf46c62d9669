package kr.vaccinepass.portal.identity.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** After signing in, only a page of the portal itself is a place to continue to. */
class LoginContinuationTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "/owner/facilities.xhtml, true",
        "/owner/facility-form.xhtml?id=3, true",
        "NULL, false",
        "'', false",
        "owner/facilities.xhtml, false",
        "//evil.example/, false",
        "/\\evil.example, false",
        "https://evil.example/, false",
        "/redirect?to=https://evil.example, false",
        "/public/login.xhtml?continue=/x, false"
      })
  void isSafe(String target, boolean safe) {
    assertEquals(safe, LoginContinuation.isSafe(target));
  }
}
