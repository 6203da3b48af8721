package dev.pantau.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates one KPI point against one rule: pure and thread-safe; everything remembered lives in
 * the {@link DetectorState} the caller passes in and keeps.
 *
 * <h2>Sliding windows</h2>
 *
 * Points may come from windows that overlap (a 5m window every minute, so an alert does not wait
 * for a tumbling window to close). Every point is scored, but only points that start at least one
 * window length after the last absorbed one enter the baseline and the seasonal profiles, so the
 * baseline holds non-overlapping windows whatever the step, and the state stays the same size.
 * Points that start at or before the newest absorbed window (revisions of past windows) are
 * ignored.
 */
public final class RuleEvaluator {

  /** Profile memory: the hour-of-day profile forgets with a time constant of this many days. */
  static final double DAILY_MEMORY_DAYS = 4;

  /** The day-of-week profile forgets with a time constant of this many weeks. */
  static final double WEEKLY_MEMORY_WEEKS = 3;

  /**
   * Values enter the baseline clipped to expected +- this many spreads, so a spike does not inflate
   * it.
   */
  static final double CLIP = 3;

  /** Smallest spread on the sqrt scale: one Poisson standard deviation. */
  static final double COUNT_SPREAD_FLOOR = 1.0;

  /** Smallest spread of an unbounded ratio metric (a gauge) whose baseline median is 0. */
  static final double GAUGE_SPREAD_MIN = 1e-9;

  /** Smallest spread for bounded ratio metrics such as sentiment.net. */
  static final double RATIO_SPREAD_FLOOR = 0.05;

  /** An alert resolves after this many window lengths back below the resolve threshold. */
  static final int RESOLVE_AFTER_WINDOWS = 2;

  /** A target_pace rule waits for this fraction of the period before judging the pace. */
  static final double PACE_MIN_ELAPSED = 0.1;

  /** Evaluates a point; a null state starts a new one. Never throws for a well-formed point. */
  public Evaluation evaluate(AlertRule rule, DetectorState stateOrNull, KpiPoint point) {
    // only spike and drop keep a baseline; threshold and pace state is a few scalars
    int capacity =
        rule.detector() == DetectorType.SPIKE || rule.detector() == DetectorType.DROP
            ? rule.baselineWindows()
            : 0;
    DetectorState st = stateOrNull != null ? stateOrNull : new DetectorState(capacity);
    st.fit(capacity);
    List<Alert> out = new ArrayList<>(1);
    Double value = point.metric(rule.metric());
    long t = point.start().toEpochMilli();
    if (value == null
        || !Double.isFinite(value)
        || (st.lastSampleStart != DetectorState.NONE && t <= st.lastSampleStart)) {
      return new Evaluation(st, out);
    }
    boolean sample =
        st.lastSampleStart == DetectorState.NONE
            || t >= st.lastSampleStart + rule.windowLength().toMillis();
    switch (rule.detector()) {
      case SPIKE, DROP -> anomaly(rule, st, point, value, sample, out);
      case THRESHOLD -> threshold(rule, st, point, value, out);
      case TARGET_PACE -> pace(rule, st, point, value, sample, out);
      default -> throw new IllegalStateException(rule.detector().toString());
    }
    if (sample) {
      st.lastSampleStart = t;
    }
    return new Evaluation(st, out);
  }

  // ---------------------------------------------------------------- spike and drop

  private void anomaly(
      AlertRule rule, DetectorState st, KpiPoint p, double v, boolean sample, List<Alert> out) {
    boolean ratio = rule.ratioMetric();
    boolean up = rule.detector() == DetectorType.SPIKE;
    double x = ratio ? v : anscombe(v);
    ZonedDateTime at = p.start().atZone(ZoneOffset.UTC);
    int hour = at.getHour();
    int day = at.getDayOfWeek().getValue() - 1;
    double offset = seasonalOffset(rule, st, hour, day);
    double absorbed = x;
    if (st.samples >= rule.warmupWindows()) {
      double[] s = st.sortedValues();
      int n = st.size;
      double median = (s[(n - 1) / 2] + s[n / 2]) / 2;
      double iqr = s[(3 * n) / 4 >= n ? n - 1 : (3 * n) / 4] - s[n / 4];
      double floor =
          !ratio
              ? COUNT_SPREAD_FLOOR
              : rule.gaugeSpreadFloor() >= 0
                      && (Double.isInfinite(rule.kpi().max())
                          || Double.isInfinite(rule.kpi().min()))
                  ? Math.max(GAUGE_SPREAD_MIN, rule.gaugeSpreadFloor() * Math.abs(median))
                  : RATIO_SPREAD_FLOOR;
      double spread = Math.max(iqr / 1.349, floor);
      double ex = median + offset;
      double score = (up ? x - ex : ex - x) / spread;
      double expected = ratio ? ex : inverseAnscombe(ex);
      long t = p.start().toEpochMilli();
      // sustained scale: the mean score of this window and the previous sampled ones over the
      // horizon
      int k = rule.sustainedWindows();
      st.fitRecent(Math.max(0, k - 1));
      double sustained = Double.NEGATIVE_INFINITY;
      boolean sustainedVolume = false;
      if (k >= 2 && st.recentSize == k - 1) {
        double sum = score;
        double obs = v;
        double exp = expected;
        for (int i = 0; i < st.recentSize; i++) {
          sum += st.recentScore[i];
          obs += st.recentObserved[i];
          exp += st.recentExpected[i];
        }
        sustained = sum / k / AlertRule.SUSTAINED_FRACTION;
        sustainedVolume = volumeOk(rule, p, obs / k, exp / k, up);
      }
      double bar = decayed(rule, st.peak, st.peakAt, t);
      double sustainedBar = decayed(rule, st.sustainedPeak, st.sustainedPeakAt, t);
      if (st.open) {
        if (score < rule.resolveThreshold() && sustained < rule.threshold()) {
          if (st.calmSince == DetectorState.NONE) {
            st.calmSince = t;
          }
          if (t - st.calmSince >= RESOLVE_AFTER_WINDOWS * rule.windowLength().toMillis()) {
            out.add(
                resolved(
                    rule,
                    st,
                    p,
                    v,
                    expected,
                    score,
                    anomalyMessage(rule, p, v, expected, up, true)));
          }
        } else {
          st.calmSince = DetectorState.NONE;
        }
      } else if (st.cooldownUntil == DetectorState.NONE || t >= st.cooldownUntil) {
        boolean now =
            score >= rule.threshold() && score >= bar && volumeOk(rule, p, v, expected, up);
        boolean lasting =
            sustained >= rule.threshold() && sustained >= sustainedBar && sustainedVolume;
        if (now || lasting) {
          double top = Math.max(score, sustained);
          Severity sev =
              rule.severity() != null
                  ? rule.severity()
                  : top >= 2 * rule.threshold() ? Severity.CRITICAL : Severity.WARNING;
          out.add(
              fire(
                  rule,
                  st,
                  p,
                  v,
                  expected,
                  top,
                  sev,
                  anomalyMessage(rule, p, v, expected, up, false)
                      + (now
                          ? ""
                          : ", for " + Durations.format(rule.windowLength().multipliedBy(k)))));
        }
      }
      if (score > bar) {
        st.peak = score;
        st.peakAt = t;
      }
      if (sustained > sustainedBar) {
        st.sustainedPeak = sustained;
        st.sustainedPeakAt = t;
      }
      if (sample) {
        st.pushRecent(score, v, expected);
      }
      absorbed = Math.max(ex - CLIP * spread, Math.min(ex + CLIP * spread, x));
      int run = rule.levelShiftWindows();
      if (sample && run > 0) {
        // a level shift: every window of the run beyond the clipping band on one side
        int side = x > ex + CLIP * spread ? 1 : x < ex - CLIP * spread ? -1 : 0;
        st.shiftRun = side == 0 ? 0 : side == st.shiftSide ? st.shiftRun + 1 : 1;
        st.shiftSide = side;
        st.pushShift(x - offset, run);
        if (st.shiftRun >= run) {
          // the new level is the new normal: the baseline restarts from the run's own (unclipped)
          // windows,
          // and the peak bars and the sustained scale, measured against the old level, are
          // forgotten
          st.rebase();
          st.peakAt = DetectorState.NONE;
          st.sustainedPeakAt = DetectorState.NONE;
          st.recentSize = 0;
          st.shiftRun = 0;
          st.shiftSide = 0;
          learnSeason(rule, st, hour, day, x);
          st.samples++;
          return;
        }
      }
    }
    if (sample) {
      st.push(absorbed - offset);
      learnSeason(rule, st, hour, day, x);
      st.samples++;
    }
  }

  private static boolean volumeOk(
      AlertRule rule, KpiPoint p, double v, double expected, boolean up) {
    if (rule.ratioMetric()) {
      Double mentions = p.metric("mentions");
      return mentions == null || mentions >= rule.minCount();
    }
    return up
        ? v >= rule.minCount() && v >= expected * rule.minRatio()
        : expected >= rule.minCount() && v * rule.minRatio() <= expected;
  }

  private static double decayed(AlertRule rule, double peak, long peakAt, long t) {
    if (peakAt == DetectorState.NONE || rule.peakMemory().isZero()) {
      return Double.NEGATIVE_INFINITY;
    }
    double halfLives = (t - peakAt) / (double) rule.peakMemory().toMillis();
    return peak * Math.pow(0.5, Math.max(0, halfLives));
  }

  private static double seasonalOffset(AlertRule rule, DetectorState st, int hour, int day) {
    double off = 0;
    double windowSeconds = rule.windowLength().toSeconds();
    // a slot counts once it has seen a whole hour (a whole day): a half-seen day would skew the
    // profile
    if (rule.dailySeasonality() && allSeen(st.dailySeen, (int) Math.max(1, 3600 / windowSeconds))) {
      off += st.daily[hour] - mean(st.daily);
    }
    if (rule.weeklySeasonality()
        && allSeen(st.weeklySeen, (int) Math.max(1, 86400 / windowSeconds))) {
      off += st.weekly[day] - mean(st.weekly);
    }
    return off;
  }

  private static void learnSeason(AlertRule rule, DetectorState st, int hour, int day, double x) {
    double windowSeconds = rule.windowLength().toSeconds();
    if (rule.dailySeasonality()) {
      learnSlot(
          st.daily, st.dailySeen, hour, Math.max(1, 3600 / windowSeconds) * DAILY_MEMORY_DAYS, x);
    }
    if (rule.weeklySeasonality()) {
      learnSlot(
          st.weekly,
          st.weeklySeen,
          day,
          Math.max(1, 86400 / windowSeconds) * WEEKLY_MEMORY_WEEKS,
          x);
    }
  }

  /**
   * Moves one seasonal slot's mean towards {@code x}: an exponential average remembering about
   * {@code memory} windows of that slot, and a plain mean while the slot has seen fewer.
   */
  private static void learnSlot(double[] means, int[] seen, int slot, double memory, double x) {
    double alpha = 1 - Math.exp(-1 / memory);
    seen[slot]++;
    double a = Math.max(alpha, 1.0 / seen[slot]);
    means[slot] += a * (x - means[slot]);
  }

  /** Anscombe's transform: Poisson counts get a standard deviation of about 1 at every level. */
  static double anscombe(double count) {
    return 2 * Math.sqrt(Math.max(0, count) + 0.375);
  }

  static double inverseAnscombe(double y) {
    double h = y / 2;
    return Math.max(0, h * h - 0.375);
  }

  private static boolean allSeen(int[] seen, int min) {
    for (int s : seen) {
      if (s < min) {
        return false;
      }
    }
    return true;
  }

  private static double mean(double[] a) {
    double s = 0;
    for (double d : a) {
      s += d;
    }
    return s / a.length;
  }

  // ---------------------------------------------------------------- threshold

  private void threshold(AlertRule rule, DetectorState st, KpiPoint p, double v, List<Alert> out) {
    long t = p.start().toEpochMilli();
    boolean over = rule.above() != null && v > rule.above();
    boolean under = rule.below() != null && v < rule.below();
    double level =
        over
            ? rule.above()
            : under ? rule.below() : rule.above() != null ? rule.above() : rule.below();
    double score =
        over
            ? (v - level) / Math.max(Math.abs(level), 1e-9)
            : under ? (level - v) / Math.max(Math.abs(level), 1e-9) : 0;
    if (st.open) {
      if (!over && !under) {
        if (st.calmSince == DetectorState.NONE) {
          st.calmSince = t;
        }
        if (t - st.calmSince >= RESOLVE_AFTER_WINDOWS * rule.windowLength().toMillis()) {
          out.add(
              resolved(
                  rule,
                  st,
                  p,
                  v,
                  level,
                  score,
                  String.format(
                      Locale.ROOT,
                      "back to normal: %s %s %s in %s",
                      name(p),
                      rule.metric(),
                      fmt(v, rule),
                      rule.window())));
        }
      } else {
        st.calmSince = DetectorState.NONE;
      }
    } else if ((over || under)
        && (!rule.ratioMetric() || mentionsAtLeast(p, rule.minCount()))
        && (st.cooldownUntil == DetectorState.NONE || t >= st.cooldownUntil)) {
      Severity sev = rule.severity() != null ? rule.severity() : Severity.WARNING;
      out.add(
          fire(
              rule,
              st,
              p,
              v,
              level,
              score,
              sev,
              String.format(
                  Locale.ROOT,
                  "%s %s %s in %s, %s the threshold %s",
                  name(p),
                  rule.metric(),
                  fmt(v, rule),
                  rule.window(),
                  over ? "above" : "below",
                  fmt(level, rule))));
    }
  }

  private static boolean mentionsAtLeast(KpiPoint p, double min) {
    Double m = p.metric("mentions");
    return m == null || m >= min;
  }

  // ---------------------------------------------------------------- target pace

  private void pace(
      AlertRule rule, DetectorState st, KpiPoint p, double v, boolean sample, List<Alert> out) {
    Target any = rule.targetFor(p.brand());
    if (!sample || any == null) {
      return; // overlapping windows would count the same mentions twice
    }
    // a series of windows (backtest): the period's actual is the sum of its windows so far, in UTC
    Target.Period period = any.period();
    long ps = period.start(p.start().toEpochMilli(), ZoneOffset.UTC);
    LocalDate first = Instant.ofEpochMilli(ps).atZone(ZoneOffset.UTC).toLocalDate();
    Target target = Target.inForce(rule.targets(), p.brand(), rule.metric(), period, first);
    if (target == null) {
      return;
    }
    double total = (st.periodStart == ps ? st.periodTotal : 0) + v;
    TargetProgress progress =
        TargetProgress.of(
            target.value(), total, ps, period.end(ps, ZoneOffset.UTC), p.end().toEpochMilli());
    judgePace(rule, st, p, progress, period, out);
  }

  /** A fresh state for {@link #judgePace} (a pace check keeps no baseline). */
  public static DetectorState newPaceState() {
    return new DetectorState(0);
  }

  /**
   * The period of a pace check is over for good: an open alert resolves with the period's last
   * actual.
   */
  public static void closePace(AlertRule rule, DetectorState st, KpiPoint p, List<Alert> out) {
    if (st.open) {
      out.add(
          resolved(
              rule,
              st,
              p,
              st.periodTotal,
              Double.NaN,
              0,
              String.format(
                  Locale.ROOT,
                  "period closed: %s %s ended at %s of the %s target",
                  name(p),
                  rule.metric(),
                  fmt(st.periodTotal, rule),
                  fmt(st.periodTarget, rule))));
    }
  }

  /**
   * The start of the period a pace state tracks ({@code Long.MIN_VALUE} before the first check).
   */
  public static long pacePeriodStart(DetectorState st) {
    return st.periodStart;
  }

  /**
   * The pace check of a {@code target_pace} rule on the figures of a target period ({@link
   * TargetProgress}, the same as the {@code targets} output's), judged at the end of the window of
   * {@code p}: fires when at least {@link #PACE_MIN_ELAPSED} of the period is gone, the target is
   * not met and the actual falls short of {@code expected_by_now} by more than the rule's
   * tolerance; resolves when the shortfall is back under half the tolerance, the target is met, or
   * the period ends.
   */
  public static void judgePace(
      AlertRule rule,
      DetectorState st,
      KpiPoint p,
      TargetProgress progress,
      Target.Period period,
      List<Alert> out) {
    if (st.periodStart != progress.start()) {
      if (st.open) {
        out.add(
            resolved(
                rule,
                st,
                p,
                st.periodTotal,
                Double.NaN,
                0,
                String.format(
                    Locale.ROOT,
                    "period closed: %s %s ended at %s of the %s target",
                    name(p),
                    rule.metric(),
                    fmt(st.periodTotal, rule),
                    fmt(st.periodTarget, rule))));
      }
      st.periodStart = progress.start();
    }
    st.periodTotal = progress.actual();
    st.periodTarget = progress.target();
    double shortfall = progress.shortfall();
    long t = p.start().toEpochMilli();
    if (st.open) {
      if (progress.status() == TargetProgress.Status.MET || shortfall <= rule.paceTolerance() / 2) {
        out.add(
            resolved(
                rule,
                st,
                p,
                progress.actual(),
                progress.expectedByNow(),
                shortfall,
                String.format(
                    Locale.ROOT,
                    "back on pace: %s %s %s this %s, expected by now %s",
                    name(p),
                    rule.metric(),
                    fmt(progress.actual(), rule),
                    period.label(),
                    fmt(progress.expectedByNow(), rule))));
      }
    } else if (progress.elapsed() >= PACE_MIN_ELAPSED
        && progress.status() == TargetProgress.Status.BEHIND
        && shortfall > rule.paceTolerance()
        && (st.cooldownUntil == DetectorState.NONE || t >= st.cooldownUntil)) {
      Severity sev =
          rule.severity() != null
              ? rule.severity()
              : shortfall >= 2 * rule.paceTolerance() ? Severity.CRITICAL : Severity.WARNING;
      out.add(
          fire(
              rule,
              st,
              p,
              progress.actual(),
              progress.expectedByNow(),
              shortfall,
              sev,
              String.format(
                  Locale.ROOT,
                  "%s %s %s this %s, behind the %s expected by now toward the target %s (%d%% of the %s gone)",
                  name(p),
                  rule.metric(),
                  fmt(progress.actual(), rule),
                  period.label(),
                  fmt(progress.expectedByNow(), rule),
                  fmt(progress.target(), rule),
                  Math.round(100 * progress.elapsed()),
                  period.label())));
    }
  }

  // ---------------------------------------------------------------- alert records

  private static Alert fire(
      AlertRule rule,
      DetectorState st,
      KpiPoint p,
      double observed,
      double expected,
      double score,
      Severity sev,
      String message) {
    st.open = true;
    st.openStart = p.start().toEpochMilli();
    st.openEnd = p.end().toEpochMilli();
    st.calmSince = DetectorState.NONE;
    return new Alert(
        Alert.idOf(rule.id(), p.brand(), rule.window(), p.start()),
        Alert.Status.FIRING,
        rule.id(),
        rule.detector(),
        p.brand(),
        sev,
        rule.metric(),
        rule.window(),
        p.start(),
        p.end(),
        observed,
        expected,
        score,
        message,
        null,
        null,
        null);
  }

  private static Alert resolved(
      AlertRule rule,
      DetectorState st,
      KpiPoint p,
      double observed,
      double expected,
      double score,
      String message) {
    st.open = false;
    st.calmSince = DetectorState.NONE;
    st.cooldownUntil = p.start().toEpochMilli() + rule.cooldown().toMillis();
    Instant start = Instant.ofEpochMilli(st.openStart);
    Severity sev = rule.severity() != null ? rule.severity() : Severity.INFO;
    return new Alert(
        Alert.idOf(rule.id(), p.brand(), rule.window(), start),
        Alert.Status.RESOLVED,
        rule.id(),
        rule.detector(),
        p.brand(),
        sev,
        rule.metric(),
        rule.window(),
        start,
        Instant.ofEpochMilli(st.openEnd),
        observed,
        expected,
        score,
        message,
        null,
        null,
        p.end());
  }

  private static String anomalyMessage(
      AlertRule rule, KpiPoint p, double v, double expected, boolean up, boolean back) {
    String head =
        String.format(
            Locale.ROOT,
            "%s%s %s %s in %s",
            back ? "back to normal: " : "",
            name(p),
            rule.metric(),
            fmt(v, rule),
            rule.window());
    if (back) {
      return head + ", usual " + fmt(expected, rule);
    }
    if (rule.ratioMetric()) {
      return head + (up ? ", above the usual " : ", below the usual ") + fmt(expected, rule);
    }
    if (up) {
      return expected >= 0.5
          ? head
              + String.format(
                  Locale.ROOT, ", %.1fx the usual %s", v / expected, fmt(expected, rule))
          : head + ", usually about 0";
    }
    return head + ", down from the usual " + fmt(expected, rule);
  }

  private static String name(KpiPoint p) {
    return p.brandName();
  }

  static String fmt(double v, AlertRule rule) {
    if (rule.ratioMetric()) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    if (Math.abs(v) >= 10 || v == Math.rint(v)) {
      return String.format(Locale.ROOT, "%d", Math.round(v));
    }
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
