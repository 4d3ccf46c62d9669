package kr.vaccinepass.portal.devtools.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.vaccinepass.portal.demo.DemoData;
import kr.vaccinepass.portal.visit.domain.DeviceKey;

/**
 * The doors the check-ins come through: the demo owner's active facilities whose type the pass
 * covers at the portal's "now", each with a device key made for the benchmark (inserted as the
 * owner's page would store it: the SHA-256 and the first 10 characters), and the portal's clock,
 * read from the {@code checkedAt} of a check-in answer.
 */
public final class Doors {
  /** One facility and its device's secret. */
  public record Door(long facilityId, String secret) {
    public String path() {
      return "/api/v1/facilities/" + facilityId + "/checkins";
    }

    public String authorization() {
      return "Device " + secret;
    }
  }

  private static final Pattern CHECKED_AT = Pattern.compile("\"checkedAt\"\\s*:\\s*\"([^\"]+)\"");

  private Doors() {}

  /** The demo owner's account id (the portal seeds it in demo mode). */
  public static long demoOwner(Connection db) throws SQLException {
    try (PreparedStatement q = db.prepareStatement("select id from account where email = ?")) {
      q.setString(1, DemoData.OWNER_EMAIL);
      ResultSet rs = q.executeQuery();
      if (!rs.next()) {
        throw new IllegalStateException("no demo owner: was the portal started with demo data?");
      }
      return rs.getLong(1);
    }
  }

  /** Device keys for the demo owner's covered, active facilities (at least one). */
  public static List<Door> open(Connection db, Instant portalNow) throws SQLException {
    long owner = demoOwner(db);
    List<Long> facilities = new ArrayList<>();
    try (PreparedStatement q =
        db.prepareStatement(
            "select f.id from facility f where f.owner_id = ? and f.status = 'ACTIVE'"
                + " and exists (select 1 from facility_type_coverage c"
                + " where c.type_code = f.type_code and c.covered_from <= ?"
                + " and (c.covered_until is null or c.covered_until > ?)) order by f.id")) {
      Timestamp now = Timestamp.from(portalNow);
      q.setLong(1, owner);
      q.setTimestamp(2, now);
      q.setTimestamp(3, now);
      ResultSet rs = q.executeQuery();
      while (rs.next()) {
        facilities.add(rs.getLong(1));
      }
    }
    if (facilities.isEmpty()) {
      throw new IllegalStateException(
          "the demo owner has no active facility the pass covers at " + portalNow);
    }
    return keys(db, owner, facilities, portalNow);
  }

  /** A device key made for the benchmark for each of the owner's facilities, in that order. */
  public static List<Door> keys(Connection db, long owner, List<Long> facilities, Instant portalNow)
      throws SQLException {
    List<Door> doors = new ArrayList<>();
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into device_key (facility_id, label, prefix, secret_hash, created_at,"
                + " created_by) values (?, ?, ?, ?, ?, ?)")) {
      for (long facility : facilities) {
        DeviceKey.Issued issued = DeviceKey.issue(facility, "benchmark", owner, portalNow);
        insert.setLong(1, facility);
        insert.setString(2, issued.key().getLabel());
        insert.setString(3, issued.key().getPrefix());
        insert.setString(4, issued.key().getSecretHash());
        insert.setTimestamp(5, Timestamp.from(portalNow));
        insert.setLong(6, owner);
        insert.executeUpdate();
        doors.add(new Door(facility, issued.secret()));
      }
    }
    return doors;
  }

  /**
   * How far the portal's clock is from this machine's: the {@code checkedAt} of a refused check-in
   * (a token that is not one), taken at the midpoint of the fastest of a few round trips.
   */
  public static Duration clockOffset(String host, int port, Door door) throws IOException {
    byte[] request =
        HttpConnection.post(
            host, port, door.path(), door.authorization(), "{\"token\":\"clock-probe\"}");
    Duration best = null;
    long bestRoundTrip = Long.MAX_VALUE;
    try (HttpConnection connection = new HttpConnection(host, port, 10_000)) {
      for (int i = 0; i < 7; i++) {
        long sentMillis = System.currentTimeMillis();
        long sent = System.nanoTime();
        HttpConnection.Answer answer = connection.send(request, 400, true);
        long roundTrip = System.nanoTime() - sent;
        Matcher m = CHECKED_AT.matcher(answer.body() == null ? "" : answer.body());
        if (!m.find()) {
          throw new IllegalStateException(
              "no checkedAt in the answer (" + answer.status() + "): " + answer.body());
        }
        if (roundTrip < bestRoundTrip) {
          bestRoundTrip = roundTrip;
          Instant local = Instant.ofEpochMilli(sentMillis + roundTrip / 2_000_000);
          best = Duration.between(local, Instant.parse(m.group(1)));
        }
      }
    }
    return best;
  }
}
