package dev.pantau.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One alert rule (SPEC §3), immutable and validated, with every default resolved. Build one with
 * {@link #builder(String)} or load a file with {@link AlertRuleLoader}.
 *
 * <p>Spike and drop rules score each window as {@code (observed - expected) / spread} on a
 * variance-stabilised scale ({@code 2*sqrt(x+3/8)} for counts, so a quiet brand's 0-vs-2 is noise,
 * not a 3x spike), where {@code expected} is the median of the last {@link #baselineWindows()}
 * windows adjusted for the hour of day and the day of week, and {@code spread} the interquartile
 * range of the same windows. An alert fires when the score reaches {@link #threshold()} and exceeds
 * the recent peak score (which decays with half-life {@link #peakMemory()}: after a big spike, the
 * next alert must be bigger until the memory fades); it resolves when the score stays below {@link
 * #resolveThreshold()} for two window lengths. After {@link #levelShift()} of windows all beyond
 * the baseline's clipping band on one side, the baseline restarts at the new level.
 */
public record AlertRule(
    String id,
    String metric,
    KpiMetric kpi,
    String window,
    Duration windowLength,
    DetectorType detector,
    Sensitivity sensitivity,
    double threshold,
    double resolveThreshold,
    double minCount,
    double minRatio,
    Duration cooldown,
    int baselineWindows,
    int warmupWindows,
    boolean dailySeasonality,
    boolean weeklySeasonality,
    Duration peakMemory,
    Duration sustained,
    Duration levelShift,
    double gaugeSpreadFloor,
    Double above,
    Double below,
    double paceTolerance,
    Severity severity,
    List<String> brands,
    List<String> channels,
    List<Target> targets)
    implements java.io.Serializable {

  /** Windows in the baseline: three days of 5m windows. Bounds the detector state to ~7 KB. */
  public static final int DEFAULT_BASELINE_WINDOWS = 864;

  /** Upper bound for {@code baseline}, to keep keyed state small. */
  public static final int MAX_BASELINE_WINDOWS = 4032;

  /** Windows seen before the first alert: three hours of 5m windows. */
  public static final int DEFAULT_WARMUP_WINDOWS = 36;

  /**
   * Half-life of the recent-peak bar: 30 days, chosen by leave-one-series-out cross-validation on
   * NAB (docs/alerts.md; 7 days before).
   */
  public static final Duration DEFAULT_PEAK_MEMORY = Duration.ofDays(30);

  /**
   * Horizon of the sustained scale: the mean score of the last 4 hours of windows (cross-validated;
   * 2h before).
   */
  public static final Duration DEFAULT_SUSTAINED = Duration.ofHours(4);

  /**
   * Whether a day-of-week profile is kept by default: no. Cross-validation on NAB preferred the
   * hour-of-day profile alone (docs/alerts.md); {@code seasonality: [daily, weekly]} turns it on.
   */
  public static final boolean DEFAULT_WEEKLY_SEASONALITY = false;

  /**
   * A level shift: once the windows of this long have all fallen beyond the baseline's clipping
   * band on the same side, the baseline restarts from them (the new level is the new normal, and
   * the detector is armed again instead of staying deaf until a median of days catches up).
   * Cross-validated on NAB (docs/alerts.md).
   */
  public static final Duration DEFAULT_LEVEL_SHIFT = Duration.ofHours(6);

  /**
   * The level-shift run is at least this many windows, so a rebased baseline has a median and
   * quartiles.
   */
  public static final int MIN_LEVEL_SHIFT_WINDOWS = 8;

  /**
   * Smallest spread of a ratio metric without a finite range (a gauge, e.g. an extension KPI), as a
   * fraction of the baseline median's magnitude: scale-free, where the 0.05 of a bounded ratio such
   * as sentiment.net would hide every change of a metric that lives around 0.1 (cross-validated on
   * NAB).
   */
  public static final double DEFAULT_GAUGE_SPREAD_FLOOR = 0.001;

  /**
   * The sustained scale fires at this fraction of the threshold (a mean over many windows is
   * steadier).
   */
  public static final double SUSTAINED_FRACTION = 0.6;

  /** Most windows the sustained scale keeps. */
  public static final int MAX_SUSTAINED_WINDOWS = 288;

  /** Quiet time after a resolved alert before the same rule and brand fire again. */
  public static final Duration DEFAULT_COOLDOWN = Duration.ofMinutes(30);

  /** The resolve threshold is this fraction of the firing threshold (hysteresis). */
  public static final double RESOLVE_FRACTION = 0.4;

  /** Never alert on a count metric below this (the Poisson-aware score does the rest). */
  public static final double DEFAULT_MIN_COUNT = 5;

  /** For ratio metrics (sentiment.net, share_of_voice, ...), mentions needed in the window. */
  public static final double DEFAULT_MIN_MENTIONS_FOR_RATIO = 20;

  /**
   * A count spike must also be at least this many times the expected value (a drop this many times
   * below).
   */
  public static final double DEFAULT_MIN_RATIO = 1.2;

  public AlertRule {
    requireText(id, "id");
    requireText(metric, "metric");
    Objects.requireNonNull(kpi, "kpi");
    Objects.requireNonNull(windowLength, "windowLength");
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(sensitivity, "sensitivity");
    Objects.requireNonNull(cooldown, "cooldown");
    Objects.requireNonNull(peakMemory, "peakMemory");
    // every problem of the rule at once: a user fixing a file should not meet them one run at a
    // time
    List<String> problems = new java.util.ArrayList<>();
    if (!(threshold > 0)) {
      problems.add("threshold must be > 0, was " + threshold);
    } else if (!(resolveThreshold < threshold)) {
      problems.add("resolve threshold must be below the threshold");
    }
    if (minCount < 0 || Double.isNaN(minCount)) {
      problems.add("min_count must be >= 0, was " + minCount);
    }
    if (!(minRatio >= 1)) {
      problems.add("min_ratio must be >= 1, was " + minRatio);
    }
    if (baselineWindows < 8 || baselineWindows > MAX_BASELINE_WINDOWS) {
      problems.add(
          "baseline must be 8.." + MAX_BASELINE_WINDOWS + " windows, was " + baselineWindows);
    } else if (warmupWindows < 4 || warmupWindows > baselineWindows) {
      problems.add(
          "warmup must be 4..baseline (" + baselineWindows + ") windows, was " + warmupWindows);
    }
    Objects.requireNonNull(sustained, "sustained");
    Objects.requireNonNull(levelShift, "levelShift");
    if (cooldown.isNegative()
        || peakMemory.isNegative()
        || sustained.isNegative()
        || levelShift.isNegative()) {
      problems.add("cooldown, peak_memory, sustained and level_shift must not be negative");
    } else if (sustainedWindows(sustained, windowLength) > MAX_SUSTAINED_WINDOWS) {
      problems.add("sustained covers more than " + MAX_SUSTAINED_WINDOWS + " windows");
    }
    if (detector == DetectorType.THRESHOLD) {
      if (above == null && below == null) {
        problems.add("a threshold rule needs 'above' or 'below'");
      }
      if (above != null && below != null && below >= above) {
        problems.add("'below' (" + below + ") must be less than 'above' (" + above + ")");
      }
      thresholdRangeProblem("above", above, metric, kpi, problems);
      thresholdRangeProblem("below", below, metric, kpi, problems);
    } else if (above != null || below != null) {
      problems.add("'above' and 'below' belong to threshold rules, not " + detector.label());
    }
    if (!(paceTolerance >= 0 && paceTolerance < 1)) {
      problems.add("tolerance must be in [0, 1), was " + paceTolerance);
    }
    if (detector == DetectorType.TARGET_PACE && (targets == null || targets.isEmpty())) {
      problems.add("a target_pace rule needs a target for metric '" + metric + "' in 'targets'");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRuleException(problems);
    }
    brands = List.copyOf(brands == null || brands.isEmpty() ? List.of("*") : brands);
    channels = List.copyOf(channels == null ? List.of() : channels);
    targets = List.copyOf(targets == null ? List.of() : targets);
  }

  /**
   * A threshold no value of the metric can cross is a mistake (its range is in {@link KpiMetrics}).
   */
  private static void thresholdRangeProblem(
      String field, Double v, String metric, KpiMetric kpi, List<String> problems) {
    if (v == null) {
      return;
    }
    double min = kpi.min();
    double max = kpi.max();
    if (v < min || v > max) {
      problems.add(
          "'"
              + field
              + "' "
              + v
              + " can never be crossed: "
              + metric
              + " lies in ["
              + (long) min
              + ", "
              + (max == Double.POSITIVE_INFINITY ? "∞" : String.valueOf((long) max))
              + "]");
    }
  }

  private static void requireText(String s, String what) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException(what + " is missing");
    }
  }

  /**
   * Whether the metric is a ratio or mean (scored as is) rather than a count (scored on a sqrt
   * scale).
   */
  public boolean ratioMetric() {
    return kpi.ratio();
  }

  /** Windows in the sustained scale; below 2 the scale is off. */
  public int sustainedWindows() {
    return sustainedWindows(sustained, windowLength);
  }

  private static int sustainedWindows(Duration sustained, Duration window) {
    long k = sustained.toMillis() / Math.max(1, window.toMillis());
    return k < 2 ? 0 : (int) Math.min(k, Integer.MAX_VALUE);
  }

  /**
   * Windows of the level-shift run ({@link #levelShift()}, at least {@value
   * #MIN_LEVEL_SHIFT_WINDOWS} and at most {@link #MAX_SUSTAINED_WINDOWS}, so the default fits a 1m
   * rule too); 0 when off.
   */
  public int levelShiftWindows() {
    return levelShiftWindows(levelShift, windowLength);
  }

  private static int levelShiftWindows(Duration shift, Duration window) {
    if (shift.isZero()) {
      return 0;
    }
    long k = shift.toMillis() / Math.max(1, window.toMillis());
    return (int) Math.max(MIN_LEVEL_SHIFT_WINDOWS, Math.min(k, MAX_SUSTAINED_WINDOWS));
  }

  /** Whether this rule watches a brand. */
  public boolean appliesTo(String brandId) {
    return brands.contains("*") || brands.contains(brandId);
  }

  /**
   * The target this rule tracks for a brand, or null (a brand's own target wins over {@code *}).
   */
  public Target targetFor(String brandId) {
    Target any = null;
    for (Target t : targets) {
      if (t.brand().equals(brandId)) {
        return t;
      }
      if (t.appliesTo(brandId) && any == null) {
        any = t;
      }
    }
    return any;
  }

  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Fluent builder; unset fields take the documented defaults. */
  public static final class Builder {
    private final String id;
    private String metric;
    private KpiMetrics metrics = KpiMetrics.STANDARD;
    private String window;
    private DetectorType detector;
    private Sensitivity sensitivity = Sensitivity.BALANCED;
    private Double threshold;
    private Double minCount;
    private Double minRatio;
    private Duration cooldown = DEFAULT_COOLDOWN;
    private int baselineWindows = DEFAULT_BASELINE_WINDOWS;
    private Integer warmupWindows;
    private boolean daily = true;
    private boolean weekly = DEFAULT_WEEKLY_SEASONALITY;
    private Duration peakMemory = DEFAULT_PEAK_MEMORY;
    private Duration sustained = DEFAULT_SUSTAINED;
    private Duration levelShift = DEFAULT_LEVEL_SHIFT;
    private double gaugeSpreadFloor = DEFAULT_GAUGE_SPREAD_FLOOR;
    private Double above;
    private Double below;
    private Double tolerance;
    private Severity severity;
    private List<String> brands = List.of("*");
    private List<String> channels = List.of();
    private List<Target> targets = List.of();

    private Builder(String id) {
      this.id = id;
    }

    public Builder metric(String v) {
      metric = v;
      return this;
    }

    /** The KPI fields {@code metric} may name (default {@link KpiMetrics#STANDARD}). */
    public Builder metrics(KpiMetrics v) {
      metrics = Objects.requireNonNull(v);
      return this;
    }

    public Builder window(String v) {
      window = v;
      return this;
    }

    public Builder detector(DetectorType v) {
      detector = v;
      return this;
    }

    public Builder sensitivity(Sensitivity v) {
      sensitivity = Objects.requireNonNull(v);
      return this;
    }

    /** Explicit score threshold, overriding the sensitivity preset. */
    public Builder threshold(double v) {
      threshold = v;
      return this;
    }

    public Builder minCount(double v) {
      minCount = v;
      return this;
    }

    public Builder minRatio(double v) {
      minRatio = v;
      return this;
    }

    public Builder cooldown(Duration v) {
      cooldown = v;
      return this;
    }

    public Builder baselineWindows(int v) {
      baselineWindows = v;
      return this;
    }

    public Builder warmupWindows(int v) {
      warmupWindows = v;
      return this;
    }

    public Builder seasonality(boolean dailyProfile, boolean weeklyProfile) {
      daily = dailyProfile;
      weekly = weeklyProfile;
      return this;
    }

    public Builder peakMemory(Duration v) {
      peakMemory = v;
      return this;
    }

    /** Horizon of the sustained scale; {@code Duration.ZERO} turns it off. */
    public Builder sustained(Duration v) {
      sustained = v;
      return this;
    }

    /**
     * Run after which the baseline restarts at a shifted level; {@code Duration.ZERO} turns it off.
     */
    public Builder levelShift(Duration v) {
      levelShift = v;
      return this;
    }

    /** Relative spread floor of unbounded ratio metrics (for the cross-validation harness). */
    Builder gaugeSpreadFloor(double v) {
      gaugeSpreadFloor = v;
      return this;
    }

    public Builder above(Double v) {
      above = v;
      return this;
    }

    public Builder below(Double v) {
      below = v;
      return this;
    }

    /** Tolerated shortfall of a target_pace rule, overriding the sensitivity preset. */
    public Builder tolerance(double v) {
      tolerance = v;
      return this;
    }

    public Builder severity(Severity v) {
      severity = v;
      return this;
    }

    public Builder brands(List<String> v) {
      brands = v;
      return this;
    }

    /** Channels named in {@code notify:}; {@code kafka} is always on. */
    public Builder channels(List<String> v) {
      channels = v;
      return this;
    }

    public Builder targets(List<Target> v) {
      targets = v;
      return this;
    }

    public AlertRule build() {
      if (metric == null || metric.isBlank()) {
        throw new IllegalArgumentException("metric is missing");
      }
      if (detector == null) {
        throw new IllegalArgumentException(
            "detector is missing (spike, drop, threshold or target_pace)");
      }
      KpiMetric kpi = metrics.require(metric.trim());
      WindowLabel label = WindowLabel.parse(window);
      Duration length = label.length();
      double z = threshold != null ? threshold : sensitivity.threshold();
      boolean ratio = kpi.ratio();
      double floor =
          minCount != null ? minCount : ratio ? DEFAULT_MIN_MENTIONS_FOR_RATIO : DEFAULT_MIN_COUNT;
      List<Target> mine = targets.stream().filter(t -> t.metric().equals(metric)).toList();
      return new AlertRule(
          id,
          metric.trim(),
          kpi,
          label.text(),
          length,
          detector,
          sensitivity,
          z,
          z * RESOLVE_FRACTION,
          floor,
          minRatio != null ? minRatio : DEFAULT_MIN_RATIO,
          cooldown,
          baselineWindows,
          warmupWindows != null ? warmupWindows : Math.min(DEFAULT_WARMUP_WINDOWS, baselineWindows),
          daily && length.compareTo(Duration.ofHours(1)) <= 0,
          weekly && length.compareTo(Duration.ofDays(1)) <= 0,
          peakMemory,
          sustained,
          levelShift,
          gaugeSpreadFloor,
          above,
          below,
          tolerance != null ? tolerance : sensitivity.paceTolerance(),
          severity,
          brands,
          channels,
          detector == DetectorType.TARGET_PACE ? mine : List.of());
    }
  }
}
