package kr.vaccinepass.portal.pass.application;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo issuers' key ids read as issuers write them, never like a code of the portal. */
class DemoIssuersTest {
  @ParameterizedTest
  @ValueSource(strings = {"COOV", "KAKAO", "NAVER", "TOSS", "PASS_APP"})
  void aKeyIdIsLowerCaseLettersDigitsAndHyphens(String issuer) {
    for (int i = 0; i < 1_000; i++) {
      String kid = DemoIssuers.newKid(issuer);
      assertTrue(kid.matches("demo-[a-z0-9-]+-[0-9a-f]{8}"), kid);
    }
  }
}
