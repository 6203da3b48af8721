package dev.pantau.flink.report;

import java.time.Instant;
import java.util.Map;

/**
 * One KPI record of SPEC §4 as a report sees it: its key, its revision, its scalar KPIs by registry
 * name ({@code engagement.total}; absent when the record does not carry it) and its topic counts.
 * Values are held as doubles, NaN for absent: every KPI count is far below 2^53, so a count
 * survives exactly.
 */
public record KpiRow(
    String brand,
    String group,
    String window,
    String source,
    Instant start,
    int revision,
    KpiLayout layout,
    double[] values,
    Map<String, Long> topics) {

  /** The value of a scalar KPI, or null when the record does not carry it. */
  public Number value(String metric) {
    int i = layout.index(metric);
    return i < 0 ? null : value(i);
  }

  /** The value at a layout position: a Long for a count, a Double for a ratio, or null. */
  Number value(int i) {
    double v = values[i];
    if (Double.isNaN(v)) {
      return null;
    }
    return layout.ratio(i) ? (Number) v : (Number) (long) v;
  }
}
