package dev.pantau.flink.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * SPEC §1, written out independently of the job's decoder, to check what the generator writes:
 * returns null for a valid mention, else the first rule it breaks.
 */
final class MentionValidator {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> METRICS =
      Set.of("likes", "comments", "shares", "views", "quotes", "bookmarks");

  private MentionValidator() {}

  static String violation(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (Exception e) {
      return "not JSON";
    }
    if (node == null || !node.isObject()) {
      return "not an object";
    }
    JsonNode id = node.get("id");
    if (id == null || !id.isTextual() || id.asText().isEmpty() || id.asText().length() > 256) {
      return "id";
    }
    JsonNode text = node.get("text");
    if (text == null || !text.isTextual()) {
      return "text";
    }
    if (text.asText().isEmpty() && !node.path("title").isTextual()) {
      return "empty text without title";
    }
    if (createdAt(node) == null) {
      return "created_at";
    }
    if (node.has("source") && !node.get("source").asText().matches("[a-z]+")) {
      return "source";
    }
    for (String field : new String[] {"title", "url", "parent_id"}) {
      if (node.has(field) && !node.get(field).isTextual()) {
        return field;
      }
    }
    if (node.has("url")) {
      try {
        URI uri = URI.create(node.get("url").asText());
        if (uri.getHost() == null) {
          return "url host";
        }
      } catch (IllegalArgumentException e) {
        return "url";
      }
    }
    if (node.has("lang") && !node.get("lang").asText().matches("[a-z]{2}")) {
      return "lang";
    }
    if (node.has("country") && !node.get("country").asText().matches("[A-Z]{2}")) {
      return "country";
    }
    if (node.has("author")) {
      JsonNode a = node.get("author");
      if (!a.isObject()) {
        return "author";
      }
      for (String field : new String[] {"id", "handle", "name"}) {
        if (a.has(field) && !a.get(field).isTextual()) {
          return "author." + field;
        }
      }
      if (a.has("followers")
          && !(a.get("followers").isIntegralNumber() && a.get("followers").asLong() >= 0)) {
        return "author.followers";
      }
      if (a.has("employee") && !a.get("employee").isBoolean()) {
        return "author.employee";
      }
    }
    if (node.has("metrics")) {
      JsonNode m = node.get("metrics");
      if (!m.isObject()) {
        return "metrics";
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (METRICS.contains(e.getKey())
            && !(e.getValue().isIntegralNumber() && e.getValue().asLong() >= 0)) {
          return "metrics." + e.getKey();
        }
      }
    }
    if (node.has("reach")
        && !(node.get("reach").isIntegralNumber() && node.get("reach").asLong() >= 0)) {
      return "reach";
    }
    if (node.has("is_repost") && !node.get("is_repost").isBoolean()) {
      return "is_repost";
    }
    return null;
  }

  /** The event time, or null when created_at is missing or unparseable. */
  static Instant createdAt(JsonNode node) {
    JsonNode c = node.get("created_at");
    if (c == null) {
      return null;
    }
    if (c.isIntegralNumber()) {
      return Instant.ofEpochMilli(c.asLong());
    }
    if (!c.isTextual()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(c.asText()).toInstant();
    } catch (Exception e) {
      return null;
    }
  }

  static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new IllegalArgumentException(line, e);
    }
  }
}
