package dev.pantau.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {

  private static AlertRule.Builder spike() {
    return AlertRule.builder("spike").metric("mentions").window("5m").detector(DetectorType.SPIKE);
  }

  private static final Duration W = Duration.ofMinutes(5);

  @Test
  void spikeFiresWithSpecFieldsAndResolvesWithTheSameId() {
    Points p = new Points(spike().build());
    Instant t = p.feedAll(Points.T0, Points.noisy(300, 100, 1));
    Instant spikeAt = t;
    t = p.feedAll(t, 520, 480, 100, 98, 103, 101, 99);
    assertThat(p.firing()).hasSize(1);
    Alert a = p.firing().get(0);
    assertThat(a.id()).isEqualTo("spike|acme|5m|" + Alert.TIME.format(spikeAt));
    assertThat(a.start()).isEqualTo(spikeAt);
    assertThat(a.end()).isEqualTo(spikeAt.plus(W));
    assertThat(a.observed()).isEqualTo(520);
    assertThat(a.expected()).isBetween(90.0, 110.0);
    assertThat(a.score()).isGreaterThanOrEqualTo(5);
    assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(a.message()).startsWith("Acme mentions 520 in 5m, 5.").contains("x the usual 10");
    assertThat(p.resolved()).hasSize(1);
    Alert r = p.resolved().get(0);
    assertThat(r.id()).isEqualTo(a.id());
    assertThat(r.start()).isEqualTo(a.start());
    assertThat(r.resolvedAt()).isAfter(spikeAt.plus(W));
    assertThat(r.message()).startsWith("back to normal: Acme mentions");
    assertThat(a.toJson())
        .contains("\"status\":\"firing\"", "\"observed\":520", "\"type\":\"spike\"");
  }

  @Test
  void noAlertDuringWarmUp() {
    AlertRule rule = spike().warmupWindows(20).build();
    Points p = new Points(rule);
    p.feedAll(Points.T0, 10, 11, 9, 10, 10, 12, 9, 10, 5000, 10, 11, 10);
    assertThat(p.alerts).isEmpty();
    // the same jump after warm-up fires
    Instant t = p.feedAll(Points.T0.plus(W.multipliedBy(12)), Points.noisy(30, 10, 2));
    assertThat(p.feed(t, 5000)).hasSize(1);
  }

  @Test
  void quietBrandZeroVersusTwoNeverAlerts() {
    Points p = new Points(spike().build());
    double[] v = new double[2000];
    for (int i = 0; i < v.length; i++) {
      v[i] = i % 37 == 0 ? 2 : i % 11 == 0 ? 1 : 0; // mostly zero, now and then 1 or 2
    }
    v[1500] = 3;
    v[1700] = 4;
    p.feedAll(Points.T0, v);
    assertThat(p.alerts).isEmpty();
  }

  @Test
  void quietBrandStillAlertsOnARealBurst() {
    Points p = new Points(spike().build());
    double[] v = Points.noisy(1000, 0.3, 3);
    Instant t = p.feedAll(Points.T0, v);
    assertThat(p.alerts).isEmpty();
    assertThat(p.feed(t, 25)).hasSize(1);
  }

  @Test
  void largeBrandNoiseIsNotASpikeButAJumpIs() {
    Points p = new Points(spike().build());
    Instant t = p.feedAll(Points.T0, Points.noisy(1000, 5000, 4));
    assertThat(p.alerts).isEmpty();
    assertThat(p.feed(t, 6500)).hasSize(1);
  }

  @Test
  void dropFiresWhenMentionsStopAndNotForAQuietSeries() {
    AlertRule rule =
        AlertRule.builder("drop")
            .metric("mentions")
            .window("5m")
            .detector(DetectorType.DROP)
            .build();
    Points busy = new Points(rule);
    Instant t = busy.feedAll(Points.T0, Points.noisy(300, 60, 5));
    busy.feedAll(t, 0, 0, 0);
    assertThat(busy.firing()).hasSize(1);
    assertThat(busy.firing().get(0).message()).contains("down from the usual");
    assertThat(busy.firing().get(0).type()).isEqualTo(DetectorType.DROP);

    Points quiet = new Points(rule);
    t = quiet.feedAll(Points.T0, Points.noisy(300, 2, 6));
    quiet.feedAll(t, 0, 0, 0, 0, 0, 0);
    assertThat(quiet.alerts).as("expected volume below min_count").isEmpty();
  }

  @Test
  void sensitivityPresetsOrderTheNumberOfAlerts() {
    double[] v = Points.noisy(3000, 40, 7);
    for (int i = 400; i < v.length; i += 97) {
      v[i] = 40 + (i % 5 + 1) * 12; // spikes of +12 .. +60
    }
    int[] counts = new int[3];
    Sensitivity[] s = {Sensitivity.LOW, Sensitivity.BALANCED, Sensitivity.HIGH};
    for (int i = 0; i < 3; i++) {
      Points p =
          new Points(
              spike().sensitivity(s[i]).peakMemory(Duration.ZERO).cooldown(Duration.ZERO).build());
      p.feedAll(Points.T0, v);
      counts[i] = p.firing().size();
    }
    assertThat(counts[0]).isLessThan(counts[1]);
    assertThat(counts[1]).isLessThan(counts[2]);
    // an explicit threshold overrides the preset
    AlertRule explicit = spike().sensitivity(Sensitivity.HIGH).threshold(6.5).build();
    assertThat(explicit.threshold()).isEqualTo(6.5);
  }

  @Test
  void cooldownHoldsBackARepeatAfterResolve() {
    AlertRule rule =
        spike()
            .cooldown(Duration.ofHours(1))
            .peakMemory(Duration.ZERO)
            .sustained(Duration.ZERO)
            .build();
    Points p = new Points(rule);
    Instant t = p.feedAll(Points.T0, Points.noisy(300, 50, 8));
    t = p.feedAll(t, 400, 50, 50, 50); // fires, then resolves
    assertThat(p.firing()).hasSize(1);
    assertThat(p.resolved()).hasSize(1);
    t = p.feedAll(t, 50, 400, 50, 50, 50); // within the hour: held back
    assertThat(p.firing()).hasSize(1);
    t = p.feedAll(t, Points.noisy(12, 50, 9)); // an hour later
    p.feedAll(t, 400);
    assertThat(p.firing()).hasSize(2);
  }

  @Test
  void peakMemoryAsksTheNextSpikeToBeBigger() {
    AlertRule rule = spike().cooldown(Duration.ZERO).sustained(Duration.ZERO).build();
    Points p = new Points(rule);
    Instant t = p.feedAll(Points.T0, Points.noisy(300, 50, 10));
    t = p.feedAll(t, 800, 50, 50, 50, 50);
    t = p.feedAll(t, 300, 50, 50, 50, 50); // smaller, a few minutes later: not news
    assertThat(p.firing()).hasSize(1);
    p.feedAll(t, 2000);
    assertThat(p.firing()).hasSize(2);
  }

  @Test
  void levelShiftRebasesTheBaselineAndArmsTheDetectorAgain() {
    // 50 a window, then a new level of 200 for 12 hours, then a spike on top of the new level
    double[] level = new double[144];
    Arrays.fill(level, 200);
    Points shifted = new Points(spike().build()); // level_shift 6h by default
    Instant t = shifted.feedAll(Points.T0, Points.noisy(1000, 50, 21));
    Instant afterLevel = shifted.feedAll(t, level);
    assertThat(shifted.firing()).hasSize(1);
    assertThat(shifted.resolved()).as("after 6h the new level is the normal").hasSize(1);
    assertThat(shifted.resolved().get(0).resolvedAt()).isBefore(t.plus(Duration.ofHours(7)));
    // the state mid-run survives the compact form: a copy decides as the original
    DetectorState copy = DetectorState.fromBytes(shifted.state.toBytes());
    assertThat(copy.toBytes()).isEqualTo(shifted.state.toBytes());
    shifted.feedAll(afterLevel, 600);
    assertThat(shifted.firing()).as("a spike above the new level is news").hasSize(2);
    assertThat(shifted.firing().get(1).expected()).isBetween(180.0, 220.0);

    Points stuck = new Points(spike().levelShift(Duration.ZERO).build());
    t = stuck.feedAll(Points.T0, Points.noisy(1000, 50, 21));
    stuck.feedAll(stuck.feedAll(t, level), 600);
    assertThat(stuck.firing()).as("without it the first alert never resolves").hasSize(1);
    assertThat(stuck.resolved()).isEmpty();
  }

  @Test
  void levelShiftNeedsEveryWindowOfTheRunOutOfBand() {
    Points p = new Points(spike().build());
    Instant t = p.feedAll(Points.T0, Points.noisy(1000, 50, 22));
    for (int i = 0; i < 100; i++) { // out of band, back, out again: never 6h on end
      t = p.feedAll(t, i % 50 == 49 ? 50 : 200);
    }
    assertThat(p.resolved()).isEmpty();
    assertThat(p.state.shiftRun).isLessThan(p.rule.levelShiftWindows());
  }

  @Test
  void aGaugeWithoutARangeGetsARelativeSpreadFloor() {
    // CPU-like values around 0.1: a 30% rise is a change for a gauge; on a bounded ratio such as
    // sentiment.mean the absolute floor of 0.05 rightly calls it noise
    KpiMetrics metrics =
        KpiMetrics.STANDARD.with(KpiMetric.ratio("cpu", 0, Double.POSITIVE_INFINITY));
    for (String metric : List.of("cpu", "sentiment.mean")) {
      Points p =
          new Points(
              AlertRule.builder("g")
                  .metrics(metrics)
                  .metric(metric)
                  .window("5m")
                  .detector(DetectorType.SPIKE)
                  .build());
      java.util.Random r = new java.util.Random(23);
      Instant t = Points.T0;
      for (int i = 0; i < 600; i++) {
        p.feed(t, 0.1 + 0.002 * r.nextGaussian());
        t = t.plus(W);
      }
      assertThat(p.alerts).isEmpty();
      p.feed(t, 0.13);
      assertThat(p.firing()).as(metric).hasSize(metric.equals("cpu") ? 1 : 0);
    }
  }

  @Test
  void sustainedRiseFiresWhereNoSingleWindowWould() {
    // the mechanism at explicit settings (threshold 5, a 2h horizon), not at whatever the defaults
    // are
    Points p = new Points(spike().threshold(5).sustained(Duration.ofHours(2)).build());
    Instant t = p.feedAll(Points.T0, Points.noisy(600, 20, 11));
    double[] raised = new double[30];
    Arrays.fill(
        raised, 46); // 2.3x for 2.5 hours: each window ~4 spreads up, below the threshold of 5
    p.feedAll(t, raised);
    assertThat(p.firing()).hasSize(1);
    assertThat(p.firing().get(0).message()).contains(", for 2h");

    Points single = new Points(spike().threshold(5).sustained(Duration.ZERO).build());
    t = single.feedAll(Points.T0, Points.noisy(600, 20, 11));
    single.feedAll(t, raised);
    assertThat(single.firing()).as("no single window of the rise is extreme").isEmpty();
  }

  @Test
  void dailySeasonalityExpectsTheDaytimeRise() {
    double[] v = new double[288 * 9];
    java.util.Random r = new java.util.Random(13);
    for (int i = 0; i < v.length; i++) {
      int hour = (i / 12) % 24;
      double mean = hour >= 10 && hour < 16 ? 200 : 15;
      v[i] = Math.max(0, Math.round(mean + Math.sqrt(mean) * r.nextGaussian()));
    }
    // no peak memory, so every daily rise the detector does not expect shows as an alert
    Points seasonal = new Points(spike().peakMemory(Duration.ZERO).build());
    Instant t = seasonal.feedAll(Points.T0, v);
    // and no level shift: after two 6-hour rises a flat baseline rebased on them spans both levels,
    // and its
    // wide spread, not a profile, would keep it quiet
    Points flat =
        new Points(
            spike()
                .peakMemory(Duration.ZERO)
                .seasonality(false, false)
                .levelShift(Duration.ZERO)
                .build());
    flat.feedAll(Points.T0, v);
    Instant dayTwo =
        Points.T0.plus(Duration.ofDays(2)); // the profile needs a day to learn the hours
    assertThat(seasonal.firing()).filteredOn(a -> a.start().isAfter(dayTwo)).isEmpty();
    assertThat(flat.firing())
        .filteredOn(a -> a.start().isAfter(dayTwo))
        .as("without a daily profile each late-morning rise looks like a spike")
        .hasSizeGreaterThanOrEqualTo(4);
    // at 03:00 a daytime level is a spike for the seasonal detector
    seasonal.feedAll(t, Arrays.copyOf(v, 36));
    assertThat(seasonal.feed(t.plus(Duration.ofHours(3)), 200)).hasSize(1);
  }

  @Test
  void slidingWindowsFireOnTheFirstOverlappingWindowAndKeepStateBounded() {
    AlertRule rule = spike().build();
    RuleEvaluator ev = new RuleEvaluator();
    DetectorState st = null;
    java.util.Random r = new java.util.Random(14);
    Instant t = Points.T0;
    // a 5m window every minute: each minute holds ~10 mentions, so a window ~50
    double[] perMinute = new double[60 * 24 * 4];
    for (int i = 0; i < perMinute.length; i++) {
      perMinute[i] = Math.max(0, Math.round(10 + Math.sqrt(10) * r.nextGaussian()));
    }
    int burst = perMinute.length - 30;
    for (int i = burst; i < perMinute.length; i++) {
      perMinute[i] = 80; // the burst starts here
    }
    Alert first = null;
    for (int i = 4; i < perMinute.length && first == null; i++) {
      double window = 0;
      for (int j = i - 4; j <= i; j++) {
        window += perMinute[j];
      }
      Instant start = t.plus(Duration.ofMinutes(i - 4));
      Evaluation e =
          ev.evaluate(
              rule, st, Points.point("mentions", start, Duration.ofMinutes(5), window, Map.of()));
      st = e.state();
      if (!e.alerts().isEmpty()) {
        first = e.alerts().get(0);
      }
    }
    assertThat(first).isNotNull();
    Instant burstStart = t.plus(Duration.ofMinutes(burst));
    // the window that fired ends at most 2 minutes after the burst began: no wait for a tumbling
    // window
    assertThat(first.end())
        .isBetween(burstStart.plus(Duration.ofMinutes(1)), burstStart.plus(Duration.ofMinutes(2)));
    assertThat(st.ring.length).isEqualTo(rule.baselineWindows());
    assertThat(st.samples()).isLessThanOrEqualTo(perMinute.length / 5 + 1);
  }

  @Test
  void stateIsSerializableAndSmall() throws Exception {
    Points p = new Points(spike().build());
    p.feedAll(Points.T0, Points.noisy(5000, 30, 15));
    byte[] compact = p.state.toBytes(); // before evaluate() below updates the state in place
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(p.state);
    }
    assertThat(bytes.size()).isLessThan(12_000);
    DetectorState copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (DetectorState) in.readObject();
    }
    // the restored state decides exactly as the original
    Instant next = Points.T0.plus(W.multipliedBy(5000));
    KpiPoint spikePoint = Points.point("mentions", next, W, 400, Map.of());
    List<Alert> a = new RuleEvaluator().evaluate(p.rule, p.state, spikePoint).alerts();
    List<Alert> b = new RuleEvaluator().evaluate(p.rule, copy, spikePoint).alerts();
    assertThat(b).isEqualTo(a).hasSize(1);
    // the compact binary form decides the same too, and is smaller than Java serialization
    assertThat(compact.length).isLessThan(bytes.size());
    List<Alert> c =
        new RuleEvaluator().evaluate(p.rule, DetectorState.fromBytes(compact), spikePoint).alerts();
    assertThat(c).isEqualTo(a);
    assertThat(DetectorState.fromBytes(compact).toBytes()).isEqualTo(compact);
  }

  @Test
  void thresholdAndPaceStateHoldNoBaseline() {
    AlertRule rule =
        AlertRule.builder("neg")
            .metric("mentions")
            .window("1h")
            .detector(DetectorType.THRESHOLD)
            .above(5.0)
            .build();
    Points p = new Points(rule);
    p.feedAll(Points.T0, 1, 2, 3);
    assertThat(p.state.ring).isEmpty();
    assertThat(p.state.toBytes().length).isLessThan(600);
  }

  @Test
  void sentimentNetDipIsADropOnARatioMetric() {
    AlertRule rule =
        AlertRule.builder("net-dip")
            .metric("sentiment.net")
            .window("1h")
            .detector(DetectorType.DROP)
            .build();
    Points p = new Points(rule);
    java.util.Random r = new java.util.Random(16);
    Instant t = Points.T0;
    for (int i = 0; i < 200; i++) {
      p.feed(t, 0.3 + 0.05 * r.nextGaussian(), Map.of("mentions", 100.0));
      t = t.plus(Duration.ofHours(1));
    }
    assertThat(p.alerts).isEmpty();
    p.feed(t, -0.4, Map.of("mentions", 5.0));
    assertThat(p.alerts).as("too few mentions for a ratio metric").isEmpty();
    p.feed(t.plus(Duration.ofHours(1)), -0.4, Map.of("mentions", 120.0));
    assertThat(p.firing()).hasSize(1);
    assertThat(p.firing().get(0).message())
        .matches("Acme sentiment\\.net -0\\.40 in 1h, below the usual 0\\.(29|30|31)");
  }

  @Test
  void thresholdFiresAboveAndResolvesBelow() {
    AlertRule rule =
        AlertRule.builder("neg")
            .metric("sentiment.negative")
            .window("1h")
            .detector(DetectorType.THRESHOLD)
            .above(25.0)
            .severity(Severity.CRITICAL)
            .build();
    Points p = new Points(rule);
    Instant t = p.feedAll(Points.T0, 10, 12, 30, 40, 20, 10, 10);
    assertThat(p.firing())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.observed()).isEqualTo(30);
              assertThat(a.expected()).isEqualTo(25);
              assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(a.message())
                  .isEqualTo("Acme sentiment.negative 30 in 1h, above the threshold 25");
            });
    assertThat(p.resolved()).hasSize(1);
    assertThat(t).isAfter(Points.T0);
  }

  @Test
  void targetPaceAlertsWhenTheMonthFallsBehind() {
    Target target = new Target("acme", "mentions", Target.Period.MONTH, 600);
    AlertRule rule =
        AlertRule.builder("pace")
            .metric("mentions")
            .window("1d")
            .detector(DetectorType.TARGET_PACE)
            .targets(List.of(target))
            .build();
    Instant nov1 = Instant.parse("2026-11-01T00:00:00Z");
    Points onPace = new Points(rule);
    double[] twenty = new double[30];
    Arrays.fill(twenty, 20);
    onPace.feedAll(nov1, twenty);
    assertThat(onPace.alerts).isEmpty();

    Points behind = new Points(rule);
    double[] ten = new double[10];
    Arrays.fill(ten, 10);
    behind.feedAll(nov1, ten);
    assertThat(behind.firing())
        .singleElement()
        .satisfies(
            a ->
                assertThat(a.message())
                    .startsWith(
                        "Acme mentions 30 this month, behind the 60 expected by now toward the target 600"));
    // catching up resolves it
    behind.feedAll(nov1.plus(Duration.ofDays(10)), 200);
    assertThat(behind.resolved()).hasSize(1);
  }

  @Test
  void targetPaceJudgesEachMonthAgainstTheEntryInForceFromItsFirstDay() {
    List<Target> raised =
        List.of(
            new Target(
                "acme",
                "mentions",
                Target.Period.MONTH,
                600,
                java.time.LocalDate.parse("2026-10-01")),
            new Target(
                "acme",
                "mentions",
                Target.Period.MONTH,
                1200,
                java.time.LocalDate.parse("2026-11-01")));
    AlertRule rule =
        AlertRule.builder("pace")
            .metric("mentions")
            .window("1d")
            .detector(DetectorType.TARGET_PACE)
            .targets(raised)
            .build();
    // 20 a day is on pace for October's 600 (30 days of 31) but half of November's 1200
    Points october = new Points(rule);
    double[] twenty = new double[10];
    Arrays.fill(twenty, 20);
    october.feedAll(Instant.parse("2026-10-01T00:00:00Z"), twenty);
    assertThat(october.alerts).isEmpty();
    Points november = new Points(rule);
    november.feedAll(Instant.parse("2026-11-01T00:00:00Z"), twenty);
    assertThat(november.firing())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.observed()).isEqualTo(60);
              assertThat(a.expected())
                  .isCloseTo(1200 * 3 / 30.0, org.assertj.core.data.Offset.offset(1e-9));
            });
  }

  @Test
  void revisionsOfPastWindowsAreIgnored() {
    Points p = new Points(spike().build());
    Instant t = p.feedAll(Points.T0, Points.noisy(100, 20, 17));
    long samples = p.state.samples();
    p.feed(Points.T0.plus(W.multipliedBy(50)), 9999);
    assertThat(p.alerts).isEmpty();
    assertThat(p.state.samples()).isEqualTo(samples);
    assertThat(t).isAfter(Points.T0);
  }
}
