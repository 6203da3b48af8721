package dev.pantau.flink.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One line of the employee advocacy leaderboard (SPEC §4c). */
public record LeaderRow(
    String brand,
    String period,
    Instant start,
    Instant end,
    String employee,
    long posts,
    long originalPosts,
    long copies,
    long reach,
    long likes,
    long comments,
    long shares,
    long engagement,
    double points,
    int rank,
    int revision) {

  /** The upsert key of SPEC §8: brand, period, start and employee. */
  String key() {
    return brand + '|' + period + '|' + start + '|' + employee;
  }

  static LeaderRow parse(JsonNode o) {
    JsonNode e = o.path("engagement");
    return new LeaderRow(
        Json.required(o, "brand").asText(),
        Json.required(o, "period").asText(),
        Json.instant(Json.required(o, "start")),
        Json.instant(Json.required(o, "end")),
        Json.required(o, "employee").asText(),
        o.path("posts").asLong(),
        o.path("original_posts").asLong(),
        o.path("copies").asLong(),
        o.path("reach").asLong(),
        e.path("likes").asLong(),
        e.path("comments").asLong(),
        e.path("shares").asLong(),
        e.path("total").asLong(),
        o.path("points").asDouble(),
        o.path("rank").asInt(),
        o.path("revision").asInt(1));
  }
}
