package dev.pantau.flink.job.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShareOfVoiceTest {
  private static final long T0 = 1_700_000_040_000L - 1_700_000_040_000L % 60_000;
  private static final long MIN = 60_000;
  private static final Duration LATENESS = Duration.ofMinutes(2);
  private KeyedOneInputStreamOperatorTestHarness<String, KpiRecord, KpiRecord> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new ShareOfVoice(LATENESS)),
            ShareOfVoice::key,
            Types.STRING);
    harness.open();
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  @Test
  void sharesTheGroupsMentionsOnceTheWatermarkPassesTheRecords() throws Exception {
    send(record("acme", "g", 2, 1), T0 + MIN - 1);
    send(record("globex", "g", 1, 1), T0 + MIN - 1);
    assertThat(harness.extractOutputValues()).as("held until the watermark").isEmpty();

    harness.processWatermark(T0 + MIN - 1);
    List<KpiRecord> out = drain();
    assertThat(out)
        .extracting(r -> r.brand + " rev " + r.revision)
        .containsExactly("acme rev 1", "globex rev 1");
    assertThat(out.get(0).shareOfVoice).isCloseTo(2.0 / 3, Offset.offset(1e-9));
    assertThat(out.get(1).shareOfVoice).isCloseTo(1.0 / 3, Offset.offset(1e-9));
    assertThat(out.get(0).mentions).isEqualTo(2);
  }

  @Test
  void aChangeOfOneBrandReemitsTheSiblingsWhoseShareChangedAndOnlyThem() throws Exception {
    send(record("acme", "g", 2, 1), T0 + MIN - 1);
    send(record("globex", "g", 1, 1), T0 + MIN - 1);
    harness.processWatermark(T0 + MIN - 1);
    drain();

    send(record("acme", "g", 3, 2), T0 + MIN + 5_000);
    harness.processWatermark(T0 + MIN + 5_000);
    List<KpiRecord> out = drain();
    assertThat(out)
        .extracting(r -> r.brand + " rev " + r.revision + " sov " + r.shareOfVoice)
        .containsExactly("acme rev 2 sov 0.75", "globex rev 2 sov 0.25");

    // more reach, the same mentions: the sibling's share holds, so only the brand itself goes out
    KpiRecord reach = record("acme", "g", 3, 3);
    reach.reach = 500;
    send(reach, T0 + MIN + 6_000);
    harness.processWatermark(T0 + MIN + 6_000);
    assertThat(drain())
        .extracting(r -> r.brand + " rev " + r.revision + " reach " + r.reach)
        .containsExactly("acme rev 3 reach 500");
  }

  @Test
  void aQuietGroupGetsZeroShares() throws Exception {
    send(record("acme", "g", 0, 1), T0 + MIN - 1);
    send(record("globex", "g", 0, 1), T0 + MIN - 1);
    harness.processWatermark(T0 + MIN - 1);
    assertThat(drain()).extracting(r -> r.shareOfVoice).containsExactly(0.0, 0.0);
  }

  @Test
  void aBrandInNoGroupPassesThroughAtOnceWithoutAShare() throws Exception {
    send(record("solo", null, 4, 3), T0 + MIN - 1);
    List<KpiRecord> out = drain();
    assertThat(out)
        .extracting(r -> r.brand + " rev " + r.revision + " sov " + r.shareOfVoice)
        .containsExactly("solo rev 3 sov null");
    assertThat(harness.numKeyedStateEntries()).isZero();
  }

  @Test
  void leavesNoStateOrTimersOnceTheWindowIsPastItsLateness() throws Exception {
    send(record("acme", "g", 2, 1), T0 + MIN - 1);
    send(record("globex", "g", 1, 1), T0 + MIN - 1);
    harness.processWatermark(T0 + MIN - 1 + LATENESS.toMillis());
    assertThat(drain()).hasSize(2);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  private void send(KpiRecord r, long timestamp) throws Exception {
    harness.processElement(new StreamRecord<>(r, timestamp));
  }

  private List<KpiRecord> drain() {
    List<KpiRecord> out = List.copyOf(harness.extractOutputValues());
    harness.getOutput().clear();
    return out;
  }

  /** A 1m window of {@code T0} for all sources, as KpiWindowFunction emits it (no share). */
  private static KpiRecord record(String brand, String group, long mentions, int revision) {
    KpiRecord r = new KpiRecord();
    r.brand = brand;
    r.brandName = brand;
    r.group = group;
    r.window = "1m";
    r.start = T0;
    r.end = T0 + MIN;
    r.source = "*";
    r.mentions = mentions;
    r.revision = revision;
    return r;
  }
}
