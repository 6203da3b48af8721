package dev.pantau.flink.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A target's progress (SPEC §4d): the target of a brand, metric and period against its actual, as
 * of {@code asOf}; {@code pace} and {@code projected} are null at a period's first instant.
 */
public record TargetRow(
    String brand,
    String metric,
    String period,
    Instant start,
    Instant end,
    Instant asOf,
    double target,
    long actual,
    double expectedByNow,
    Double pace,
    Double projected,
    String status,
    int revision) {

  /** The upsert key: brand, metric, period and start. */
  String key() {
    return brand + '|' + metric + '|' + period + '|' + start;
  }

  static TargetRow parse(JsonNode o) {
    Instant end = Json.instant(Json.required(o, "end"));
    return new TargetRow(
        Json.required(o, "brand").asText(),
        Json.required(o, "metric").asText(),
        Json.required(o, "period").asText(),
        Json.instant(Json.required(o, "start")),
        end,
        o.hasNonNull("as_of") ? Json.instant(o.get("as_of")) : end,
        Json.required(o, "target").asDouble(),
        Json.required(o, "actual").asLong(),
        o.path("expected_by_now").asDouble(),
        o.hasNonNull("pace") ? o.get("pace").asDouble() : null,
        o.hasNonNull("projected") ? o.get("projected").asDouble() : null,
        Json.text(o, "status"),
        o.path("revision").asInt(1));
  }
}
