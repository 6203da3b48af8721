package dev.pantau.flink.report;

import java.time.Instant;
import java.util.List;

/**
 * An enriched mention (SPEC §6) as the report's top lists and copy bursts show it; {@code copyOf}
 * is null unless it is a copy.
 */
public record TopMention(
    String source,
    String id,
    String author,
    String text,
    String url,
    Instant createdAt,
    long reach,
    long engagement,
    List<String> brands,
    String copyOf) {}
