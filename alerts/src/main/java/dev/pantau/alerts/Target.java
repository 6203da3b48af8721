package dev.pantau.alerts;

import java.util.Locale;
import java.util.Objects;

/**
 * A SMART KPI target: a brand (or {@code *} for every brand) should reach {@code value} of a metric
 * within each calendar {@code period} (UTC month, or ISO week starting Monday).
 */
public record Target(String brand, String metric, Period period, double value) implements java.io.Serializable {

  /** The calendar period a target counts over. */
  public enum Period {
    WEEK, MONTH;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Target {
    Objects.requireNonNull(brand, "brand");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(period, "period");
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("target value must be a positive number, was " + value);
    }
  }

  /** Whether this target applies to a brand. */
  public boolean appliesTo(String brandId) {
    return brand.equals("*") || brand.equals(brandId);
  }
}
