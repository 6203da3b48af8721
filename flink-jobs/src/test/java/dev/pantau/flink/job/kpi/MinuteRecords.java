package dev.pantau.flink.job.kpi;

import dev.pantau.alerts.KpiMetrics;

/**
 * KPI records of one brand's minutes, of all sources and first revision: what sliding windows take.
 */
public final class MinuteRecords {
  public static final long MINUTE = 60_000;

  private MinuteRecords() {}

  /** Minute {@code i} (from the epoch) of brand {@code acme} with {@code mentions} mentions. */
  public static KpiRecord minute(int i, long mentions) {
    KpiRecord r = new KpiRecord();
    r.brand = "acme";
    r.window = "1m";
    r.source = KpiMetrics.ALL_SOURCES;
    r.revision = 1;
    r.start = i * MINUTE;
    r.end = (i + 1) * MINUTE;
    r.mentions = mentions;
    return r;
  }
}
