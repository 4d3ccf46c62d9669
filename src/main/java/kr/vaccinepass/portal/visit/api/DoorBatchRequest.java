package kr.vaccinepass.portal.visit.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kr.vaccinepass.portal.pass.domain.DiningParty;
import kr.vaccinepass.portal.pass.domain.PassReason;
import kr.vaccinepass.portal.shared.domain.TextRules;
import kr.vaccinepass.portal.visit.application.DoorSyncService;
import kr.vaccinepass.portal.visit.domain.CheckinCode;

/**
 * The body of {@code POST /api/v1/facilities/{id}/door-visits}: {@code {"records": [...]}}, each
 * record {@code {id, token, at, outcome, reason?, party?}} (docs/door.md, "Sync"). Strict: a record
 * that is not one fails the whole request (400 MALFORMED naming the record's position), so that a
 * door with a bug learns of it at once instead of losing records one by one.
 */
record DoorBatchRequest(List<DoorSyncService.Sent> records) {
  /** The door's record id: letters, digits and {@code . _ : -}, 1 to 64 (a UUID fits). */
  private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  /** The batch holds more records than {@link DoorSyncService#MAX_RECORDS}. */
  static final class TooLarge extends RuntimeException {
    TooLarge() {
      super("at most " + DoorSyncService.MAX_RECORDS + " records in one batch", null, false, false);
    }
  }

  static DoorBatchRequest parse(byte[] body) {
    if (body == null || body.length == 0) {
      throw new CheckinRequest.Malformed("a JSON body with records is required");
    }
    JsonObject json;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
      json = reader.readObject();
    } catch (RuntimeException | StackOverflowError e) {
      throw new CheckinRequest.Malformed("the body is not a JSON object");
    }
    if (!(json.get("records") instanceof JsonArray array)) {
      throw new CheckinRequest.Malformed("records is an array");
    }
    if (array.size() > DoorSyncService.MAX_RECORDS) {
      throw new TooLarge();
    }
    List<DoorSyncService.Sent> records = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof JsonObject record)) {
        throw malformed(i, "a record is an object");
      }
      records.add(record(i, record));
    }
    return new DoorBatchRequest(List.copyOf(records));
  }

  private static DoorSyncService.Sent record(int i, JsonObject r) {
    String id = text(r, "id", 64);
    if (id == null || !RECORD_ID.matcher(id).matches()) {
      throw malformed(i, "id is 1 to 64 letters, digits or . _ : -");
    }
    String token = text(r, "token", CheckinRequest.MAX_TOKEN);
    if (token == null || token.isBlank()) {
      throw malformed(i, "token is the scanned text, 1 to 2048 characters");
    }
    Instant at = instant(i, text(r, "at", 40));
    CheckinCode outcome = named(i, CheckinCode.class, text(r, "outcome", 30), "outcome", true);
    PassReason reason = named(i, PassReason.class, text(r, "reason", 30), "reason", false);
    if (outcome.admitted() && (reason == null || !reason.outcome().name().equals(outcome.name()))) {
      throw malformed(i, "an admitting outcome carries its reason (VACCINATED with PASS, ...)");
    }
    DiningParty party = named(i, DiningParty.class, text(r, "party", 30), "party", false);
    return new DoorSyncService.Sent(
        id, token.strip(), party == null ? DiningParty.NONE : party, outcome, reason, at);
  }

  /** A text field, null when absent or null; anything else but clean text is malformed. */
  private static String text(JsonObject r, String name, int max) {
    JsonValue value = r.get(name);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (value instanceof JsonString s && TextRules.isCleanText(s.getString(), max)) {
      return s.getString();
    }
    throw new CheckinRequest.Malformed(name + " is a text of at most " + max + " characters");
  }

  private static Instant instant(int i, String text) {
    if (text == null) {
      throw malformed(i, "at is required: when the door answered, ISO-8601 with an offset");
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw malformed(i, "at is ISO-8601 with an offset, e.g. 2021-12-13T02:45:00Z");
    }
  }

  private static <E extends Enum<E>> E named(
      int i, Class<E> type, String text, String field, boolean required) {
    if (text == null) {
      if (required) {
        throw malformed(i, field + " is required");
      }
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(text)) {
        return e;
      }
    }
    throw malformed(i, field + " is not one of the documented values");
  }

  private static CheckinRequest.Malformed malformed(int i, String why) {
    return new CheckinRequest.Malformed("records[" + i + "]: " + why);
  }
}
