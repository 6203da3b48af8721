package dev.pantau.flink.report;

import java.time.Instant;
import java.util.Map;

/**
 * One KPI record of SPEC §4 as a report sees it: its key, its revision, its scalar KPIs by registry
 * name ({@code engagement.total}; absent when the record does not carry it) and its topic counts.
 */
public record KpiRow(
    String brand,
    String group,
    String window,
    String source,
    Instant start,
    int revision,
    Map<String, Number> values,
    Map<String, Long> topics) {

  /** The upsert key of SPEC §4. */
  String key() {
    return brand + '|' + window + '|' + start + '|' + source;
  }

  /** The value of a scalar KPI, or null when the record does not carry it. */
  public Number value(String metric) {
    return values.get(metric);
  }
}
