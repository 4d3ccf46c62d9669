package kr.vaccinepass.portal.shared.infrastructure;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a database that cannot be reached from one that refused what it was sent: the one place
 * that knows which failures are worth the same request again (the API's 503 with Retry-After, the
 * error page's 503, the visit writer's back-off instead of isolating a rejected row).
 */
public final class DatabaseFailures {
  private DatabaseFailures() {}

  /** Class names (not all on the compile path) of timeouts and of a commit that did not finish. */
  private static final Set<String> TRANSIENT_TYPES =
      Set.of(
          "org.hibernate.exception.LockTimeoutException",
          "org.hibernate.QueryTimeoutException",
          "jakarta.persistence.QueryTimeoutException",
          "jakarta.persistence.LockTimeoutException",
          "jakarta.transaction.RollbackException");

  /**
   * Whether the same request may well succeed if sent again shortly: the database {@link
   * #unavailable}, or a transient failure (a timeout, a commit that did not finish, a serialization
   * failure or deadlock, SQLState 40001/40P01). A request refused for its content is neither.
   */
  public static boolean worthRetrying(Throwable failure) {
    if (unavailable(failure)) {
      return true;
    }
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (t instanceof SQLTransientException || t instanceof TimeoutException) {
        return true;
      }
      if (t instanceof SQLException sql
          && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
        return true;
      }
      for (Class<?> c = t.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
        if (TRANSIENT_TYPES.contains(c.getName())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the failure, or one of its causes, says the database could not be reached or could not
   * serve: a connection exception (SQLState class 08), the server shutting down or starting (57P01
   * to 57P03), insufficient resources (class 53: too many connections, disk full), the pool having
   * no connection to give (IronJacamar's IJ000453 and kin, a ResourceException), Hibernate's
   * JDBCConnectionException, or a refused or closed socket. A constraint violation or a bad value
   * is not one of these: retrying never mends it.
   */
  public static boolean unavailable(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 30; t = t.getCause(), depth++) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException
          || t instanceof ConnectException) {
        return true;
      }
      if (t instanceof SQLException sql && unavailableState(sql.getSQLState())) {
        return true;
      }
      String type = t.getClass().getName();
      if (type.equals("org.hibernate.exception.JDBCConnectionException")
          || type.startsWith("jakarta.resource.")
          || type.equals("java.io.EOFException")) {
        return true;
      }
      String message = t.getMessage();
      if (message != null
          && (message.contains("IJ000453") // unable to get a managed connection
              || message.contains("IJ031041") // connection handle has been closed
              || message.contains("IJ031040") // connection is not associated with a managed one
              || message.contains("This connection has been closed"))) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static boolean unavailableState(String state) {
    return state != null
        && (state.startsWith("08") // connection exception
            || state.startsWith("57P") // admin or crash shutdown, cannot connect now
            || state.startsWith("53")); // insufficient resources
  }
}
