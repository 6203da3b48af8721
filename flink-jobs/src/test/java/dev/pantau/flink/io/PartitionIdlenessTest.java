package dev.pantau.flink.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.util.clock.ManualClock;
import org.junit.jupiter.api.Test;

class PartitionIdlenessTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration STARTUP = Duration.ofSeconds(60);

  private final ManualClock clock = new ManualClock();
  private final Recording out = new Recording();
  private final PartitionIdleness.ReaderStart reader = new PartitionIdleness.ReaderStart();
  private final PartitionIdleness<Long> idleness =
      new PartitionIdleness<>(new MaxTimestamp(), TIMEOUT, STARTUP, reader, clock);

  @Test
  void aPartitionThatDeliveredNothingYetWaitsForTheStartupTimeout() {
    emitFor(Duration.ofSeconds(30));
    assertThat(out.idle).as("quiet for 30 s after the start: its first fetch may be slow").isZero();
    emitFor(Duration.ofSeconds(31));
    assertThat(out.idle).isEqualTo(1);
  }

  @Test
  void afterItsFirstRecordAPartitionIsIdleAfterTheNormalTimeout() {
    idleness.onEvent(5L, 5_000L, out);
    emitFor(Duration.ofSeconds(9));
    assertThat(out.idle).isZero();
    assertThat(out.watermarks).last().isEqualTo(5_000L);
    emitFor(Duration.ofSeconds(2));
    assertThat(out.idle).isEqualTo(1);
    int emitted = out.watermarks.size();
    emitFor(Duration.ofSeconds(5));
    assertThat(out.idle).as("marked idle once").isEqualTo(1);
    assertThat(out.watermarks).as("no watermark while idle").hasSize(emitted);
  }

  @Test
  void aRecordAfterIdlenessBringsTheWatermarksBack() {
    idleness.onEvent(5L, 5_000L, out);
    emitFor(Duration.ofSeconds(12));
    assertThat(out.idle).isEqualTo(1);
    idleness.onEvent(6L, 7_000L, out);
    idleness.onPeriodicEmit(out);
    assertThat(out.watermarks).last().isEqualTo(7_000L);
    // and the normal timeout applies again, not the startup one
    emitFor(Duration.ofSeconds(12));
    assertThat(out.idle).isEqualTo(2);
  }

  @Test
  void anEmptyPartitionIsIdleTheNormalTimeoutAfterItsReadersFirstRecord() {
    Recording other = new Recording();
    PartitionIdleness<Long> busy =
        new PartitionIdleness<>(new MaxTimestamp(), TIMEOUT, STARTUP, reader, clock);
    emitFor(Duration.ofSeconds(5));
    busy.onEvent(1L, 1_000L, other);
    emitFor(Duration.ofSeconds(9));
    assertThat(out.idle).isZero();
    emitFor(Duration.ofSeconds(2));
    assertThat(out.idle)
        .as("10 s after the reader's first record, not 60 s after the start")
        .isOne();
  }

  @Test
  void aRestartedReaderWaitsForTheStartupTimeoutAgain() throws Exception {
    idleness.onEvent(5L, 5_000L, out);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream o = new java.io.ObjectOutputStream(bytes)) {
      o.writeObject(reader);
    }
    PartitionIdleness.ReaderStart restarted;
    try (java.io.ObjectInputStream in =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      restarted = (PartitionIdleness.ReaderStart) in.readObject();
    }
    PartitionIdleness<Long> fresh =
        new PartitionIdleness<>(new MaxTimestamp(), TIMEOUT, STARTUP, restarted, clock);
    Recording after = new Recording();
    for (int i = 0; i < 150; i++) {
      clock.advanceTime(Duration.ofMillis(200));
      fresh.onPeriodicEmit(after);
    }
    assertThat(after.idle).as("30 s after the restart").isZero();
  }

  @Test
  void theReadersMainOutputMadeFirstHasTheNormalTimeoutItsPartitionsTheStartupOne() {
    PartitionIdleness.ReaderStart fresh = new PartitionIdleness.ReaderStart();
    PartitionIdleness<Long> main = fresh.generator(new MaxTimestamp(), TIMEOUT, STARTUP, clock);
    PartitionIdleness<Long> partition =
        fresh.generator(new MaxTimestamp(), TIMEOUT, STARTUP, clock);
    Recording mainOut = new Recording();
    Recording partitionOut = new Recording();
    for (int i = 0; i < 60; i++) {
      clock.advanceTime(Duration.ofMillis(200));
      main.onPeriodicEmit(mainOut);
      partition.onPeriodicEmit(partitionOut);
    }
    assertThat(mainOut.idle).as("a reader without partitions is idle after 10 s").isOne();
    assertThat(partitionOut.idle).isZero();
  }

  @Test
  void theStartupTimeoutMayNotBeShorterThanTheTimeout() {
    assertThatThrownBy(
            () ->
                new PartitionIdleness<>(
                    new MaxTimestamp(),
                    TIMEOUT,
                    Duration.ofSeconds(5),
                    new PartitionIdleness.ReaderStart(),
                    new ManualClock()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("startup timeout");
  }

  @Test
  void theStreamingStrategyWaitsAtLeastTheStartupDefault() {
    assertThat(MentionWatermarks.DEFAULT_STARTUP_IDLENESS)
        .isGreaterThan(MentionWatermarks.DEFAULT_IDLENESS);
  }

  /** Periodic emits every 200 ms, Flink's default interval, for the given time. */
  private void emitFor(Duration d) {
    for (long t = 0; t < d.toMillis(); t += 200) {
      clock.advanceTime(Duration.ofMillis(200));
      idleness.onPeriodicEmit(out);
    }
  }

  private static final class MaxTimestamp implements WatermarkGenerator<Long> {
    private long max = Long.MIN_VALUE;

    @Override
    public void onEvent(Long event, long eventTimestamp, WatermarkOutput output) {
      max = Math.max(max, eventTimestamp);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
      if (max != Long.MIN_VALUE) {
        output.emitWatermark(new Watermark(max));
      }
    }
  }

  private static final class Recording implements WatermarkOutput {
    final List<Long> watermarks = new ArrayList<>();
    int idle;

    @Override
    public void emitWatermark(Watermark watermark) {
      watermarks.add(watermark.getTimestamp());
    }

    @Override
    public void markIdle() {
      idle++;
    }

    @Override
    public void markActive() {}
  }
}
