package kr.vaccinepass.portal.pass.domain;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kr.vaccinepass.portal.facility.domain.CoveragePeriod;
import kr.vaccinepass.portal.facility.domain.FacilityType;
import kr.vaccinepass.portal.shared.domain.Kst;

/**
 * The shared cases of the pass rules ({@code src/test/resources/pass-rules-cases.json}): the one
 * file that both engines, {@link PassRules} and the door app's {@code pass-rules.js}, must pass.
 */
public final class PassRuleCases {
  public static final String RESOURCE = "/pass-rules-cases.json";

  /** One case: the raw JSON (as the script test hands it to the browser) and its meaning. */
  public record Case(
      int index,
      JsonObject json,
      FacilityType type,
      Instant at,
      PassFacts facts,
      DiningParty party,
      PassOutcome outcome,
      PassReason reason,
      String note) {
    @Override
    public String toString() {
      return json.getString("rule")
          + " "
          + type.getCode()
          + " at "
          + json.getString("at")
          + " "
          + json.getJsonObject("facts")
          + " party "
          + party
          + " → "
          + reason
          + (note.isEmpty() ? "" : " (" + note + ")");
    }
  }

  private PassRuleCases() {}

  /** Every case of the file, in its order. */
  public static List<Case> all() {
    JsonObject doc = document();
    Map<String, FacilityType> types = new TreeMap<>();
    doc.getJsonObject("types").forEach((code, t) -> types.put(code, type(code, t.asJsonObject())));
    List<Case> cases = new ArrayList<>();
    for (JsonValue v : doc.getJsonArray("cases")) {
      JsonObject c = v.asJsonObject();
      JsonObject f = c.getJsonObject("facts");
      PassFacts facts =
          new PassFacts(
              date(f, "finalDoseDate"),
              date(f, "boosterDate"),
              f.containsKey("pcrNoticeAt") ? kst(f.getString("pcrNoticeAt")) : null,
              f.containsKey("exemption") ? ExemptionKind.valueOf(f.getString("exemption")) : null,
              date(f, "exemptionUntil"),
              f.containsKey("birthYear") ? f.getInt("birthYear") : null);
      FacilityType type = types.get(c.getString("type"));
      if (type == null) {
        throw new IllegalStateException("a case names an unknown type: " + c);
      }
      cases.add(
          new Case(
              cases.size(),
              c,
              type,
              kst(c.getString("at")),
              facts,
              c.isNull("party") ? null : DiningParty.valueOf(c.getString("party")),
              PassOutcome.valueOf(c.getString("outcome")),
              PassReason.valueOf(c.getString("reason")),
              c.getString("note", "")));
    }
    return cases;
  }

  /** A Korean local date-time of the file as an instant. */
  public static Instant kst(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(Kst.ZONE).toInstant();
  }

  private static JsonObject document() {
    try (InputStream in = PassRuleCases.class.getResourceAsStream(RESOURCE);
        JsonReader reader = Json.createReader(in)) {
      return reader.readObject();
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FacilityType type(String code, JsonObject t) {
    List<CoveragePeriod> coverage = new ArrayList<>();
    for (JsonValue p : t.getJsonArray("coverage")) {
      JsonObject period = p.asJsonObject();
      coverage.add(
          new CoveragePeriod(
              kst(period.getString("from")),
              period.isNull("until") ? null : kst(period.getString("until")),
              "test"));
    }
    return new FacilityType(code, code, code, null, coverage);
  }

  private static LocalDate date(JsonObject facts, String name) {
    return facts.containsKey(name) ? LocalDate.parse(facts.getString(name)) : null;
  }
}
