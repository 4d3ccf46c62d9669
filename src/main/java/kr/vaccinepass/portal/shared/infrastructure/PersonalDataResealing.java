package kr.vaccinepass.portal.shared.infrastructure;

import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.flywaydb.core.api.migration.Context;

/**
 * Flyway V32: re-seals the personal data stored before V31 to its field and row. A value that
 * already opens at its place is left as it is, so the migration can run on any copy of the
 * database; the key ring is asked for only when there is a value to re-seal.
 */
@Dependent
public class PersonalDataResealing extends PortalJavaMigration {
  private static final Logger LOG = Logger.getLogger(PersonalDataResealing.class.getName());

  /** A table's sealed columns, and the columns that find one of its rows. */
  record Sealed(String table, List<String> key, List<String> columns) {}

  static final List<Sealed> SEALED =
      List.of(
          new Sealed("account", List.of("id"), List.of("phone")),
          new Sealed(
              "violation",
              List.of("id"),
              List.of("visitor_name", "visitor_birth_date", "visitor_phone")),
          new Sealed(
              "visit",
              List.of("id", "visited_at"),
              List.of("visitor_name", "visitor_phone", "safety_number")));

  public PersonalDataResealing() {
    super("32", "personal data sealed to its field and row");
  }

  @Override
  public void migrate(Context context) throws SQLException {
    reseal(context.getConnection(), PersonalDataCipher::configured);
  }

  /**
   * Re-seals every value that does not open at its field and row but decrypts as written before
   * V31.
   *
   * @return how many values were re-sealed
   */
  public static int reseal(Connection connection, Supplier<PersonalDataCipher> ring)
      throws SQLException {
    int resealed = 0;
    PersonalDataCipher cipher = null;
    for (Sealed t : SEALED) {
      for (String column : t.columns()) {
        String field = t.table() + "." + column;
        String keys = String.join(", ", t.key());
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement select =
                connection.prepareStatement(
                    "select "
                        + keys
                        + ", row_key, "
                        + column
                        + " from "
                        + t.table()
                        + " where "
                        + column
                        + " is not null for update");
            ResultSet r = select.executeQuery()) {
          while (r.next()) {
            Object[] row = new Object[t.key().size() + 2];
            for (int i = 0; i < row.length; i++) {
              row[i] = r.getObject(i + 1);
            }
            rows.add(row);
          }
        }
        if (rows.isEmpty()) {
          continue;
        }
        if (cipher == null) {
          cipher = ring.get();
        }
        String where = String.join(" and ", t.key().stream().map(k -> k + " = ?").toList());
        try (PreparedStatement update =
            connection.prepareStatement(
                "update " + t.table() + " set " + column + " = ? where " + where)) {
          for (Object[] row : rows) {
            UUID rowKey = (UUID) row[t.key().size()];
            String stored = (String) row[t.key().size() + 1];
            if (opens(cipher, field, rowKey, stored)) {
              continue;
            }
            String plaintext;
            try {
              plaintext = cipher.decrypt(stored);
            } catch (IllegalStateException neither) {
              // sealed to another row (copied here) or altered: it stays unreadable here
              LOG.warning(() -> "V32: a value of " + field + " opens neither here nor as before");
              continue;
            }
            update.setString(1, cipher.seal(field, rowKey, plaintext));
            for (int i = 0; i < t.key().size(); i++) {
              update.setObject(i + 2, row[i]);
            }
            update.addBatch();
            resealed++;
          }
          update.executeBatch();
        }
      }
    }
    return resealed;
  }

  private static boolean opens(PersonalDataCipher cipher, String field, UUID row, String stored) {
    try {
      cipher.open(field, row, stored);
      return true;
    } catch (IllegalStateException notYet) {
      return false;
    }
  }
}
