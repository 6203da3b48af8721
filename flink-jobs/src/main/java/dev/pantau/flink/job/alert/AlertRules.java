package dev.pantau.flink.job.alert;

import dev.pantau.alerts.AlertConfig;
import dev.pantau.alerts.AlertRule;
import dev.pantau.alerts.DetectorType;
import dev.pantau.alerts.KpiMetrics;
import dev.pantau.alerts.WindowLabel;
import dev.pantau.flink.job.kpi.KpiField;
import dev.pantau.flink.job.kpi.KpiFields;
import dev.pantau.flink.job.kpi.KpiRecord;
import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The alert rules as the job applies them: which KPI records feed which rule. A spike, drop or
 * threshold rule on a metric computed from minutes ({@link KpiField#fromMinutes}) of a minute- or
 * hour-window is fed windows that slide by a minute (when 1m windows are computed), so it fires
 * within about a minute; other rules get the tumbling records of their window. A rule reads the KPI
 * window that is the same window as its own ({@link WindowLabel#sameWindow}: a {@code 60m} rule
 * reads {@code 1h} records). Only {@link #detectorFeed} records feed detectors.
 */
public final class AlertRules implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A day's minutes: the longest window slid. */
  private static final long MAX_SLIDING_MINUTES = 24 * 60;

  private final AlertConfig config;
  private final boolean slidingAvailable;
  private final KpiFields fields;

  /** Rule id to the label of the KPI records it reads. */
  private final Map<String, String> kpiWindowOf = new HashMap<>();

  public AlertRules(AlertConfig config, Collection<String> kpiWindows) {
    this(config, kpiWindows, KpiFields.STANDARD);
  }

  public AlertRules(AlertConfig config, Collection<String> kpiWindows, KpiFields fields) {
    this.config = config;
    this.slidingAvailable = WindowLabel.among(WindowLabel.MINUTE.text(), kpiWindows).isPresent();
    this.fields = fields;
    for (AlertRule r : config.rules()) {
      kpiWindowOf.put(r.id(), WindowLabel.among(r.window(), kpiWindows).orElse(r.window()));
    }
  }

  /** Whether a KPI record may feed a detector: the first revision of a window of all sources. */
  public static boolean detectorFeed(KpiRecord r) {
    return r.revision == 1 && KpiMetrics.ALL_SOURCES.equals(r.source);
  }

  /** Whether a KPI record is a minute that sliding windows are summed from. */
  public static boolean slidingFeed(KpiRecord r) {
    return detectorFeed(r) && WindowLabel.MINUTE.text().equals(r.window);
  }

  public KpiFields fields() {
    return fields;
  }

  public AlertConfig config() {
    return config;
  }

  public List<AlertRule> rules() {
    return config.rules();
  }

  public boolean isEmpty() {
    return config.rules().isEmpty();
  }

  /** Whether {@code rule} is evaluated on sliding windows. */
  public boolean slides(AlertRule rule) {
    long minutes = WindowLabel.parse(rule.window()).minutes();
    return slidingAvailable
        && minutes > 1
        && minutes <= MAX_SLIDING_MINUTES
        && rule.detector() != DetectorType.TARGET_PACE
        && fields.find(rule.metric()).map(KpiField::fromMinutes).orElse(false);
  }

  /**
   * Window labels to slide, for {@link SlidingKpiWindows}: those of the KPI windows the rules read.
   */
  public List<String> slidingWindows() {
    return config.rules().stream()
        .filter(this::slides)
        .map(r -> kpiWindowOf.get(r.id()))
        .distinct()
        .sorted()
        .toList();
  }

  /** Whether {@code r} feeds {@code rule}. */
  public boolean feeds(AlertRule rule, KpiRecord r) {
    // target_pace rules are judged on target progress (TrackTargets), on the figures of the targets
    // output
    return rule.detector() != DetectorType.TARGET_PACE
        && detectorFeed(r)
        && kpiWindowOf.get(rule.id()).equals(r.window)
        && r.sliding == slides(rule)
        && rule.appliesTo(r.brand);
  }
}
