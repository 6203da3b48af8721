package dev.pantau.alerts;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compact durations of rule files: {@code 30s}, {@code 5m}, {@code 1h}, {@code 7d}, or {@code
 * 0}.
 */
final class Durations {

  private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})([smhdw])");

  private Durations() {}

  /** Parses {@code <n><s|m|h|d|w>} (or a bare {@code 0}); throws with the reason otherwise. */
  static Duration parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("duration is missing");
    }
    String s = text.trim();
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = DURATION.matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration like 30s, 5m, 1h, 1d or 1w");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofDays(7 * n);
    };
  }

  /** Parses a KPI window label (see {@link WindowLabel}). */
  static Duration parseWindow(String text) {
    return WindowLabel.parse(text).length();
  }

  /** The shortest label for a duration, e.g. {@code 5m} or {@code 1d}. */
  static String format(Duration d) {
    long s = d.getSeconds();
    if (s == 0) {
      return "0";
    }
    if (s % 86400 == 0) {
      return s / 86400 + "d";
    }
    if (s % 3600 == 0) {
      return s / 3600 + "h";
    }
    if (s % 60 == 0) {
      return s / 60 + "m";
    }
    return s + "s";
  }
}
