package dev.pantau.flink.job.alert;

import dev.pantau.alerts.AlertConfig;
import dev.pantau.alerts.AlertRule;
import dev.pantau.alerts.DetectorType;
import dev.pantau.flink.job.kpi.KpiField;
import dev.pantau.flink.job.kpi.KpiFields;
import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * The alert rules as the job applies them: which KPI records feed which rule. A spike, drop or
 * threshold rule on a metric computed from minutes ({@link KpiField#fromMinutes}) of a minute- or hour-window is fed windows that slide by a minute
 * (when 1m windows are computed), so it fires within about a minute; other rules get the tumbling
 * records of their window. Only records of all sources ({@code "*"}) and first revisions feed detectors.
 */
public final class AlertRules implements Serializable {
  private static final long serialVersionUID = 1L;
  private final AlertConfig config;
  private final boolean slidingAvailable;
  private final KpiFields fields;

  public AlertRules(AlertConfig config, Set<String> kpiWindows) {
    this(config, kpiWindows, KpiFields.STANDARD);
  }

  public AlertRules(AlertConfig config, Set<String> kpiWindows, KpiFields fields) {
    this.config = config;
    this.slidingAvailable = kpiWindows.contains("1m");
    this.fields = fields;
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
    int minutes = SlidingKpiWindows.minutesOf(rule.window());
    return slidingAvailable
        && minutes > 1
        && minutes <= 24 * 60
        && rule.detector() != DetectorType.TARGET_PACE
        && fields.find(rule.metric()).map(KpiField::fromMinutes).orElse(false);
  }

  /** Window sizes to slide, for {@link SlidingKpiWindows}. */
  public List<String> slidingWindows() {
    return config.rules().stream().filter(this::slides).map(AlertRule::window).distinct().sorted().toList();
  }

  /** Whether {@code r} feeds {@code rule}. */
  public boolean feeds(AlertRule rule, dev.pantau.flink.job.kpi.KpiRecord r) {
    return r.revision == 1
        && "*".equals(r.source)
        && rule.window().equals(r.window)
        && r.sliding == slides(rule)
        && rule.appliesTo(r.brand);
  }
}
