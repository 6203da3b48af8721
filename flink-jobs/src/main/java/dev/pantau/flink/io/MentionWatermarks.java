package dev.pantau.flink.io;

import dev.pantau.flink.model.Decoded;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Event-time watermarks from the mentions' {@code created_at}, with bounded out-of-orderness. Invalid
 * records carry no event time and do not move the watermark.
 *
 * <p>Streaming runs emit periodically and mark a partition idle after a quiet spell, so an idle
 * partition never stalls the windows. Replay emits after every record instead: event-time progress
 * then depends only on the input, never on processing-time timers, which is what makes replay output
 * byte-identical from run to run.
 */
public final class MentionWatermarks implements WatermarkGenerator<Decoded> {
  public static final Duration DEFAULT_OUT_OF_ORDERNESS = Duration.ofSeconds(30);
  public static final Duration DEFAULT_IDLENESS = Duration.ofSeconds(10);

  private final long outOfOrderness;
  private final boolean perRecord;
  private long maxTimestamp;

  private MentionWatermarks(Duration outOfOrderness, boolean perRecord) {
    this.outOfOrderness = outOfOrderness.toMillis();
    this.perRecord = perRecord;
    this.maxTimestamp = Long.MIN_VALUE + this.outOfOrderness + 1;
  }

  public static WatermarkStrategy<Decoded> streaming(Duration outOfOrderness, Duration idleness) {
    return WatermarkStrategy.<Decoded>forGenerator(ctx -> new MentionWatermarks(outOfOrderness, false))
        .withTimestampAssigner((d, recordTs) -> d.valid() ? d.mention.createdAt : recordTs)
        .withIdleness(idleness);
  }

  public static WatermarkStrategy<Decoded> replay(Duration outOfOrderness) {
    return WatermarkStrategy.<Decoded>forGenerator(ctx -> new MentionWatermarks(outOfOrderness, true))
        .withTimestampAssigner((d, recordTs) -> d.valid() ? d.mention.createdAt : Long.MIN_VALUE);
  }

  @Override
  public void onEvent(Decoded event, long eventTimestamp, WatermarkOutput output) {
    if (!event.valid()) {
      return;
    }
    if (eventTimestamp > maxTimestamp) {
      maxTimestamp = eventTimestamp;
      if (perRecord) {
        output.emitWatermark(current());
      }
    }
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    if (!perRecord) {
      output.emitWatermark(current());
    }
  }

  private Watermark current() {
    return new Watermark(maxTimestamp - outOfOrderness - 1);
  }
}
