package dev.pantau.flink.io;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarksWithIdleness.IdlenessTimer;
import org.apache.flink.util.clock.RelativeClock;

/**
 * Idleness of one Kafka partition that waits for its reader's first record after the reader
 * (re)starts: until then a longer quiet spell, {@code startupTimeout}, must pass.
 *
 * <p>Flink's {@code withIdleness} counts from the moment a split is assigned. After a restart on a
 * busy machine the first fetch of a partition can take longer than the idle timeout; the partition
 * was then marked idle while its backlog was still unread, the other partitions carried the
 * watermark to the end of their own backlogs, and the first partition's records arrived more than
 * the allowed lateness behind it, too late to count: a day window of {@code ClusterITCase} (a
 * TaskManager killed at load 18) missed 27% of its mentions. What was slow is the reader's Kafka
 * consumer getting started; once it has delivered a record of any of its partitions, its fetches
 * cover all of them, so from then on the normal timeout applies to each (an empty partition, such
 * as an unused account-stats topic, is idle 10 s after its reader's first record, not a minute
 * after the start).
 */
final class PartitionIdleness<T> implements WatermarkGenerator<T> {

  private final WatermarkGenerator<T> watermarks;
  private final IdlenessTimer quiet;
  private final IdlenessTimer startup;
  private final ReaderStart reader;
  private boolean idleNow;

  /**
   * @param reader shared by the partitions of one reader (one source subtask)
   * @param clock the split's input activity clock, which stands still while the reader is
   *     back-pressured or the split is paused for alignment
   */
  PartitionIdleness(
      WatermarkGenerator<T> watermarks,
      Duration timeout,
      Duration startupTimeout,
      ReaderStart reader,
      RelativeClock clock) {
    if (timeout.isZero() || timeout.isNegative() || startupTimeout.compareTo(timeout) < 0) {
      throw new IllegalArgumentException(
          "idle timeout must be positive and the startup timeout at least as long: "
              + timeout
              + ", "
              + startupTimeout);
    }
    this.watermarks = watermarks;
    this.quiet = new IdlenessTimer(clock, timeout);
    this.startup = new IdlenessTimer(clock, startupTimeout);
    this.reader = reader;
  }

  @Override
  public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    watermarks.onEvent(event, eventTimestamp, output);
    quiet.activity();
    reader.delivered = true;
    idleNow = false;
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    boolean idle = reader.delivered ? quiet.checkIfIdle() : startup.checkIfIdle();
    if (idle) {
      if (!idleNow) {
        output.markIdle();
        idleNow = true;
      }
    } else {
      // a watermark marks the output active again
      watermarks.onPeriodicEmit(output);
    }
  }

  /**
   * One reader (source subtask) since it started: whether it has delivered a record, and the
   * generators made for it. The watermark strategy holds one, and every source subtask deserialises
   * its own copy of the strategy, so each reader has its own; the fields are transient, so a
   * restarted reader starts afresh. All its generators run on the subtask's task thread.
   */
  static final class ReaderStart implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private transient boolean delivered;
    private transient int generators;

    /**
     * The generator of the reader's next output. Flink makes the reader's main output first, then
     * one per partition as partitions are assigned. A Kafka reader sends every record through a
     * partition's output, so the main output's idleness decides only for a reader without
     * partitions (a parallelism above the partition count): it gets the normal timeout, or such a
     * reader would hold the watermark back for the startup timeout after every start.
     */
    <T> PartitionIdleness<T> generator(
        WatermarkGenerator<T> watermarks,
        Duration timeout,
        Duration startupTimeout,
        RelativeClock clock) {
      boolean main = generators++ == 0;
      return new PartitionIdleness<>(
          watermarks, timeout, main ? timeout : startupTimeout, this, clock);
    }
  }
}
