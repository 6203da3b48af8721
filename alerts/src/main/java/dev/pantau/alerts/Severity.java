package dev.pantau.alerts;

import java.util.Locale;

/** How urgent an alert is (SPEC §5). */
public enum Severity {
  INFO,
  WARNING,
  CRITICAL;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Severity parse(String s) {
    for (Severity v : values()) {
      if (v.label().equals(s)) {
        return v;
      }
    }
    return null;
  }
}
