package dev.pantau.flink.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Field reads shared by the record parsers. */
final class Json {
  private Json() {}

  static JsonNode required(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("no " + field);
    }
    return v;
  }

  static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  /** A time as SPEC writes it: ISO-8601 with an offset, or epoch milliseconds. */
  static Instant instant(JsonNode v) {
    return v.isNumber()
        ? Instant.ofEpochMilli(v.asLong())
        : OffsetDateTime.parse(v.asText()).toInstant();
  }
}
