package kr.vaccinepass.portal.shared.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Refusals of one form travel together, so the form reports every error in one round. */
class BusinessExceptionTest {

  @Test
  void refusalsTravelTogetherInOrder() {
    BusinessException password = BusinessException.onField("password", "password.tooShort");
    BusinessException email = BusinessException.onField("email", "account.email.taken");
    BusinessException thrown = BusinessException.together(List.of(password, email)).orElseThrow();
    assertEquals(password, thrown, "the first is thrown, the API answers with it");
    assertEquals(List.of(password, email), thrown.all());
  }

  @Test
  void noRefusalNothingToThrow() {
    assertTrue(BusinessException.together(List.of()).isEmpty());
    BusinessException alone = BusinessException.of("x");
    assertEquals(List.of(alone), alone.all());
  }
}
