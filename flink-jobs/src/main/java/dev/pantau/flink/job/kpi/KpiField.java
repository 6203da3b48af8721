package dev.pantau.flink.job.kpi;

import dev.pantau.alerts.KpiMetric;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * One KPI field bound to the job: its name and kind ({@link KpiMetric}) and how its value is read
 * from a {@link KpiRecord}. A ratio that can be recomputed from additive counts also says which, so
 * a window made of minutes divides the minutes' summed counts instead of averaging their ratios.
 */
public final class KpiField implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Reads a value from a record; null when the record does not carry it. */
  @FunctionalInterface
  public interface Read<T> extends Serializable {
    T of(KpiRecord r);
  }

  private final KpiMetric metric;
  private final Read<? extends Number> value;
  private final Read<Map<String, Long>> family;
  private final Read<Long> numerator;
  private final Read<Long> denominator;
  private final long scale;

  private KpiField(
      KpiMetric metric,
      Read<? extends Number> value,
      Read<Map<String, Long>> family,
      Read<Long> numerator,
      Read<Long> denominator,
      long scale) {
    this.metric = Objects.requireNonNull(metric, "metric");
    this.value = value;
    this.family = family;
    this.numerator = numerator;
    this.denominator = denominator;
    this.scale = scale;
  }

  /** An additive or distinct count. */
  public static KpiField count(KpiMetric metric, Read<Long> read) {
    if (metric.ratio() || metric.family()) {
      throw new IllegalArgumentException(metric.name() + " is not a count");
    }
    return new KpiField(metric, read, null, null, null, 1);
  }

  /**
   * A ratio known only for a whole window (share of voice needs the other brands'): never summed.
   */
  public static KpiField ratio(KpiMetric metric, Read<Double> read) {
    return ratio(metric, read, null, null, 1);
  }

  /**
   * A ratio that is {@code numerator / scale / denominator} of additive counts: the division of
   * fixed-point sums, so a ratio over any grouping of minutes comes out the same.
   */
  public static KpiField ratio(
      KpiMetric metric,
      Read<Double> read,
      Read<Long> numerator,
      Read<Long> denominator,
      long scale) {
    if (!metric.ratio()) {
      throw new IllegalArgumentException(metric.name() + " is not a ratio");
    }
    return new KpiField(metric, read, null, numerator, denominator, scale);
  }

  /** Counts per key ({@code topics.<id>}), written as one object. */
  public static KpiField family(KpiMetric metric, Read<Map<String, Long>> read) {
    if (!metric.family()) {
      throw new IllegalArgumentException(metric.name() + " is not a family");
    }
    return new KpiField(metric, null, read, null, null, 1);
  }

  public KpiMetric metric() {
    return metric;
  }

  public String name() {
    return metric.name();
  }

  /** The record's value of a scalar field, or null. */
  public Number read(KpiRecord r) {
    return value.of(r);
  }

  /** The record's counts of a family, by key. */
  public Map<String, Long> readFamily(KpiRecord r) {
    return family.of(r);
  }

  /**
   * Whether a window's value is computed from the values of its minutes: additive counts and their
   * ratios.
   */
  public boolean fromMinutes() {
    return !metric.family()
        && (metric.kind() == KpiMetric.Kind.ADDITIVE
            || metric.kind() == KpiMetric.Kind.RATIO && numerator != null);
  }

  Long numerator(KpiRecord r) {
    return numerator.of(r);
  }

  Long denominator(KpiRecord r) {
    return denominator.of(r);
  }

  /** The ratio of summed counts, or null when the denominator is 0. */
  Double ratioOf(long numeratorSum, long denominatorSum) {
    return denominatorSum == 0 ? null : (double) numeratorSum / scale / denominatorSum;
  }
}
