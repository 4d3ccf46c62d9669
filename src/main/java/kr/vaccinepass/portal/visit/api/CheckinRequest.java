package kr.vaccinepass.portal.visit.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import kr.vaccinepass.portal.pass.domain.DiningParty;
import kr.vaccinepass.portal.shared.domain.TextRules;

/**
 * The body of a check-in: the scanned token, and at a restaurant or café the dining party ({@code
 * ALONE}, {@code GROUP_ONE_UNVACCINATED}); omitted means NONE. Read by {@link #parse} only after
 * the device key was checked, from at most the API's body cap (docs/checkin.md, section 6).
 */
public record CheckinRequest(String token, DiningParty party) {
  /** The longest token text (the QR's limit, docs/checkin.md section 1). */
  public static final int MAX_TOKEN = 2048;

  /** The body is not a check-in: 400 MALFORMED with this detail. */
  public static final class Malformed extends RuntimeException {
    public Malformed(String detail) {
      super(detail, null, false, false);
    }
  }

  /**
   * Reads a check-in body: a JSON object with a {@code token} string (1–2,048 characters, no
   * control character) and an optional {@code party} (NONE, ALONE, GROUP_ONE_UNVACCINATED). Throws
   * nothing but {@link Malformed}.
   */
  public static CheckinRequest parse(byte[] body) {
    if (body == null || body.length == 0) {
      throw new Malformed("a JSON body with a token is required");
    }
    JsonObject json;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
      json = reader.readObject();
    } catch (RuntimeException | StackOverflowError e) {
      throw new Malformed("the body is not a JSON object");
    }
    JsonValue token = json.get("token");
    if (!(token instanceof JsonString t)
        || t.getString().isEmpty()
        || !TextRules.isCleanText(t.getString(), MAX_TOKEN)) {
      throw new Malformed("a token is required: 1 to 2048 characters, no control characters");
    }
    JsonValue party = json.get("party");
    DiningParty dining;
    if (party == null || party == JsonValue.NULL) {
      dining = DiningParty.NONE;
    } else if (party instanceof JsonString p && known(p.getString())) {
      dining = DiningParty.valueOf(p.getString());
    } else {
      throw new Malformed("party is NONE, ALONE or GROUP_ONE_UNVACCINATED");
    }
    return new CheckinRequest(t.getString(), dining);
  }

  private static boolean known(String party) {
    for (DiningParty p : DiningParty.values()) {
      if (p.name().equals(party)) {
        return true;
      }
    }
    return false;
  }
}
