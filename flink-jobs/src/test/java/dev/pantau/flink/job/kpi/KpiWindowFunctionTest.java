package dev.pantau.flink.job.kpi;

import static org.assertj.core.api.Assertions.assertThat;

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

class KpiWindowFunctionTest {
  private static final long T0 = Instant.parse("2026-11-22T10:00:00Z").toEpochMilli();
  private static final long MIN = 60_000;

  private KeyedOneInputStreamOperatorTestHarness<String, KpiContribution, KpiRecord> harness;
  private List<WindowSpec> specs;
  private long lateness;

  @BeforeEach
  void setUp() throws Exception {
    open(Duration.ofMinutes(2), Duration.ofDays(7));
  }

  private void open(Duration lateness, Duration retention) throws Exception {
    specs = WindowSpec.parseList("1m,5m", ZoneOffset.UTC);
    this.lateness = lateness.toMillis();
    authors.clear();
    KpiWindowFunction fn = new KpiWindowFunction(specs, lateness, true, retention);
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
  void countsMentionsAndReachOncePerAuthorPerBrand() throws Exception {
    add(mention("acme", "x", 100, T0 + 10_000).likes(3).label("positive", 0.8));
    add(mention("acme", "x", 300, T0 + 20_000).likes(2).label("negative", -0.4));
    add(mention("globex", "y", 50, T0 + 30_000).label("neutral", 0.0));
    harness.processWatermark(T0 + MIN - 1);

    List<KpiRecord> out = records();
    assertThat(out)
        .extracting(r -> r.brand + " " + r.window + " " + r.start)
        .containsExactly("acme 1m " + T0, "globex 1m " + T0);
    KpiRecord acme = out.get(0);
    assertThat(acme.mentions).isEqualTo(2);
    assertThat(acme.uniqueAuthors).isEqualTo(1);
    assertThat(acme.reach).isEqualTo(300);
    assertThat(acme.likes).isEqualTo(5);
    assertThat(acme.engagementTotal).isEqualTo(5);
    assertThat(acme.sentimentPositive).isEqualTo(1);
    assertThat(acme.sentimentNegative).isEqualTo(1);
    assertThat(acme.sentimentNeutral).isZero();
    assertThat(acme.sentimentNet).isEqualTo(0.0);
    assertThat(acme.sentimentMean).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
    // share of voice is ShareOfVoice's, behind this operator
    assertThat(acme.shareOfVoice).isNull();
    assertThat(acme.revision).isEqualTo(1);
    assertThat(acme.end).isEqualTo(T0 + MIN);
    KpiRecord globex = out.get(1);
    assertThat(globex.shareOfVoice).isNull();
    assertThat(globex.sentimentNet).isEqualTo(0.0);
  }

  @Test
  void quietWindowsOfAllSourcesGetZeroRecords() throws Exception {
    add(mention("acme", "x", 100, T0 + 10_000));
    harness.processWatermark(T0 + 3 * MIN - 1);

    List<KpiRecord> out = records();
    assertThat(out)
        .filteredOn(r -> r.window.equals("1m"))
        .extracting(r -> r.start + "=" + r.mentions)
        .containsExactly(T0 + "=1", (T0 + MIN) + "=0", (T0 + 2 * MIN) + "=0");
    KpiRecord zero = out.get(1);
    assertThat(zero.sentimentPositive).isZero();
    assertThat(zero.sentimentNet).isNull();
    assertThat(zero.shareOfVoice).isNull();
  }

  @Test
  void lateDataAndEngagementGrowthReemitWithNextRevision() throws Exception {
    add(mention("acme", "x", 100, T0 + 10_000).likes(1));
    harness.processWatermark(T0 + MIN - 1);
    assertThat(records()).hasSize(1);

    add(mention("acme", "z", 40, T0 + 50_000));
    KpiContribution growth = mention("acme", "x", 100, T0 + 10_000).likes(4);
    growth.update = true;
    add(growth);
    harness.processWatermark(T0 + MIN + 5_000);

    List<KpiRecord> out = records();
    assertThat(out).hasSize(1);
    KpiRecord r = out.get(0);
    assertThat(r.revision).isEqualTo(2);
    assertThat(r.mentions).isEqualTo(2);
    assertThat(r.reach).isEqualTo(140);
    assertThat(r.likes).isEqualTo(5);
  }

  @Test
  void changeToAnEmittedWindowAfterARestoreIsReemitted() throws Exception {
    add(mention("acme", "x", 100, T0 + 10_000));
    harness.processWatermark(T0 + MIN - 1);
    assertThat(records()).hasSize(1);
    var snapshot = harness.snapshot(1, 1);
    harness.close();

    // after a restore the watermark starts from the beginning again, but the window went out
    // already
    KpiWindowFunction fn =
        new KpiWindowFunction(
            WindowSpec.parseList("1m,5m", ZoneOffset.UTC),
            Duration.ofMinutes(2),
            true,
            Duration.ofDays(7));
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(fn), KpiWindowFunction::key, Types.STRING);
    harness.initializeState(snapshot);
    harness.open();
    add(mention("acme", "y", 40, T0 + 20_000));
    harness.processWatermark(T0 + MIN + 1_000);
    List<KpiRecord> out = records();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).mentions).isEqualTo(2);
    assertThat(out.get(0).revision).isEqualTo(2);
  }

  @Test
  void dataLaterThanAllowedLatenessIsDroppedAndCounted() throws Exception {
    add(mention("acme", "x", 100, T0 + 10_000));
    harness.processWatermark(T0 + 10 * MIN);
    records();
    add(mention("acme", "y", 100, T0 + 20_000));
    harness.processWatermark(T0 + 10 * MIN + 1);
    assertThat(records()).isEmpty();
  }

  @Test
  void leavesNoStateOrTimersOnceABrandIsGone() throws Exception {
    harness.close();
    open(Duration.ofMinutes(1), Duration.ofMinutes(10));
    add(mention("acme", "x", 100, T0 + 10_000));
    harness.processWatermark(T0 + 60 * MIN);
    List<KpiRecord> out = records();
    // zero records for ten minutes after the last mention, then nothing
    assertThat(out).filteredOn(r -> r.window.equals("1m")).hasSize(11);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  /**
   * Authors per brand, source and author, as the DistinctAuthors step in front of the windows keeps
   * them.
   */
  private final java.util.Map<String, AuthorWindows> authors = new java.util.HashMap<>();

  private void add(KpiContribution c) throws Exception {
    if (!c.update) {
      DistinctAuthors.count(
          c,
          authors.computeIfAbsent(DistinctAuthors.key(c), k -> new AuthorWindows()),
          specs,
          lateness);
    }
    harness.processElement(new StreamRecord<>(c, c.eventTime));
  }

  private List<KpiRecord> records() {
    List<KpiRecord> out =
        harness.extractOutputValues().stream()
            .filter(r -> r.window.equals("1m"))
            .collect(Collectors.toList());
    harness.getOutput().clear();
    return out;
  }

  private static Builder mention(String brand, String author, long reach, long time) {
    return new Builder(brand, author, reach, time);
  }

  /** A contribution of group "g" for all sources. */
  private static final class Builder extends KpiContribution {
    Builder(String brand, String author, long reach, long time) {
      this.brand = brand;
      this.brandName = brand;
      this.group = "g";
      this.source = "*";
      this.authorKey = author;
      this.reach = reach;
      this.eventTime = time;
    }

    Builder likes(long n) {
      likes = n;
      return this;
    }

    Builder label(String label, double score) {
      sentimentLabel = label;
      sentimentScore = score;
      return this;
    }
  }
}
