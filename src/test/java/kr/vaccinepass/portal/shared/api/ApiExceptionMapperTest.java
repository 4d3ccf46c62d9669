package kr.vaccinepass.portal.shared.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Which failures mean "the database cannot be used now" (503 SERVICE_UNAVAILABLE with Retry-After,
 * so that devices retry) rather than a fault (500 INTERNAL), wherever they sit in the chain of
 * causes.
 */
class ApiExceptionMapperTest {
  @Test
  void connectionFailuresTimeoutsAndTheirSqlStatesAreUnavailable() {
    assertTrue(ApiExceptionMapper.unavailable(new SQLTransientConnectionException("pool")));
    assertTrue(ApiExceptionMapper.unavailable(new SQLException("refused", "08001")));
    assertTrue(ApiExceptionMapper.unavailable(new SQLException("shutting down", "57P01")));
    assertTrue(ApiExceptionMapper.unavailable(new SQLException("too many clients", "53300")));
    assertTrue(ApiExceptionMapper.unavailable(new TimeoutException()));
    assertTrue(
        ApiExceptionMapper.unavailable(
            new CompletionException(
                new IllegalStateException(
                    "the visit was not written",
                    new RuntimeException(new SQLException("lost", "08006"))))));
  }

  @Test
  void faultsOfTheRequestOrTheCodeAreNot() {
    assertFalse(ApiExceptionMapper.unavailable(new SQLException("bad text", "22021")));
    assertFalse(ApiExceptionMapper.unavailable(new SQLException("duplicate", "23505")));
    assertFalse(ApiExceptionMapper.unavailable(new IllegalStateException("bug")));
    assertFalse(ApiExceptionMapper.unavailable(new NullPointerException()));
  }

  @Test
  void aCycleOfCausesEnds() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertFalse(ApiExceptionMapper.unavailable(a));
  }
}
