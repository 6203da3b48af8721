package dev.pantau.flink.job.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pantau.alerts.AlertRule;
import dev.pantau.alerts.DetectorType;
import dev.pantau.alerts.Target;
import dev.pantau.flink.job.alert.AlertEvent;
import dev.pantau.flink.job.kpi.KpiFields;
import dev.pantau.flink.job.kpi.KpiRecord;
import dev.pantau.flink.job.kpi.WindowSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TrackTargets} on a harness: progress per the SPEC's definitions, revisions, pace alerts,
 * no state left.
 */
class TrackTargetsTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");
  private static final long H = 3_600_000;

  /** Monday 2 March 2026, 00:00 in Jakarta. */
  private static final long WEEK = Instant.parse("2026-03-01T17:00:00Z").toEpochMilli();

  private KeyedOneInputStreamOperatorTestHarness<String, KpiRecord, TargetRecord> harness;

  @BeforeEach
  void setUp() throws Exception {
    List<Target> targets =
        List.of(
            new Target("acme", "mentions", Target.Period.WEEK, 70, LocalDate.parse("2026-02-23")),
            new Target("acme", "mentions", Target.Period.WEEK, 168, LocalDate.parse("2026-03-02")));
    AlertRule pace =
        AlertRule.builder("pace")
            .metric("mentions")
            .window("1d")
            .detector(DetectorType.TARGET_PACE)
            .targets(targets)
            .build();
    TrackTargets fn =
        new TrackTargets(
            targets,
            List.of(pace),
            WindowSpec.parse("1h", ZONE),
            ZONE.getId(),
            Duration.ofHours(1),
            KpiFields.STANDARD);
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(fn), r -> r.brand, Types.STRING);
    harness.open();
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  @Test
  void progressIsRevisedOnEveryChangeAndTheStateGoesAfterThePeriod() throws Exception {
    // 0.5 mentions an hour against the raised target of 1 an hour (168 a week): behind
    for (int h = 0; h < 30; h++) {
      hour(h, h % 2 == 0 ? 1 : 0, 1);
      harness.processWatermark(WEEK + (h + 1) * H - 1);
    }
    List<TargetRecord> out = harness.extractOutputValues();
    // the first hour, then every hour with a mention (the 15 even ones); never an unchanged actual
    assertThat(out).hasSize(15);
    TargetRecord last = out.get(out.size() - 1);
    assertThat(last.target).isEqualTo(168);
    assertThat(last.actual).isEqualTo(15);
    assertThat(last.asOf).isEqualTo(WEEK + 29 * H);
    assertThat(last.expectedByNow).isCloseTo(168 * 29.0 / 168, within(1e-9));
    assertThat(last.pace).isCloseTo(15 / 29.0, within(1e-9));
    assertThat(last.status).isEqualTo("behind");
    assertThat(out)
        .extracting(t -> t.revision)
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);

    // a late revision of hour 28 (1 -> 3 mentions) replaces its value: +2, not +3
    hour(28, 3, 2);
    assertThat(harness.extractOutputValues().get(15).actual).isEqualTo(17);

    // the day's end judged the pace: more than 10% of the week gone, far behind: the alert has the
    // figures
    List<AlertEvent> alerts =
        harness.getSideOutput(TrackTargets.PACE_ALERTS).stream()
            .map(StreamRecord::getValue)
            .toList();
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.status).isEqualTo("FIRING");
              assertThat(a.observed).isEqualTo(12);
              assertThat(a.expected).isCloseTo(24, within(1e-9));
              assertThat(a.end).isEqualTo(WEEK + 24 * H);
            });

    harness.processWatermark(Long.MAX_VALUE);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
    // the period is over: its open alert resolves
    assertThat(harness.getSideOutput(TrackTargets.PACE_ALERTS))
        .extracting(r -> r.getValue().status)
        .containsExactly("FIRING", "RESOLVED");
  }

  @Test
  void theTargetInForceIsTheOneOfThePeriodsFirstDay() throws Exception {
    long previousWeek = WEEK - 7 * 24 * H;
    KpiRecord r = record(previousWeek, 5, 1);
    harness.processElement(new StreamRecord<>(r, r.start));
    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.target).isEqualTo(70);
              assertThat(t.start).isEqualTo(previousWeek);
              assertThat(t.end).isEqualTo(WEEK);
            });
  }

  private void hour(int h, long mentions, int revision) throws Exception {
    KpiRecord r = record(WEEK + h * H, mentions, revision);
    harness.processElement(new StreamRecord<>(r, r.start));
  }

  private static KpiRecord record(long start, long mentions, int revision) {
    KpiRecord r = new KpiRecord();
    r.brand = "acme";
    r.brandName = "Acme";
    r.window = "1h";
    r.start = start;
    r.end = start + H;
    r.source = "*";
    r.mentions = mentions;
    r.revision = revision;
    return r;
  }
}
