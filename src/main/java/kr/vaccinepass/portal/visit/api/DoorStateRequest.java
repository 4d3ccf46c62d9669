package kr.vaccinepass.portal.visit.api;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import kr.vaccinepass.portal.visit.domain.DoorMode;
import kr.vaccinepass.portal.visit.domain.DoorReport;

/**
 * The body of {@code PUT /api/v1/door/state}: {@code {"mode", "queued", "oldestQueuedAt",
 * "snapshotIssuedAt", "clockOffsetMs"}} (docs/door.md, "Door state"). Strict on the fields it knows
 * (400 MALFORMED naming the field); fields it does not know are ignored, so that a newer door app
 * still reports to an older portal.
 */
final class DoorStateRequest {
  private DoorStateRequest() {}

  static DoorReport parse(byte[] body) {
    if (body == null || body.length == 0) {
      throw new CheckinRequest.Malformed("a JSON body with mode and queued is required");
    }
    JsonObject json;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
      json = reader.readObject();
    } catch (RuntimeException | StackOverflowError e) {
      throw new CheckinRequest.Malformed("the body is not a JSON object");
    }
    return new DoorReport(
        mode(json.get("mode")),
        queued(json.get("queued")),
        instant(json, "oldestQueuedAt"),
        instant(json, "snapshotIssuedAt"),
        offset(json.get("clockOffsetMs")));
  }

  private static DoorMode mode(JsonValue value) {
    if (value instanceof JsonString s) {
      for (DoorMode m : DoorMode.values()) {
        if (m.name().equals(s.getString())) {
          return m;
        }
      }
    }
    throw new CheckinRequest.Malformed("mode is one of ONLINE, DEGRADED, OFFLINE, DOOR_FIRST");
  }

  private static int queued(JsonValue value) {
    if (value instanceof JsonNumber n && n.isIntegral()) {
      try {
        int queued = n.intValueExact();
        if (queued >= 0) {
          return queued;
        }
      } catch (ArithmeticException e) {
        // beyond an int: malformed below
      }
    }
    throw new CheckinRequest.Malformed("queued is a whole number, 0 or more");
  }

  private static Instant instant(JsonObject json, String field) {
    JsonValue value = json.get(field);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (value instanceof JsonString s && s.getString().length() <= 40) {
      try {
        return OffsetDateTime.parse(s.getString()).toInstant();
      } catch (DateTimeParseException e) {
        // malformed below
      }
    }
    throw new CheckinRequest.Malformed(
        field + " is null or an ISO-8601 instant, e.g. 2021-12-13T02:45:00Z");
  }

  private static Long offset(JsonValue value) {
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (value instanceof JsonNumber n && n.isIntegral()) {
      try {
        return n.longValueExact();
      } catch (ArithmeticException e) {
        // beyond a long: malformed below
      }
    }
    throw new CheckinRequest.Malformed("clockOffsetMs is null or a whole number of milliseconds");
  }
}
