package kr.vaccinepass.portal.shared.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.Map;

/** A one-series Chart.js bar chart as the JSON that {@code p:chart} takes, counts from zero. */
public final class BarChart {
  private BarChart() {}

  /** The bars in the map's order: label → value. */
  public static String of(String series, String color, Map<String, Long> bars) {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder data = Json.createArrayBuilder();
    bars.forEach(
        (label, value) -> {
          labels.add(label);
          data.add(value);
        });
    return Json.createObjectBuilder()
        .add("type", "bar")
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", labels)
                .add(
                    "datasets",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("label", series)
                                .add("backgroundColor", color)
                                .add("data", data))))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add(
                    "scales",
                    Json.createObjectBuilder()
                        .add(
                            "y",
                            Json.createObjectBuilder()
                                .add("beginAtZero", true)
                                .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
        .build()
        .toString();
  }
}
