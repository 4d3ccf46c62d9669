package kr.vaccinepass.portal.visit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kr.vaccinepass.portal.pass.domain.PassOutcome;
import kr.vaccinepass.portal.pass.domain.TokenProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The answers of the device API: which admit, with which HTTP status, and what maps to what. */
class CheckinCodeTest {

  @ParameterizedTest(name = "{0} → {1} {2}")
  @CsvSource({
    // columns: token problem, answer, HTTP status
    // not a token at all: a bad request
    "MALFORMED,      MALFORMED,      400",
    // a token, but not of an issuer the portal trusts: unprocessable
    "UNKNOWN_ISSUER, UNKNOWN_ISSUER, 422",
    "REVOKED_KEY,    REVOKED_KEY,    422",
    "KEY_NOT_VALID,  KEY_NOT_VALID,  422",
    "BAD_SIGNATURE,  BAD_SIGNATURE,  422",
    // a genuine token out of its time: unprocessable
    "EXPIRED,        EXPIRED,        422",
    "NOT_YET_VALID,  NOT_YET_VALID,  422",
  })
  void tokenProblemsMapToRefusals(TokenProblem problem, CheckinCode code, int status) {
    assertEquals(code, CheckinCode.of(problem));
    assertEquals(status, code.httpStatus());
    assertFalse(code.admitted());
  }

  /** The table above covers every problem, so a new one cannot be forgotten. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(TokenProblem.class)
  void everyTokenProblemHasARefusalOfItsName(TokenProblem problem) {
    CheckinCode code = CheckinCode.of(problem);

    assertEquals(problem.name(), code.name());
    assertFalse(code.admitted());
  }

  @ParameterizedTest(name = "{0} → {1} {2}")
  @CsvSource({
    // columns: pass outcome, answer, HTTP status, admitted
    // a valid pass: the visit is created
    "PASS,    PASS,    201, true",
    // exempt from the pass: the visit is created
    "EXEMPT,  EXEMPT,  201, true",
    // no pass: refused, nothing created
    "NO_PASS, NO_PASS, 422, false",
  })
  void passOutcomesMapToAnswers(PassOutcome outcome, CheckinCode code, int status, boolean in) {
    assertEquals(code, CheckinCode.of(outcome));
    assertEquals(status, code.httpStatus());
    assertEquals(in, code.admitted());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(CheckinCode.class)
  void onlyPassAndExemptAdmitAndEveryRefusalIsAClientError(CheckinCode code) {
    boolean admits = code == CheckinCode.PASS || code == CheckinCode.EXEMPT;

    assertEquals(admits, code.admitted());
    if (admits) {
      assertEquals(201, code.httpStatus());
    } else {
      assertTrue(
          code.httpStatus() >= 400 && code.httpStatus() < 500,
          code + " answers " + code.httpStatus());
    }
  }

  @Test
  void everyProblemAndOutcomeHasItsOwnCode() {
    Set<CheckinCode> mapped =
        Stream.concat(
                Arrays.stream(TokenProblem.values()).map(CheckinCode::of),
                Arrays.stream(PassOutcome.values()).map(CheckinCode::of))
            .collect(Collectors.toSet());

    assertEquals(TokenProblem.values().length + PassOutcome.values().length, mapped.size());
    assertEquals(
        CheckinCode.values().length,
        Arrays.stream(CheckinCode.values()).map(CheckinCode::name).distinct().count());
    assertEquals(
        EnumSet.of(
            CheckinCode.REPLAYED,
            CheckinCode.FACILITY_NOT_FOUND,
            CheckinCode.FACILITY_SUSPENDED,
            CheckinCode.FACILITY_CLOSED),
        EnumSet.complementOf(EnumSet.copyOf(mapped)),
        "the answers that come from the service, not from the token or the rules");
  }
}
