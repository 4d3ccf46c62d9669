package kr.vaccinepass.portal.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTest {

  @ParameterizedTest(name = "{0} → {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "correct-horse-42     | kim@example.kr        | OK",
        "abcdefgh12           | kim@example.kr        | OK",
        "비밀번호는길고1234    | kim@example.kr        | OK",
        "NULL                 | kim@example.kr        | password.required",
        "''                   | kim@example.kr        | password.required",
        "abcdefgh1            | kim@example.kr        | password.tooShort",
        "abcdefghij           | kim@example.kr        | password.needsLetterAndDigit",
        "1234567890           | kim@example.kr        | password.needsLetterAndDigit",
        "aaaaaaaaa1           | kim@example.kr        | password.tooSimple",
        "abab1abab1           | kim@example.kr        | password.tooSimple",
        "owner.kim2021x       | owner.kim@example.kr  | password.containsEmail",
        "OWNER.KIM2021x       | owner.kim@example.kr  | password.containsEmail",
        "kim2021abcd          | kim@example.kr        | OK"
      })
  void violation(String password, String email, String expected) {
    assertEquals(expected, PasswordPolicy.violation(password, email).orElse("OK"));
  }

  @org.junit.jupiter.api.Test
  void lengthBounds() {
    assertEquals("OK", PasswordPolicy.violation("a1" + "x".repeat(8) + "yz", null).orElse("OK"));
    assertEquals(
        "OK", PasswordPolicy.violation("a1bc" + "x".repeat(124), null).orElse("OK"), "128 chars");
    assertEquals(
        "password.tooLong",
        PasswordPolicy.violation("a1bc" + "x".repeat(125), null).orElse("OK"),
        "129 chars");
  }
}
