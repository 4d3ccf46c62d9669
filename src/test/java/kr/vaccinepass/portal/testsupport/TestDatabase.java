package kr.vaccinepass.portal.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The test database, from outside the server (browser tests): what a journey needs that no page
 * offers, such as a facility of its own, or days going by.
 */
public final class TestDatabase {
  private TestDatabase() {}

  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        System.getProperty("portal.test.db.url"),
        System.getProperty("portal.test.db.user"),
        System.getProperty("portal.test.db.password"));
  }

  /** A facility of the owner with that e-mail, for one test alone; its id. */
  public static long createFacility(String name, String type, String sigunguCode, String ownerEmail)
      throws SQLException {
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement(
                "insert into facility (owner_id, name, type_code, business_number, sigungu_code,"
                    + " road_address, safe_call_number, created_at, updated_at)"
                    + " select a.id, ?, ?, ?, ?, '서울특별시 종로구 종로 5',"
                    + " '080-' || substr(n::text, 1, 3) || '-' || substr(n::text, 4), now(), now()"
                    + " from account a, (select nextval('safe_call_number_seq') n) seq"
                    + " where a.email = ? returning id")) {
      s.setString(1, name);
      s.setString(2, type);
      s.setString(3, TestData.businessNumber());
      s.setString(4, sigunguCode);
      s.setString(5, ownerEmail);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw new IllegalStateException("no account " + ownerEmail);
        }
        return r.getLong(1);
      }
    }
  }

  /** Runs one update; the number of rows it changed. */
  public static int update(String sql, Object... args) throws SQLException {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      return s.executeUpdate();
    }
  }
}
