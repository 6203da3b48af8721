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
    return v.isNumber() ? Instant.ofEpochMilli(v.asLong()) : instant(v.asText());
  }

  /**
   * An ISO-8601 time with an offset. The UTC form the outputs use ({@code 2026-11-22T10:15:00Z},
   * with or without a fraction) is read by hand: java.time's general parser took most of a month's
   * report (a million mentions, a million KPI records).
   */
  static Instant instant(String s) {
    int n = s.length();
    if (n >= 20
        && s.charAt(n - 1) == 'Z'
        && s.charAt(4) == '-'
        && s.charAt(7) == '-'
        && s.charAt(10) == 'T'
        && s.charAt(13) == ':'
        && s.charAt(16) == ':') {
      int nanos = 0;
      boolean ok = n == 20;
      if (n > 21 && n <= 30 && s.charAt(19) == '.') {
        ok = true;
        for (int i = 20; i < n - 1; i++) {
          char c = s.charAt(i);
          if (c < '0' || c > '9') {
            ok = false;
            break;
          }
          nanos = nanos * 10 + (c - '0');
        }
        for (int i = n - 1; i < 29; i++) {
          nanos *= 10;
        }
      }
      if (ok) {
        try {
          long seconds =
              java.time.LocalDateTime.of(
                      digits(s, 0, 4),
                      digits(s, 5, 7),
                      digits(s, 8, 10),
                      digits(s, 11, 13),
                      digits(s, 14, 16),
                      digits(s, 17, 19))
                  .toEpochSecond(java.time.ZoneOffset.UTC);
          return Instant.ofEpochSecond(seconds, nanos);
        } catch (RuntimeException e) {
          // not a valid date after all: the general parser says why
        }
      }
    }
    return OffsetDateTime.parse(s).toInstant();
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new NumberFormatException(s);
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
