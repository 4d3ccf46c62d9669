package kr.vaccinepass.portal.visit.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import kr.vaccinepass.portal.shared.domain.TextRules;
import kr.vaccinepass.portal.visit.application.CallReport;
import kr.vaccinepass.portal.visit.application.CallReportReader;
import kr.vaccinepass.portal.visit.application.CallWebhookService;

/**
 * Reads a 안심콜 call report strictly with JSON-P: a JSON object whose {@code callId} (1–80), {@code
 * calledNumber} (1–20), {@code callerNumber} (1–20) and {@code calledAt} (ISO-8601 with an offset,
 * 1–40) are strings without control characters. A pure function of the bytes; what it refuses is
 * MALFORMED, and nothing else is ever thrown (docs/checkin.md, section 7).
 */
@ApplicationScoped
public class JsonCallReportReader implements CallReportReader {
  /** Reads a report; {@link CallWebhookService.Refused} MALFORMED (400) when it is not one. */
  @Override
  public CallReport read(byte[] body) {
    JsonObject call;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
      call = reader.readObject();
    } catch (RuntimeException | StackOverflowError e) {
      throw malformed();
    }
    String callId = text(call, "callId", CallReport.MAX_CALL_ID);
    String called = text(call, "calledNumber", CallReport.MAX_NUMBER);
    String caller = text(call, "callerNumber", CallReport.MAX_NUMBER);
    Instant at;
    try {
      at = OffsetDateTime.parse(text(call, "calledAt", CallReport.MAX_TIME)).toInstant();
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
