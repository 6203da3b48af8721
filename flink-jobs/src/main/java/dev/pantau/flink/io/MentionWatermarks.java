package dev.pantau.flink.io;

import dev.pantau.flink.model.Decoded;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Event-time watermarks from the mentions' {@code created_at}, with bounded out-of-orderness.
 * Invalid records carry no event time and do not move the watermark.
 *
 * <p>Streaming runs emit periodically and mark a partition idle after a quiet spell, so an idle
 * partition never stalls the windows; until a reader has delivered its first record since it
 * (re)started, its partitions get a longer spell, {@link #DEFAULT_STARTUP_IDLENESS} ({@link
 * PartitionIdleness}). The quiet spell is measured on Flink's input activity clock, which stands
 * still while the source is back-pressured or the partition is paused by watermark alignment: a
 * partition with a backlog keeps producing records, so it is never idle, and its records are never
 * made late by the others racing ahead. Alignment keeps every partition within {@link
 * #DEFAULT_MAX_DRIFT} of event time of the slowest one, which bounds the state a backlog builds up
 * in the windows. Replay counts records instead: it emits after every {@link
 * #DEFAULT_REPLAY_RECORDS_PER_WATERMARK} valid records, so event-time progress depends only on the
 * input, never on processing-time timers, which is what makes replay output byte-identical from run
 * to run. (Not after every record: each watermark flushes the matcher's batch, and batches of one
 * are many times slower.)
 */
public final class MentionWatermarks implements WatermarkGenerator<Decoded> {
  public static final Duration DEFAULT_OUT_OF_ORDERNESS = Duration.ofSeconds(30);
  public static final Duration DEFAULT_IDLENESS = Duration.ofSeconds(10);

  /**
   * How long the partitions of a reader that has delivered nothing since it (re)started may stay
   * quiet before they are idle: its first fetch after a restart may be slow ({@link
   * PartitionIdleness}).
   */
  public static final Duration DEFAULT_STARTUP_IDLENESS = Duration.ofMinutes(1);

  public static final int DEFAULT_REPLAY_RECORDS_PER_WATERMARK = 1000;

  /** How far ahead of the slowest partition a partition may read, in event time. */
  public static final Duration DEFAULT_MAX_DRIFT = Duration.ofMinutes(30);

  public static final String ALIGNMENT_GROUP = "pantau-mentions";
  private static final Duration ALIGNMENT_UPDATE_INTERVAL = Duration.ofSeconds(1);

  private final long outOfOrderness;

  /** 0 for periodic emission, else emit after this many valid records. */
  private final int recordsPerWatermark;

  private int sinceLast;
  private long maxTimestamp;

  private MentionWatermarks(Duration outOfOrderness, int recordsPerWatermark) {
    this.outOfOrderness = outOfOrderness.toMillis();
    this.recordsPerWatermark = recordsPerWatermark;
    this.maxTimestamp = Long.MIN_VALUE + this.outOfOrderness + 1;
  }

  public static WatermarkStrategy<Decoded> streaming(Duration outOfOrderness, Duration idleness) {
    Duration startup =
        idleness.compareTo(DEFAULT_STARTUP_IDLENESS) > 0 ? idleness : DEFAULT_STARTUP_IDLENESS;
    PartitionIdleness.ReaderStart reader = new PartitionIdleness.ReaderStart();
    return WatermarkStrategy.<Decoded>forGenerator(
            ctx ->
                reader.generator(
                    new MentionWatermarks(outOfOrderness, 0),
                    idleness,
                    startup,
                    ctx.getInputActivityClock()))
        .withTimestampAssigner((d, recordTs) -> d.timed() ? d.eventTime() : recordTs)
        .withWatermarkAlignment(ALIGNMENT_GROUP, DEFAULT_MAX_DRIFT, ALIGNMENT_UPDATE_INTERVAL);
  }

  public static WatermarkStrategy<Decoded> replay(Duration outOfOrderness) {
    return replay(outOfOrderness, DEFAULT_REPLAY_RECORDS_PER_WATERMARK);
  }

  public static WatermarkStrategy<Decoded> replay(
      Duration outOfOrderness, int recordsPerWatermark) {
    if (recordsPerWatermark < 1) {
      throw new IllegalArgumentException(
          "records per watermark must be at least 1: " + recordsPerWatermark);
    }
    return WatermarkStrategy.<Decoded>forGenerator(
            ctx -> new MentionWatermarks(outOfOrderness, recordsPerWatermark))
        .withTimestampAssigner((d, recordTs) -> d.timed() ? d.eventTime() : Long.MIN_VALUE);
  }

  @Override
  public void onEvent(Decoded event, long eventTimestamp, WatermarkOutput output) {
    if (!event.timed()) {
      return;
    }
    maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
    if (recordsPerWatermark > 0 && ++sinceLast >= recordsPerWatermark) {
      sinceLast = 0;
      output.emitWatermark(current());
    }
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    if (recordsPerWatermark == 0) {
      output.emitWatermark(current());
    }
  }

  private Watermark current() {
    return new Watermark(maxTimestamp - outOfOrderness - 1);
  }
}
