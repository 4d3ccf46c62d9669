package kr.vaccinepass.portal.identity.infrastructure;

import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import kr.vaccinepass.portal.shared.infrastructure.PersonalDataCipher;
import kr.vaccinepass.portal.shared.infrastructure.PortalJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Flyway V27: encrypts the phone numbers of the accounts stored before V26, with the portal's
 * personal-data key (which only the application holds, so this is a Java migration). A number in
 * clear text has no '.'; a ciphertext always has one after its key id, so a row already encrypted
 * is left as it is and the migration can be run on any copy of the database.
 */
@Dependent
public class AccountPhoneEncryption extends PortalJavaMigration {
  public AccountPhoneEncryption() {
    super("27", "account phones encrypted");
  }

  @Override
  public void migrate(Context context) throws SQLException {
    // the key ring is asked for only when there is a number to encrypt: an installation without
    // accounts yet starts without one, as before
    encryptClearPhones(context.getConnection(), PersonalDataCipher::configured);
  }

  /**
   * Encrypts every phone number still in clear text.
   *
   * @return how many rows were encrypted
   */
  public static int encryptClearPhones(
      Connection connection, Supplier<PersonalDataCipher> cipherRing) throws SQLException {
    Map<Long, String> clear = new LinkedHashMap<>();
    try (PreparedStatement select =
            connection.prepareStatement(
                "select id, phone from account where position('.' in phone) = 0 for update");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        clear.put(rows.getLong(1), rows.getString(2));
      }
    }
    if (clear.isEmpty()) {
      return 0;
    }
    PersonalDataCipher cipher = cipherRing.get();
    try (PreparedStatement update =
        connection.prepareStatement("update account set phone = ? where id = ?")) {
      for (Map.Entry<Long, String> row : clear.entrySet()) {
        update.setString(1, cipher.encrypt(row.getValue()));
        update.setLong(2, row.getKey());
        update.addBatch();
      }
      update.executeBatch();
    }
    return clear.size();
  }
}
