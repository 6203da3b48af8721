package dev.pantau.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * Throughput and state-size figures of the spike evaluator (a main() harness, not a test): {@code
 * java -cp alerts/target/classes:alerts/target/test-classes:$(cat alerts/target/eval-classpath.txt)
 * dev.pantau.alerts.EvaluatorBench [KEYS] [POINTS]}
 *
 * <p>In the same run, interleaved round by round so a busy machine slows all of them alike, it
 * times three detectors on the same points: the shipped defaults (a rule with only its required
 * fields), the defaults of the first cross-validation round (no level shift), and the plain
 * median/MAD baseline (a trailing 864-window median and MAD, sorted per point, on a twentieth of
 * the keys: it is that much slower). It prints each one's points per second on one core, the ratios
 * to the two references, and whether the shipped defaults meet the evaluator's budget of 40,000
 * points/s.
 */
public final class EvaluatorBench {

  /** The evaluator's budget on one core (issue 17). */
  static final double BUDGET = 40_000;

  public static void main(String[] args) {
    int keys = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int pointsPerKey = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
    AlertRule shipped =
        AlertRule.builder("spike")
            .metric("mentions")
            .window("5m")
            .detector(DetectorType.SPIKE)
            .build();
    AlertRule round1 =
        AlertRule.builder("spike")
            .metric("mentions")
            .window("5m")
            .detector(DetectorType.SPIKE)
            .levelShift(Duration.ZERO)
            .build();
    double[] noise = Points.noisy(pointsPerKey, 40, 1);
    KpiPoint[] points = new KpiPoint[pointsPerKey];
    Duration w = shipped.windowLength();
    for (int i = 0; i < pointsPerKey; i++) {
      Instant start = Points.T0.plus(w.multipliedBy(i));
      points[i] =
          new KpiPoint("b", "b", "5m", start, start.plus(w), "*", Map.of("mentions", noise[i]));
    }
    long n = (long) keys * pointsPerKey;
    double[] best = new double[3];
    DetectorState[] last = null;
    for (int round = 0; round < 4; round++) { // round 0 warms the JIT up and is not counted
      double[] rate = new double[3];
      last = new DetectorState[keys];
      rate[0] = n / rule(shipped, points, keys, last);
      rate[1] = n / rule(round1, points, keys, new DetectorState[keys]);
      int madKeys = Math.max(1, keys / 20); // the slow reference on a twentieth of the keys
      rate[2] = (double) madKeys * pointsPerKey / mad(noise, madKeys, shipped.baselineWindows());
      if (round > 0) {
        for (int k = 0; k < 3; k++) {
          best[k] = Math.max(best[k], rate[k]);
        }
      }
    }
    System.out.printf(
        "points: %,d (%,d keys x %,d windows of noisy counts), best of 3 interleaved rounds, one core%n",
        n, keys, pointsPerKey);
    System.out.printf("  shipped defaults (level shift 6h):   %,12.0f points/s%n", best[0]);
    System.out.printf(
        "  CV round 1 defaults (no shift):      %,12.0f points/s   shipped/round1 = %.2f%n",
        best[1], best[0] / best[1]);
    System.out.printf(
        "  median/MAD baseline (sort per point):%,12.0f points/s   shipped/MAD    = %.2f%n",
        best[2], best[0] / best[2]);
    System.out.printf(
        "  budget %,.0f points/s: %s (%.1fx)%n",
        BUDGET, best[0] >= BUDGET ? "met" : "NOT MET", best[0] / BUDGET);
    System.out.printf(
        "state of a spike key after %d windows: %,d bytes (toBytes), baseline capacity %d windows%n",
        pointsPerKey, last[0].toBytes().length, shipped.baselineWindows());
  }

  /** Seconds to evaluate every point for every key. */
  private static double rule(AlertRule rule, KpiPoint[] points, int keys, DetectorState[] states) {
    RuleEvaluator ev = new RuleEvaluator();
    long alerts = 0;
    long t0 = System.nanoTime();
    for (KpiPoint p : points) {
      for (int k = 0; k < keys; k++) {
        Evaluation e = ev.evaluate(rule, states[k], p);
        states[k] = e.state();
        alerts += e.alerts().size();
      }
    }
    sink += alerts;
    return (System.nanoTime() - t0) / 1e9;
  }

  /**
   * Seconds for the plain baseline: robust z of each value against the trailing {@code cap} values.
   */
  private static double mad(double[] values, int keys, int cap) {
    double[][] ring = new double[keys][cap];
    int[] size = new int[keys];
    double[] buf = new double[cap];
    long fired = 0;
    long t0 = System.nanoTime();
    for (int i = 0; i < values.length; i++) {
      for (int k = 0; k < keys; k++) {
        int m = size[k];
        if (m >= 36) {
          System.arraycopy(ring[k], 0, buf, 0, m);
          Arrays.sort(buf, 0, m);
          double med = (buf[(m - 1) / 2] + buf[m / 2]) / 2;
          for (int j = 0; j < m; j++) {
            buf[j] = Math.abs(buf[j] - med);
          }
          Arrays.sort(buf, 0, m);
          double mad = Math.max(1.4826 * (buf[(m - 1) / 2] + buf[m / 2]) / 2, 1e-9);
          if ((values[i] - med) / mad >= 8) {
            fired++;
          }
        }
        ring[k][i % cap] = values[i];
        size[k] = Math.min(cap, m + 1);
      }
    }
    sink += fired;
    return (System.nanoTime() - t0) / 1e9;
  }

  static volatile long sink;
}
