package dev.pantau.alerts;

import java.util.Locale;

/** What a rule looks for in its metric. */
public enum DetectorType {
  /** The metric rises well above what is usual for this time of day and week. */
  SPIKE,
  /** The metric falls well below what is usual (quiet windows count as zeros). */
  DROP,
  /** The metric crosses a fixed {@code above} or {@code below} level. */
  THRESHOLD,
  /** A monthly or weekly target falls behind its pro-rata pace. */
  TARGET_PACE;

  /** The name used in rule files and alert records, e.g. {@code target_pace}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static DetectorType parse(String s) {
    for (DetectorType t : values()) {
      if (t.label().equals(s)) {
        return t;
      }
    }
    return null;
  }
}
