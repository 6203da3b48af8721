package dev.pantau.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Feeds hand-made series through a rule, as the job and the backtest do. */
final class Points {

  static final Instant T0 = Instant.parse("2026-11-02T00:00:00Z"); // a Monday

  final AlertRule rule;
  final RuleEvaluator evaluator = new RuleEvaluator();
  DetectorState state;
  final List<Alert> alerts = new ArrayList<>();

  Points(AlertRule rule) {
    this.rule = rule;
  }

  static KpiPoint point(
      String metric, Instant start, Duration length, double value, Map<String, Double> extra) {
    Map<String, Double> m = new HashMap<>(extra);
    m.put(metric, value);
    return new KpiPoint(
        "acme", "Acme", Durations.format(length), start, start.plus(length), "*", m);
  }

  /** Feeds one window starting at {@code start}; returns the alerts it produced. */
  List<Alert> feed(Instant start, double value) {
    return feed(start, value, Map.of());
  }

  List<Alert> feed(Instant start, double value, Map<String, Double> extra) {
    Evaluation e =
        evaluator.evaluate(
            rule, state, point(rule.metric(), start, rule.windowLength(), value, extra));
    state = e.state();
    alerts.addAll(e.alerts());
    return e.alerts();
  }

  /**
   * Feeds consecutive windows from {@code from}, one per value; returns the start after the last.
   */
  Instant feedAll(Instant from, double... values) {
    Instant t = from;
    for (double v : values) {
      feed(t, v);
      t = t.plus(rule.windowLength());
    }
    return t;
  }

  List<Alert> firing() {
    return alerts.stream().filter(Alert::firing).toList();
  }

  List<Alert> resolved() {
    return alerts.stream().filter(a -> !a.firing()).toList();
  }

  /**
   * Deterministic Poisson-like noise around a mean (a fixed-seed generator, so tests are
   * repeatable).
   */
  static double[] noisy(int n, double mean, long seed) {
    java.util.Random r = new java.util.Random(seed);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      // Knuth's method for small means, a rounded normal for large ones
      if (mean < 30) {
        double l = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
          k++;
          p *= r.nextDouble();
        } while (p > l);
        out[i] = k - 1;
      } else {
        out[i] = Math.max(0, Math.round(mean + Math.sqrt(mean) * r.nextGaussian()));
      }
    }
    return out;
  }
}
