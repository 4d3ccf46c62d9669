package kr.vaccinepass.portal.shared.infrastructure;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/** Tells a database that cannot be reached from one that refused what it was sent. */
public final class DatabaseFailures {
  private DatabaseFailures() {}

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
