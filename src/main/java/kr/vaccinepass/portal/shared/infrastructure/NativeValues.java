package kr.vaccinepass.portal.shared.infrastructure;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native queries' result rows, whatever Java type Hibernate and the driver gave them. */
public final class NativeValues {
  private NativeValues() {}

  /** A {@code timestamptz} column's value as an instant. */
  public static Instant instant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    throw new IllegalStateException("not a time: " + value);
  }
}
