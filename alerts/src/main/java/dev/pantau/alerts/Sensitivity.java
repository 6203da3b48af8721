package dev.pantau.alerts;

import java.util.Locale;

/**
 * Presets for the anomaly detectors, in the spirit of Meltwater's Fewer / Balanced / More. Each
 * preset is a score threshold (in robust standard deviations on a variance-stabilised scale) and,
 * for {@link DetectorType#TARGET_PACE}, the tolerated shortfall against the pro-rata pace.
 */
public enum Sensitivity {
  /** Fewer alerts: only very large deviations. */
  LOW(5.0, 0.30),
  /**
   * The default: score threshold 4, chosen by leave-one-series-out cross-validation on NAB together
   * with the 30-day peak memory that keeps it from paging on every burst (see docs/alerts.md; 5
   * before).
   */
  BALANCED(4.0, 0.20),
  /** More alerts: smaller deviations too. */
  HIGH(3.0, 0.10);

  private final double threshold;
  private final double paceTolerance;

  Sensitivity(double threshold, double paceTolerance) {
    this.threshold = threshold;
    this.paceTolerance = paceTolerance;
  }

  /** Score needed to fire a spike or drop alert. */
  public double threshold() {
    return threshold;
  }

  /** Fraction by which a target may lag its pro-rata pace before a target_pace alert. */
  public double paceTolerance() {
    return paceTolerance;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Sensitivity parse(String s) {
    for (Sensitivity v : values()) {
      if (v.label().equals(s)) {
        return v;
      }
    }
    return null;
  }
}
