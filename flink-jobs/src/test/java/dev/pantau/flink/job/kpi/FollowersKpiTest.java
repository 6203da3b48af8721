package dev.pantau.flink.job.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.alerts.KpiMetrics;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code followers} KPI of {@link KpiWindowFunction} (SPEC §1b, §4) on a harness. */
class FollowersKpiTest {
  private static final long T0 = Instant.parse("2026-11-22T10:00:00Z").toEpochMilli();
  private static final long MIN = 60_000;

  private KeyedOneInputStreamOperatorTestHarness<String, KpiContribution, KpiRecord> harness;

  @BeforeEach
  void setUp() throws Exception {
    List<WindowSpec> specs = WindowSpec.parseList("1m,5m", ZoneOffset.UTC);
    KpiWindowFunction fn =
        new KpiWindowFunction(specs, Duration.ofMinutes(2), true, Duration.ofDays(7));
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(fn), KpiWindowFunction::key, Types.STRING);
    harness.open();
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  @Test
  void windowsCarryTheLevelAndCountGrowthPerWindowAndSource() throws Exception {
    read("acme", "instagram", "@acme", 1_000, T0 + 5_000);
    read("acme", "x", "@acme", 400, T0 + 6_000);
    read("acme", "instagram", "@acme", 1_012, T0 + MIN + 1_000);
    harness.processWatermark(T0 + 3 * MIN - 1);

    List<KpiRecord> all = records("*", "1m");
    assertThat(all)
        .extracting(
            r -> r.start + " " + r.mentions + " " + r.followersEnd + " " + r.followersGrowth)
        .containsExactly(T0 + " 0 1400 0", (T0 + MIN) + " 0 1412 12", (T0 + 2 * MIN) + " 0 1412 0");
    // per source: only windows with a reading of that source get a record, each with its own
    // accounts
    assertThat(records("instagram", "1m"))
        .extracting(r -> r.start + " " + r.followersEnd + " " + r.followersGrowth)
        .containsExactly(T0 + " 1000 0", (T0 + MIN) + " 1012 12");
  }

  @Test
  void aLateReadingRevisesItsWindowAndTheLaterLevels() throws Exception {
    read("acme", "x", "@acme", 100, T0 + 1_000);
    harness.processWatermark(T0 + 2 * MIN - 1);
    harness.getOutput().clear();

    // a reading of the first minute that was missing: its window and the next carry a new level
    read("acme", "x", "@acme", 130, T0 + 50_000);
    harness.processWatermark(T0 + 2 * MIN + 1_000);
    assertThat(records("*", "1m"))
        .extracting(
            r -> r.start + " r" + r.revision + " " + r.followersEnd + " " + r.followersGrowth)
        .containsExactly(T0 + " r2 130 30", (T0 + MIN) + " r2 130 0");
  }

  @Test
  void noStateOrTimerIsLeftAtTheEnd() throws Exception {
    read("acme", "x", "@acme", 100, T0 + 1_000);
    read("acme", "x", "@acme", 120, T0 + 4 * MIN);
    harness.processWatermark(Long.MAX_VALUE);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void aSilentAccountIsForgottenAfterTheRetentionAndItsStateGoes() throws Exception {
    read("acme", "x", "@acme", 100, T0 + 1_000);
    harness.processWatermark(
        T0 + KpiWindowFunction.DEFAULT_FOLLOWER_RETENTION.toMillis() + 10 * MIN);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  private void read(String brand, String source, String account, long followers, long at)
      throws Exception {
    KpiContribution c = new KpiContribution();
    c.brand = brand;
    c.brandName = brand;
    c.group = "g";
    c.source = source;
    c.eventTime = at;
    c.account = source + ":" + account;
    c.followers = followers;
    harness.processElement(new StreamRecord<>(c, at));
    harness.processElement(new StreamRecord<>(c.withSource(KpiMetrics.ALL_SOURCES), at));
  }

  private List<KpiRecord> records(String source, String window) {
    return harness.extractOutputValues().stream()
        .filter(r -> r.source.equals(source) && r.window.equals(window))
        .collect(Collectors.toList());
  }
}
