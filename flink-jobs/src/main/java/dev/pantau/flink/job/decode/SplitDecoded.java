package dev.pantau.flink.job.decode;

import dev.pantau.flink.model.DeadLetter;
import dev.pantau.flink.model.Decoded;
import dev.pantau.flink.model.Mention;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Sends valid mentions on and invalid records to the {@link #DEAD_LETTERS} side output, counting both
 * (a metric for dashboards, accumulators for the {@code summary.json} of bounded runs).
 */
public class SplitDecoded extends ProcessFunction<Decoded, Mention> {
  private static final long serialVersionUID = 1L;

  public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};
  public static final String DEAD_LETTER_METRIC = "deadLetterRecords";
  public static final String ACC_READ = "records.read";
  public static final String ACC_VALID = "records.valid";
  public static final String ACC_DEAD_PREFIX = "dead_letter.";

  private transient Counter deadLetters;
  private transient LongCounter read;
  private transient LongCounter valid;

  @Override
  public void open(OpenContext openContext) {
    deadLetters = getRuntimeContext().getMetricGroup().counter(DEAD_LETTER_METRIC);
    read = getRuntimeContext().getLongCounter(ACC_READ);
    valid = getRuntimeContext().getLongCounter(ACC_VALID);
  }

  @Override
  public void processElement(Decoded value, Context ctx, Collector<Mention> out) {
    read.add(1);
    if (value.valid()) {
      valid.add(1);
      out.collect(value.mention);
    } else {
      deadLetters.inc();
      getRuntimeContext().getLongCounter(ACC_DEAD_PREFIX + value.deadLetter.error).add(1);
      ctx.output(DEAD_LETTERS, value.deadLetter);
    }
  }
}
