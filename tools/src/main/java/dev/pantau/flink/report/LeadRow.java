package dev.pantau.flink.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A social lead of SPEC §4b as a report lists it. */
public record LeadRow(
    String source,
    String id,
    String brand,
    List<String> topics,
    String author,
    Long followers,
    String text,
    String url,
    Instant createdAt,
    String lang,
    String sentiment) {

  /** The upsert key of SPEC §8: source, id and brand. */
  String key() {
    return source + '|' + id + '|' + brand;
  }

  static LeadRow parse(JsonNode o) {
    List<String> topics = new ArrayList<>();
    o.path("topics").forEach(t -> topics.add(t.asText()));
    JsonNode author = o.path("author");
    return new LeadRow(
        o.path("source").asText("web"),
        Json.required(o, "id").asText(),
        Json.required(o, "brand").asText(),
        List.copyOf(topics),
        author.path("handle").asText(""),
        author.hasNonNull("followers") ? author.get("followers").asLong() : null,
        o.path("text").asText(""),
        o.path("url").asText(""),
        Json.instant(Json.required(o, "created_at")),
        Json.text(o, "lang"),
        Json.text(o, "sentiment"));
  }
}
