package dev.pantau.flink.report;

import java.time.Duration;

/**
 * Which windows the HTML report can use, decided while reading: its totals come from the longest
 * window there is and its charts from the longest with at least {@value #MIN_POINTS} points over
 * the period (else the shortest). A record of any other window is skipped before it is parsed: a
 * month of minute windows is most of a KPI file, and a month's report draws days. The choices
 * {@link HtmlReportWriter} makes from the rows read are the same as from all rows.
 */
final class HtmlWindows {
  static final int MIN_POINTS = 7;

  private final long periodSeconds;
  private long longest = -1;
  private long bestChart = -1;
  private long shortest = Long.MAX_VALUE;

  HtmlWindows(Duration period) {
    this.periodSeconds = period.getSeconds();
  }

  /** Whether a record of {@code window} may be used; remembers the window as seen. */
  synchronized boolean wanted(String window) {
    long len = KpiSeriesReader.windowLength(window);
    boolean charts = periodSeconds / len >= MIN_POINTS;
    boolean wanted =
        len >= longest || (charts && len >= bestChart) || (bestChart < 0 && len <= shortest);
    longest = Math.max(longest, len);
    shortest = Math.min(shortest, len);
    if (charts) {
      bestChart = Math.max(bestChart, len);
    }
    return wanted;
  }

  /** The chart window among those there are, as {@link #wanted} assumes. */
  static boolean chartable(Duration period, String window) {
    return period.getSeconds() / KpiSeriesReader.windowLength(window) >= MIN_POINTS;
  }
}
