package dev.pantau.flink.report;

import java.util.Set;

/** What a report covers: a period, one brand or all (null), some windows or all (empty). */
public record ReportRequest(ReportPeriod period, String brand, Set<String> windows) {
  public ReportRequest {
    windows = Set.copyOf(windows);
  }

  public boolean covers(KpiRow row) {
    return period.contains(row.start())
        && (brand == null || brand.equals(row.brand()))
        && (windows.isEmpty() || windows.contains(row.window()));
  }
}
