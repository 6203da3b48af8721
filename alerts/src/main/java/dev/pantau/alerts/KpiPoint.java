package dev.pantau.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One KPI record (SPEC §4) as a detector sees it: the metrics are flattened to dotted names such as
 * {@code mentions}, {@code engagement.total}, {@code sentiment.net} or {@code share_of_voice}.
 *
 * @param brand     brand id
 * @param brandName display name for messages (the id when null)
 * @param window    window label, e.g. {@code 5m}
 * @param start     window start (inclusive)
 * @param end       window end (exclusive), after {@code start}
 * @param source    source of the record, {@code *} for all sources together
 * @param metrics   flattened metric values; a metric absent here is treated as not reported
 */
public record KpiPoint(String brand, String brandName, String window, Instant start, Instant end,
                       String source, Map<String, Double> metrics) {

  public KpiPoint {
    Objects.requireNonNull(brand, "brand");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("end " + end + " is not after start " + start);
    }
    brandName = brandName == null || brandName.isBlank() ? brand : brandName;
    source = source == null ? "*" : source;
    metrics = Map.copyOf(Objects.requireNonNull(metrics, "metrics"));
  }

  /** The window's length. */
  public Duration length() {
    return Duration.between(start, end);
  }

  /**
   * Reads a KPI record as the job writes it (SPEC §4): numeric fields become metrics, nested objects
   * dotted ones ({@code engagement.total}, {@code sentiment.net}, {@code topics.purchase-intent}).
   *
   * @param brandName display name for messages, or null for the id
   */
  public static KpiPoint fromJson(com.fasterxml.jackson.databind.JsonNode record, String brandName) {
    Map<String, Double> metrics = new java.util.HashMap<>();
    flatten("", record, metrics);
    metrics.remove("revision"); // bookkeeping, not a KPI
    String brand = text(record, "brand");
    String window = text(record, "window");
    try {
      return new KpiPoint(brand, brandName, window, Instant.parse(text(record, "start")),
          Instant.parse(text(record, "end")), record.path("source").asText("*"), metrics);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("KPI record has an unreadable start or end: " + e.getParsedString(), e);
    }
  }

  private static String text(com.fasterxml.jackson.databind.JsonNode n, String field) {
    com.fasterxml.jackson.databind.JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("KPI record lacks '" + field + "'");
    }
    return v.asText();
  }

  private static void flatten(String prefix, com.fasterxml.jackson.databind.JsonNode n, Map<String, Double> out) {
    for (java.util.Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e = it.next();
      if (e.getValue().isNumber()) {
        out.put(prefix + e.getKey(), e.getValue().asDouble());
      } else if (e.getValue().isObject()) {
        flatten(prefix + e.getKey() + ".", e.getValue(), out);
      }
    }
  }

  /** The value of a metric, or {@code null} when the record does not carry it. */
  public Double metric(String name) {
    return metrics.get(name);
  }
}
