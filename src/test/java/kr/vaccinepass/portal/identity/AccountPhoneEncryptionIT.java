package kr.vaccinepass.portal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import javax.sql.DataSource;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.identity.domain.Account;
import kr.vaccinepass.portal.identity.infrastructure.AccountPhoneEncryption;
import kr.vaccinepass.portal.shared.infrastructure.PersonalDataCipher;
import kr.vaccinepass.portal.shared.infrastructure.PersonalDataResealing;
import kr.vaccinepass.portal.testsupport.Deployments;
import kr.vaccinepass.portal.testsupport.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An account's own phone number is personal data, stored encrypted like a visitor's (issue 18):
 * what the database holds is AES-GCM ciphertext, the portal reads the number, and the rows stored
 * in clear text before V26 are encrypted by the Java migration V27, which Flyway has run.
 */
@ExtendWith(ArquillianExtension.class)
class AccountPhoneEncryptionIT {
  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(AccountPhoneEncryptionIT.class);
  }

  @Inject AccountService accounts;

  @Resource(lookup = "java:jboss/datasources/PortalDS")
  DataSource dataSource;

  @Test
  void theDatabaseHoldsTheOwnersPhoneEncryptedAndThePortalReadsIt() throws Exception {
    var form = TestData.owner();
    long id = accounts.signUpOwner(form);
    String stored = rawPhone(id);
    String phone = accounts.findByEmail(form.getEmail()).map(Account::getPhone).orElseThrow();

    assertFalse(stored.contains(phone), "no number in the database: " + stored);
    assertTrue(stored.indexOf('.') > 0, "key id and ciphertext: " + stored);
    assertEquals(
        phone, PersonalDataCipher.configured().open(Account.PHONE_FIELD, rowKey(id), stored));
  }

  @Test
  void aNumberLeftInClearTextIsEncryptedByTheMigrationOnceAndTheMigrationHasRun() throws Exception {
    var form = TestData.owner();
    long id = accounts.signUpOwner(form);
    String phone = accounts.findByEmail(form.getEmail()).map(Account::getPhone).orElseThrow();
    try (Connection c = dataSource.getConnection();
        PreparedStatement clear = c.prepareStatement("update account set phone = ? where id = ?")) {
      clear.setString(1, phone);
      clear.setLong(2, id);
      clear.executeUpdate();
    }

    try (Connection c = dataSource.getConnection()) {
      assertTrue(AccountPhoneEncryption.encryptClearPhones(c, PersonalDataCipher::configured) >= 1);
      assertEquals(
          0,
          AccountPhoneEncryption.encryptClearPhones(c, PersonalDataCipher::configured),
          "a ciphertext is left as it is");
      // V27 wrote as before V31; V32 seals it to its row
      assertTrue(PersonalDataResealing.reseal(c, PersonalDataCipher::configured) >= 1);
      assertEquals(
          0,
          PersonalDataResealing.reseal(c, PersonalDataCipher::configured),
          "a sealed value is left as it is");
    }
    String stored = rawPhone(id);
    assertFalse(stored.equals(phone));
    assertEquals(phone, accounts.findByEmail(form.getEmail()).orElseThrow().getPhone());

    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement("select success from flyway_schema_history where version = '27'");
        ResultSet r = q.executeQuery()) {
      assertTrue(r.next() && r.getBoolean(1), "Flyway ran V27, the Java migration");
    }
  }

  @Test
  void aPhoneCopiedToAnotherAccountsRowDoesNotOpenThere() throws Exception {
    var first = TestData.owner();
    var second = TestData.owner();
    long a = accounts.signUpOwner(first);
    long b = accounts.signUpOwner(second);
    String firstPhone = accounts.findByEmail(first.getEmail()).orElseThrow().getPhone();
    try (Connection c = dataSource.getConnection();
        PreparedStatement copy =
            c.prepareStatement(
                "update account set phone = (select phone from account where id = ?) where id = ?")) {
      copy.setLong(1, a);
      copy.setLong(2, b);
      assertEquals(1, copy.executeUpdate());
    }

    assertEquals(firstPhone, accounts.findByEmail(first.getEmail()).orElseThrow().getPhone());
    assertNull(
        accounts.findByEmail(second.getEmail()).orElseThrow().getPhone(),
        "the copied value does not open at another row");
    try (Connection c = dataSource.getConnection()) {
      PersonalDataResealing.reseal(c, PersonalDataCipher::configured);
    }
    assertNull(
        accounts.findByEmail(second.getEmail()).orElseThrow().getPhone(),
        "V32 does not adopt a value that belongs to another row");
  }

  private UUID rowKey(long id) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q = c.prepareStatement("select row_key from account where id = ?")) {
      q.setLong(1, id);
      try (ResultSet r = q.executeQuery()) {
        assertTrue(r.next());
        return (UUID) r.getObject(1);
      }
    }
  }

  private String rawPhone(long id) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q = c.prepareStatement("select phone from account where id = ?")) {
      q.setLong(1, id);
      try (ResultSet r = q.executeQuery()) {
        assertTrue(r.next());
        return r.getString(1);
      }
    }
  }
}
