package dev.pantau.alerts;

import java.io.Serializable;
import java.util.Objects;

/**
 * A KPI field as rules name it (SPEC §3, §4): its dotted JSON path, such as {@code
 * engagement.total}, and how its values combine. A family ({@code topics.}) names one metric per
 * key.
 *
 * @param name the dotted path; a family's ends with {@code .}
 * @param kind how values of smaller windows make a larger one's
 * @param min the smallest value the metric can take
 * @param max the largest ({@link Double#POSITIVE_INFINITY} for counts)
 */
public record KpiMetric(String name, Kind kind, double min, double max) implements Serializable {

  /** How a KPI's values combine across minutes and sources. */
  public enum Kind {
    /** A count: a window's value is the sum of its minutes'. */
    ADDITIVE,
    /** A count of distinct things (authors, their audience): not the sum of its minutes'. */
    DISTINCT,
    /** A ratio or mean of additive counts: recomputed from their sums, never summed. */
    RATIO
  }

  public KpiMetric {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if (!name.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*\\.?")) {
      throw new IllegalArgumentException("KPI name '" + name + "' is not a dotted lower-case path");
    }
  }

  public static KpiMetric additive(String name) {
    return new KpiMetric(name, Kind.ADDITIVE, 0, Double.POSITIVE_INFINITY);
  }

  public static KpiMetric distinct(String name) {
    return new KpiMetric(name, Kind.DISTINCT, 0, Double.POSITIVE_INFINITY);
  }

  public static KpiMetric ratio(String name, double min, double max) {
    return new KpiMetric(name, Kind.RATIO, min, max);
  }

  /** Whether this names a family of metrics, one per key ({@code topics.purchase-intent}). */
  public boolean family() {
    return name.endsWith(".");
  }

  public boolean ratio() {
    return kind == Kind.RATIO;
  }

  /** How the metric is listed to a user: {@code topics.<id>} for a family. */
  public String display() {
    return family() ? name + "<id>" : name;
  }
}
