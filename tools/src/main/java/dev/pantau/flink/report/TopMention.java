package dev.pantau.flink.report;

import java.time.Instant;

/** An enriched mention (SPEC §6) as the report's top lists show it. */
public record TopMention(
    String source,
    String id,
    String author,
    String text,
    String url,
    Instant createdAt,
    long reach,
    long engagement) {}
