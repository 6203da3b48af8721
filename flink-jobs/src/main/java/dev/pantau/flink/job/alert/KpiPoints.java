package dev.pantau.flink.job.alert;

import dev.pantau.alerts.KpiPoint;
import dev.pantau.flink.job.kpi.KpiField;
import dev.pantau.flink.job.kpi.KpiFields;
import dev.pantau.flink.job.kpi.KpiRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A KPI record as the detectors see it: each field of the KPI registry by its metric name (SPEC
 * §3).
 */
public final class KpiPoints {
  private KpiPoints() {}

  public static KpiPoint of(KpiRecord r, KpiFields fields) {
    Map<String, Double> m = r.slidingMetrics != null ? r.slidingMetrics : metrics(r, fields);
    return new KpiPoint(
        r.brand,
        r.brandName,
        r.window,
        Instant.ofEpochMilli(r.start),
        Instant.ofEpochMilli(r.end),
        r.source,
        m);
  }

  private static Map<String, Double> metrics(KpiRecord r, KpiFields fields) {
    Map<String, Double> m = new HashMap<>();
    for (KpiField f : fields.all()) {
      if (f.metric().family()) {
        f.readFamily(r).forEach((key, n) -> m.put(f.name() + key, (double) n));
      } else {
        Number v = f.read(r);
        if (v != null) {
          m.put(f.name(), v.doubleValue());
        }
      }
    }
    return m;
  }
}
