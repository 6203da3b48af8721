package dev.pantau.flink.job.decode;

import dev.pantau.flink.io.OutputJson;
import dev.pantau.flink.job.kpi.WindowSpec;
import dev.pantau.flink.model.AccountReading;
import dev.pantau.flink.model.DeadLetter;
import dev.pantau.flink.model.Decoded;
import dev.pantau.flink.model.Mention;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Sends valid mentions on and invalid records to the {@link #DEAD_LETTERS} side output, counting
 * both (a metric for dashboards, accumulators for the {@code summary.json} of bounded runs).
 *
 * <p>A mention that comes after the watermark has passed its first window's end plus the allowed
 * lateness can no longer change what was emitted (SPEC §1): it goes to the dead-letter output as
 * {@code late}, whole, before it reaches deduplication or any window, so a mention is either
 * counted in every window or in none. The check runs right behind the source, whose watermark is
 * never behind the one the KPI windows see, so a mention let through here is never late there.
 */
public class SplitDecoded extends ProcessFunction<Decoded, Mention> {
  private static final long serialVersionUID = 1L;
  public static final String LATE = "late";

  public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

  /** Valid owned-account readings (SPEC §1b), after the same late check as mentions. */
  public static final OutputTag<AccountReading> READINGS = new OutputTag<>("account-readings") {};

  public static final String ACC_READINGS = "records.account_readings";
  public static final String DEAD_LETTER_METRIC = "deadLetterRecords";

  /** Every record read, valid or not: the job's records in, as Pantau counts them. */
  public static final String READ_METRIC = "mentionsRead";

  /** Mentions later than the allowed lateness (also counted in {@value #DEAD_LETTER_METRIC}). */
  public static final String LATE_METRIC = "lateMentions";

  public static final String ACC_READ = "records.read";
  public static final String ACC_VALID = "records.valid";
  public static final String ACC_DEAD_PREFIX = "dead_letter.";

  private final List<WindowSpec> windows;
  private final long allowedLateness;
  private transient Counter deadLetters;
  private transient Counter readCounter;
  private transient Counter lateCounter;
  private transient LongCounter read;
  private transient LongCounter valid;

  public SplitDecoded(List<WindowSpec> windows, Duration allowedLateness) {
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("at least one window is required");
    }
    this.windows = List.copyOf(windows);
    this.allowedLateness = allowedLateness.toMillis();
  }

  @Override
  public void open(OpenContext openContext) {
    deadLetters = getRuntimeContext().getMetricGroup().counter(DEAD_LETTER_METRIC);
    readCounter = getRuntimeContext().getMetricGroup().counter(READ_METRIC);
    lateCounter = getRuntimeContext().getMetricGroup().counter(LATE_METRIC);
    read = getRuntimeContext().getLongCounter(ACC_READ);
    valid = getRuntimeContext().getLongCounter(ACC_VALID);
  }

  @Override
  public void processElement(Decoded value, Context ctx, Collector<Mention> out) {
    read.add(1);
    readCounter.inc();
    if (value.reading != null) {
      AccountReading r = value.reading;
      long watermark = ctx.timerService().currentWatermark();
      long deadline = deadline(r.at);
      if (deadline <= watermark) {
        deadLetter(lateReading(r, deadline, watermark), ctx);
        return;
      }
      getRuntimeContext().getLongCounter(ACC_READINGS).add(1);
      ctx.output(READINGS, r);
      return;
    }
    if (value.valid()) {
      long watermark = ctx.timerService().currentWatermark();
      long deadline = deadline(value.mention.createdAt);
      if (deadline <= watermark) {
        lateCounter.inc();
        deadLetter(late(value, deadline, watermark), ctx);
        return;
      }
      valid.add(1);
      value.mention.late = value.mention.createdAt <= watermark;
      out.collect(value.mention);
    } else {
      deadLetter(value.deadLetter, ctx);
    }
  }

  private void deadLetter(DeadLetter d, Context ctx) {
    deadLetters.inc();
    getRuntimeContext().getLongCounter(ACC_DEAD_PREFIX + d.error).add(1);
    ctx.output(DEAD_LETTERS, d);
  }

  /** The last watermark at which the mention can still change its earliest-closing window. */
  private long deadline(long eventTime) {
    long deadline = Long.MAX_VALUE;
    for (WindowSpec w : windows) {
      deadline = Math.min(deadline, w.end(w.start(eventTime)) - 1 + allowedLateness);
    }
    return deadline;
  }

  private static DeadLetter lateReading(AccountReading r, long deadline, long watermark) {
    DeadLetter d = new DeadLetter();
    d.error = LATE;
    d.message =
        "at "
            + OutputJson.utc(r.at)
            + " is later than the allowed lateness: its windows closed for changes at "
            + OutputJson.utc(deadline + 1)
            + " and event time has reached "
            + OutputJson.utc(watermark);
    d.topic = r.topic;
    d.partition = r.partition;
    d.offset = r.offset;
    d.file = r.file;
    d.line = r.line;
    d.raw = OutputJson.accountReading(r);
    return d;
  }

  private static DeadLetter late(Decoded value, long deadline, long watermark) {
    DeadLetter d = new DeadLetter();
    d.error = LATE;
    d.message =
        "created_at "
            + OutputJson.utc(value.mention.createdAt)
            + " is later than the allowed lateness: "
            + "its windows closed for changes at "
            + OutputJson.utc(deadline + 1)
            + " and event time has reached "
            + OutputJson.utc(watermark);
    d.topic = value.topic;
    d.partition = value.partition;
    d.offset = value.offset;
    d.file = value.file;
    d.line = value.line;
    d.raw = OutputJson.inputMention(value.mention);
    return d;
  }
}
