package dev.pantau.alerts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Tumbling versus sliding evaluation on a real series (a main() harness, not a test): each 5-minute
 * count of a {@code timestamp,value} CSV is spread over its 5 minutes at random (fixed seed), then
 * the default spike rule runs once on the tumbling 5m windows and once on 5m windows sliding by 1
 * minute. Prints how many alerts each raised and, for each tumbling alert, how much earlier the
 * sliding run fired. {@code java -cp alerts/target/classes:alerts/target/test-classes:$(cat
 * alerts/target/eval-classpath.txt) dev.pantau.alerts.SlidingCheck FILE.csv...}
 */
public final class SlidingCheck {

  public static void main(String[] args) throws Exception {
    AlertRule rule =
        AlertRule.builder("spike")
            .metric("mentions")
            .window("5m")
            .detector(DetectorType.SPIKE)
            .build();
    for (String file : args) {
      List<Instant> starts = new ArrayList<>();
      List<Long> counts = new ArrayList<>();
      for (String line :
          Files.readAllLines(Path.of(file)).subList(1, Files.readAllLines(Path.of(file)).size())) {
        String[] f = line.split(",");
        starts.add(Backtest.parseTime(f[0]));
        counts.add(Math.round(Double.parseDouble(f[1])));
      }
      Random r = new Random(42);
      long[] perMinute = new long[counts.size() * 5];
      for (int i = 0; i < counts.size(); i++) {
        for (long c = 0; c < counts.get(i); c++) {
          perMinute[i * 5 + r.nextInt(5)]++;
        }
      }
      List<Alert> tumbling = run(rule, starts.get(0), perMinute, 5);
      List<Alert> sliding = run(rule, starts.get(0), perMinute, 1);
      List<Long> leads = new ArrayList<>();
      for (Alert t : tumbling) {
        // the sliding alert of the same episode: the last one firing at or before the tumbling one,
        // within 2h
        Alert best = null;
        for (Alert s : sliding) {
          if (!s.end().isAfter(t.end()) && Duration.between(s.end(), t.end()).toMinutes() <= 120) {
            best = s;
          }
        }
        if (best != null) {
          leads.add(Duration.between(best.end(), t.end()).toMinutes());
        }
      }
      leads.sort(null);
      double mean = leads.stream().mapToLong(Long::longValue).average().orElse(Double.NaN);
      System.out.printf(
          "%s: tumbling %d alerts, sliding %d alerts; %d of the tumbling ones had a sliding alert first, "
              + "earlier by mean %.1f min (median %s, max %s)%n",
          Path.of(file).getFileName(),
          tumbling.size(),
          sliding.size(),
          leads.size(),
          mean,
          leads.isEmpty() ? "-" : leads.get(leads.size() / 2),
          leads.isEmpty() ? "-" : leads.get(leads.size() - 1));
    }
  }

  private static List<Alert> run(AlertRule rule, Instant t0, long[] perMinute, int step) {
    RuleEvaluator ev = new RuleEvaluator();
    DetectorState st = null;
    List<Alert> firing = new ArrayList<>();
    for (int m = 0; m + 5 <= perMinute.length; m += step) {
      long sum = 0;
      for (int j = m; j < m + 5; j++) {
        sum += perMinute[j];
      }
      Instant start = t0.plus(Duration.ofMinutes(m));
      Evaluation e =
          ev.evaluate(
              rule,
              st,
              new KpiPoint(
                  "b",
                  "b",
                  "5m",
                  start,
                  start.plus(rule.windowLength()),
                  "*",
                  Map.of("mentions", (double) sum)));
      st = e.state();
      e.alerts().stream().filter(Alert::firing).forEach(firing::add);
    }
    return firing;
  }
}
