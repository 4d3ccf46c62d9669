package kr.vaccinepass.portal.facility.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The check digit of the National Tax Service's business registration number. */
class BusinessRegistrationNumberTest {

  @ParameterizedTest(name = "{0} valid={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // number          | valid | why
        "1018100016        | true  | weights 1,3,7,1,3,7,1,3,5 plus tens of 9th×5",
        "101-81-00016      | true  | hyphens as printed on the certificate",
        "101 81 00016      | true  | spaces",
        "2208112341        | true  | 9th digit 4: 4×5=20 adds 2",
        "1048612345        | true  | 9th digit 4",
        "2118700014        | true  | check digit 4",
        "1208111116        | true  | 9th digit 1: 1×5=5 adds 0",
        "0000000000        | true  | all zeros sum to 0, check 0",
        "1018100017        | false | check digit one too high",
        "1018100015        | false | check digit one too low",
        "2208112340        | false | forgetting the tens of 9th×5 gives 0, wrong",
        "101810001         | false | 9 digits",
        "10181000160       | false | 11 digits",
        "101810001A        | false | a letter",
        "'' | false | empty",
        "１０１８１００016 | false | full-width digits are not digits here"
      })
  void checkDigit(String number, boolean valid, String why) {
    assertEquals(valid, BusinessRegistrationNumber.isValid(number), why);
  }

  @ParameterizedTest
  @CsvSource({"1018100016, 101-81-00016", "101-81-00016, 101-81-00016", "2208112341, 220-81-12341"})
  void formatsAsPrinted(String input, String formatted) {
    assertEquals(formatted, BusinessRegistrationNumber.parse(input).formatted());
    assertEquals(formatted.replace("-", ""), BusinessRegistrationNumber.parse(input).digits());
  }

  @ParameterizedTest
  @CsvSource({"1018100017", "12345"})
  void parseRefusesAnInvalidNumber(String input) {
    assertThrows(IllegalArgumentException.class, () -> BusinessRegistrationNumber.parse(input));
  }
}
