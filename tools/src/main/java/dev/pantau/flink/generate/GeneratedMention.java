package dev.pantau.flink.generate;

import java.time.Instant;
import java.util.Objects;

/**
 * One record of a {@link MentionGenerator}: the JSON line and when it happened.
 *
 * @param json the record as it goes to Kafka or a JSONL line (SPEC §1; malformed when {@code kind}
 *     is {@link Kind#MALFORMED})
 * @param key the Kafka key, {@code source:id} ({@code null} for malformed records)
 * @param createdAt the record's event time ({@code created_at})
 * @param arrival when the record reaches the pipeline; never before {@code createdAt}, and
 *     non-decreasing along the stream: pace publishing on it
 * @param kind what the record is, for tests and statistics
 */
public record GeneratedMention(
    String json, String key, Instant createdAt, Instant arrival, Kind kind) {

  /** What a generated record is. */
  public enum Kind {
    /** A post about one or more brands. */
    BRAND,
    /** A post of the spike (Telkomsel's outage). */
    SPIKE,
    /** A post by an employee about their brand. */
    EMPLOYEE,
    /** A post that names no brand, or one the default keyword sets exclude. */
    CHATTER,
    /** A plain repost of a recent post ({@code is_repost}, {@code parent_id}). */
    REPOST,
    /** The same (source, id) as an earlier record, with grown metrics. */
    RECRAWL,
    /** Not a valid mention: dead-letter material. */
    MALFORMED
  }

  public GeneratedMention {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(arrival, "arrival");
    Objects.requireNonNull(kind, "kind");
  }
}
