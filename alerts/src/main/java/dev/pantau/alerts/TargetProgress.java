package dev.pantau.alerts;

import java.util.Locale;

/**
 * How a target period stands at one moment (SPEC §4d), the figures both the {@code targets} output
 * and {@code target_pace} alerts use: {@code expected_by_now} is the target times the elapsed share
 * of the period, {@code pace} = actual / expected_by_now (null while nothing is expected yet, at
 * the period's first instant), {@code projected} = the actual extended linearly to the whole period
 * (null likewise). Status: {@code met} once the actual reaches the target; else {@code on_track}
 * while the projection reaches it (pace >= 1); else {@code behind}.
 *
 * @param now the moment the actual is known for (the end of the newest window counted), within the
 *     period
 */
public record TargetProgress(
    double target,
    double actual,
    long start,
    long end,
    long now,
    double expectedByNow,
    Double pace,
    Double projected,
    Status status) {

  /** Where a target period stands. */
  public enum Status {
    BEHIND,
    ON_TRACK,
    MET;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static TargetProgress of(double target, double actual, long start, long end, long now) {
    if (end <= start) {
      throw new IllegalArgumentException("a period must end after it starts");
    }
    long at = Math.max(start, Math.min(end, now));
    double elapsed = (double) (at - start) / (end - start);
    double expected = target * elapsed;
    Double pace = expected > 0 ? actual / expected : null;
    Double projected = elapsed > 0 ? actual / elapsed : null;
    Status status =
        actual >= target ? Status.MET : pace == null || pace >= 1 ? Status.ON_TRACK : Status.BEHIND;
    return new TargetProgress(target, actual, start, end, at, expected, pace, projected, status);
  }

  /** The elapsed share of the period, 0..1. */
  public double elapsed() {
    return (double) (now - start) / (end - start);
  }

  /**
   * How far the actual falls short of the expected, as a share of it (0 when ahead or nothing is
   * expected).
   */
  public double shortfall() {
    return pace == null ? 0 : Math.max(0, 1 - pace);
  }
}
