package dev.pantau.flink.report;

import java.time.Instant;
import java.util.List;

/** An alert of SPEC §5 as a report shows it: its latest status. */
public record AlertRow(
    String id,
    String status,
    String rule,
    String type,
    String brand,
    String severity,
    String metric,
    String window,
    Instant start,
    Double observed,
    Double expected,
    Double score,
    String message,
    List<String> topTerms) {}
