package dev.pantau.flink.job.alert;

import dev.pantau.alerts.KpiPoint;
import dev.pantau.flink.job.kpi.KpiRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Flattens a KPI record into the detector's view: metric names as in SPEC §3 ({@code engagement.total}, ...). */
public final class KpiPoints {
  /** Metrics a sliding window can carry: sums of minutes, or ratios of such sums. */
  public static final java.util.Set<String> ADDITIVE =
      java.util.Set.of(
          "mentions", "impressions", "engagement", "engagement.total", "engagement.likes", "engagement.comments",
          "engagement.shares", "engagement.quotes", "engagement.bookmarks", "sentiment.positive",
          "sentiment.neutral", "sentiment.negative", "sentiment.unscored", "sentiment.net", "sentiment.mean",
          "employee.mentions", "employee.engagement");

  private KpiPoints() {}

  public static KpiPoint of(KpiRecord r) {
    Map<String, Double> m = new HashMap<>();
    m.put("mentions", (double) r.mentions);
    if (!r.sliding) {
      m.put("unique_authors", (double) r.uniqueAuthors);
      m.put("reach", (double) r.reach);
      m.put("employee.authors", (double) r.employeeAuthors);
      m.put("employee.reach", (double) r.employeeReach);
    }
    m.put("impressions", (double) r.impressions);
    m.put("engagement.likes", (double) r.likes);
    m.put("engagement.comments", (double) r.comments);
    m.put("engagement.shares", (double) r.shares);
    m.put("engagement.quotes", (double) r.quotes);
    m.put("engagement.bookmarks", (double) r.bookmarks);
    m.put("engagement.total", (double) r.engagementTotal);
    m.put("engagement", (double) r.engagementTotal);
    if (r.sentimentPositive != null) {
      m.put("sentiment.positive", (double) r.sentimentPositive);
      m.put("sentiment.neutral", (double) r.sentimentNeutral);
      m.put("sentiment.negative", (double) r.sentimentNegative);
      m.put("sentiment.unscored", (double) r.sentimentUnscored);
      if (r.sentimentNet != null) {
        m.put("sentiment.net", r.sentimentNet);
        m.put("sentiment.mean", r.sentimentMean);
      }
    }
    if (r.shareOfVoice != null) {
      m.put("share_of_voice", r.shareOfVoice);
    }
    m.put("employee.mentions", (double) r.employeeMentions);
    m.put("employee.engagement", (double) r.employeeEngagement);
    r.topics.forEach((t, n) -> m.put("topics." + t, (double) n));
    return new KpiPoint(
        r.brand, r.brandName, r.window, Instant.ofEpochMilli(r.start), Instant.ofEpochMilli(r.end), r.source, m);
  }
}
