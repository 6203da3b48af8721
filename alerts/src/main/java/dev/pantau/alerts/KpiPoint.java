package dev.pantau.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One KPI record (SPEC §4) as a detector sees it: the metrics are flattened to dotted names such as
 * {@code mentions}, {@code engagement.total}, {@code sentiment.net} or {@code share_of_voice}.
 *
 * @param brand brand id
 * @param brandName display name for messages (the id when null)
 * @param window window label, e.g. {@code 5m}
 * @param start window start (inclusive)
 * @param end window end (exclusive), after {@code start}
 * @param source source of the record, {@code *} for all sources together
 * @param metrics flattened metric values; a metric absent here is treated as not reported
 */
public record KpiPoint(
    String brand,
    String brandName,
    String window,
    Instant start,
    Instant end,
    String source,
    Map<String, Double> metrics) {

  public KpiPoint {
    Objects.requireNonNull(brand, "brand");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("end " + end + " is not after start " + start);
    }
    brandName = brandName == null || brandName.isBlank() ? brand : brandName;
    source = source == null ? KpiMetrics.ALL_SOURCES : source;
    metrics = Map.copyOf(Objects.requireNonNull(metrics, "metrics"));
  }

  /** The window's length. */
  public Duration length() {
    return Duration.between(start, end);
  }

  /** The value of a metric, or {@code null} when the record does not carry it. */
  public Double metric(String name) {
    return metrics.get(name);
  }
}
