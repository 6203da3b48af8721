package dev.pantau.flink.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * What a report covers: a period, one brand or all (null), some windows or all (empty). When read
 * for the HTML report, {@code htmlPeriod} is the length of the report's own period: then only the
 * records of all sources together ({@code source: "*"}) of the windows its totals and charts use
 * are wanted (see {@link HtmlWindows}).
 */
public record ReportRequest(
    ReportPeriod period, String brand, Set<String> windows, Duration htmlPeriod) {
  public ReportRequest {
    windows = Set.copyOf(windows);
  }

  public ReportRequest(ReportPeriod period, String brand, Set<String> windows) {
    this(period, brand, windows, null);
  }

  public boolean allSourcesOnly() {
    return htmlPeriod != null;
  }

  public boolean covers(KpiRow row) {
    return covers(row.brand(), row.window(), row.source(), row.start());
  }

  boolean covers(String brand, String window, String source, Instant start) {
    return period.contains(start)
        && (this.brand == null || this.brand.equals(brand))
        && (windows.isEmpty() || windows.contains(window))
        && (!allSourcesOnly() || "*".equals(source));
  }
}
