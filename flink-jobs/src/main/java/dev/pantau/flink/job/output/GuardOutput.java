package dev.pantau.flink.job.output;

import dev.pantau.flink.io.DeadLetterReason;
import dev.pantau.flink.io.KeyedJson;
import dev.pantau.flink.io.OutputGuard;
import dev.pantau.flink.job.decode.SplitDecoded;
import java.io.Serializable;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Turns one output's records into JSON for its sink and sends every record that cannot be written
 * (conversion fails, invalid Unicode, larger than {@link OutputGuard#DEFAULT_MAX_BYTES}) to the
 * {@link #DEAD_LETTERS} side output instead, with its long fields cut and marked: the job goes on
 * and the sink never sees a record it would fail on; counted per reason like input dead letters
 * (summary, metric). On the dead-letter output itself an oversized dead letter is kept, its fields
 * cut.
 */
public class GuardOutput<T> extends ProcessFunction<T, KeyedJson> {
  private static final long serialVersionUID = 1L;

  public static final OutputTag<KeyedJson> DEAD_LETTERS = new OutputTag<>("output-dead-letters") {};
  public static final String METRIC = "outputDeadLetters";

  /** The conversion of one record to its keyed JSON. */
  @FunctionalInterface
  public interface ToJson<T> extends Serializable {
    KeyedJson apply(T value);
  }

  private final String output;
  private final ToJson<T> toJson;
  private final boolean deadLetterOutput;
  private final int maxBytes;
  private transient Counter deadLetters;

  /**
   * @param output the output's name (its default topic), for the dead letter's origin
   * @param deadLetterOutput whether this is the dead-letter output itself: records are then cut,
   *     not diverted
   */
  public GuardOutput(String output, ToJson<T> toJson, boolean deadLetterOutput, int maxBytes) {
    this.output = output;
    this.toJson = toJson;
    this.deadLetterOutput = deadLetterOutput;
    this.maxBytes = maxBytes;
  }

  @Override
  public void open(OpenContext openContext) {
    deadLetters = getRuntimeContext().getMetricGroup().counter(METRIC);
  }

  @Override
  public void processElement(T value, Context ctx, Collector<KeyedJson> out) {
    KeyedJson k;
    DeadLetterReason reason;
    String why;
    try {
      k = toJson.apply(value);
      reason = OutputGuard.problem(k, maxBytes);
      why =
          reason == null
              ? null
              : reason == DeadLetterReason.OUTPUT_TOO_LARGE
                  ? "the "
                      + output
                      + " record of "
                      + OutputGuard.bytes(k)
                      + " bytes is larger than the limit of "
                      + maxBytes
                      + " bytes; strings over "
                      + OutputGuard.FIELD_CHARS
                      + " chars and lists over "
                      + OutputGuard.LIST_ITEMS
                      + " items are cut in raw"
                  : "the " + output + " record is not valid Unicode";
    } catch (RuntimeException e) {
      k = new KeyedJson(null, String.valueOf(value));
      reason = DeadLetterReason.OUTPUT_UNWRITABLE;
      why = "the " + output + " record could not be made: " + e;
    }
    if (reason == null) {
      out.collect(k);
      return;
    }
    if (deadLetterOutput) {
      // already counted under its own reason: only made writable
      KeyedJson cut = new KeyedJson(k.key, OutputGuard.truncated(k.json));
      cut.sortKey = k.sortKey;
      out.collect(cut);
      return;
    }
    deadLetters.inc();
    getRuntimeContext().getLongCounter(SplitDecoded.ACC_DEAD_PREFIX + reason.code()).add(1);
    KeyedJson dl = new KeyedJson(null, OutputGuard.deadLetter(reason, output, k, why));
    // after the input's dead letters, in a fixed order: replay's file does not depend on timing
    dl.sortKey = output + '|' + k.key + '|' + dl.json;
    ctx.output(DEAD_LETTERS, dl);
  }
}
