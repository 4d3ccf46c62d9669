package kr.vaccinepass.portal.visit.application;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import kr.vaccinepass.portal.shared.domain.TextRules;

/**
 * The body of a 안심콜 call report, read strictly: a JSON object whose {@code callId} (1–80), {@code
 * calledNumber} (1–20), {@code callerNumber} (1–20) and {@code calledAt} (ISO-8601 with an offset,
 * 1–40) are strings without control characters. A pure function of the bytes; what it refuses is
 * MALFORMED, and nothing else is ever thrown (docs/checkin.md, section 7).
 */
public record CallReport(
    String callId, String calledNumber, String callerNumber, Instant calledAt) {
  static final int MAX_CALL_ID = 80;
  static final int MAX_NUMBER = 20;
  static final int MAX_TIME = 40;

  /** Reads a report; {@link CallWebhookService.Refused} MALFORMED (400) when it is not one. */
  public static CallReport parse(byte[] body) {
    JsonObject call;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
      call = reader.readObject();
    } catch (RuntimeException | StackOverflowError e) {
      throw malformed();
    }
    String callId = text(call, "callId", MAX_CALL_ID);
    String called = text(call, "calledNumber", MAX_NUMBER);
    String caller = text(call, "callerNumber", MAX_NUMBER);
    Instant at;
    try {
      at = OffsetDateTime.parse(text(call, "calledAt", MAX_TIME)).toInstant();
    } catch (RuntimeException e) {
      throw malformed();
    }
    return new CallReport(callId, called, caller, at);
  }

  private static String text(JsonObject json, String name, int max) {
    if (json.get(name) instanceof JsonString s
        && !s.getString().isBlank()
        && TextRules.isCleanText(s.getString(), max)) {
      return s.getString();
    }
    throw malformed();
  }

  private static CallWebhookService.Refused malformed() {
    return new CallWebhookService.Refused("MALFORMED", 400);
  }
}
