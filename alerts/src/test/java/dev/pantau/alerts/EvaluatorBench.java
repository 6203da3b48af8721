package dev.pantau.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Throughput and state-size figures of the spike evaluator (a main() harness, not a test):
 * {@code java -cp alerts/target/classes:alerts/target/test-classes:$(cat alerts/target/eval-classpath.txt) dev.pantau.alerts.EvaluatorBench}
 */
public final class EvaluatorBench {

  public static void main(String[] args) {
    int keys = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int pointsPerKey = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    AlertRule rule = AlertRule.builder("spike").metric("mentions").window("5m").detector(DetectorType.SPIKE).build();
    RuleEvaluator ev = new RuleEvaluator();
    DetectorState[] states = new DetectorState[keys];
    double[] noise = Points.noisy(pointsPerKey, 40, 1);
    Duration w = rule.windowLength();
    for (int round = 0; round < 2; round++) { // the first round warms the JIT up
      java.util.Arrays.fill(states, null);
      long alerts = 0;
      long t0 = System.nanoTime();
      for (int i = 0; i < pointsPerKey; i++) {
        Instant start = Points.T0.plus(w.multipliedBy(i));
        KpiPoint p = new KpiPoint("b", "b", "5m", start, start.plus(w), "*", Map.of("mentions", noise[i]));
        for (int k = 0; k < keys; k++) {
          Evaluation e = ev.evaluate(rule, states[k], p);
          states[k] = e.state();
          alerts += e.alerts().size();
        }
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      long n = (long) keys * pointsPerKey;
      System.out.printf("round %d: %,d points over %,d keys in %.2f s = %,.0f points/s (%.1f us/point), %d alerts%n",
          round, n, keys, secs, n / secs, secs * 1e6 / n, alerts);
    }
    System.out.printf("state of a spike key after %d windows: %,d bytes (toBytes), baseline capacity %d windows%n",
        pointsPerKey, states[0].toBytes().length, rule.baselineWindows());
  }
}
