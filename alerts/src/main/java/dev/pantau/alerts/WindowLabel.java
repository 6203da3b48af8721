package dev.pantau.alerts;

import java.io.Serializable;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A KPI window label, {@code <n><m|h|d>} with n from 1 to 9999 (SPEC §4): the one grammar of KPI
 * windows, for {@code --windows} and for rules' {@code window}. Minute and hour windows align to
 * the epoch, so {@code 60m} and {@code 1h} are the same window; day windows align to the configured
 * time zone's midnight, so {@code 1d} and {@code 24h} are not.
 *
 * @param amount n
 * @param unit {@code m}, {@code h} or {@code d}
 */
public record WindowLabel(int amount, char unit) implements Serializable {
  private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,3})([mhd])");

  /** The minute window: the KPI records sliding alert windows are summed from. */
  public static final WindowLabel MINUTE = new WindowLabel(1, 'm');

  public WindowLabel {
    if (amount < 1 || amount > 9999 || "mhd".indexOf(unit) < 0) {
      throw new IllegalArgumentException("not a KPI window: " + amount + unit);
    }
  }

  /** Parses {@code <n><m|h|d>}; throws with the expected form otherwise. */
  public static WindowLabel parse(String text) {
    Matcher m = text == null ? null : FORMAT.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException(
          "window '" + text + "' is not a KPI window like 1m, 5m, 1h or 1d");
    }
    return new WindowLabel(Integer.parseInt(m.group(1)), m.group(2).charAt(0));
  }

  /**
   * Of the KPI windows {@code windows} (labels), the one that is the same window as {@code label}.
   */
  public static Optional<String> among(String label, Collection<String> windows) {
    WindowLabel wanted = parse(label);
    return windows.stream().filter(w -> parse(w).sameWindow(wanted)).findFirst();
  }

  /** The label as written in KPI records, e.g. {@code 5m}. */
  public String text() {
    return String.valueOf(amount) + unit;
  }

  /** The nominal length (a day window may differ by a DST shift). */
  public Duration length() {
    return switch (unit) {
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  /**
   * Whether the window aligns to the epoch (minutes, hours) rather than to local midnight (days).
   */
  public boolean epochAligned() {
    return unit != 'd';
  }

  /** Minutes in an epoch-aligned window; -1 for a day window. */
  public long minutes() {
    return epochAligned() ? length().toMinutes() : -1;
  }

  /**
   * Whether both label the same windows: the same length and alignment ({@code 60m} and {@code
   * 1h}).
   */
  public boolean sameWindow(WindowLabel other) {
    return epochAligned() == other.epochAligned() && length().equals(other.length());
  }

  @Override
  public String toString() {
    return text();
  }
}
