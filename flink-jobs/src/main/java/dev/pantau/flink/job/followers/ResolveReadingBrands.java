package dev.pantau.flink.job.followers;

import dev.pantau.alerts.KpiMetrics;
import dev.pantau.flink.io.DeadLetterReason;
import dev.pantau.flink.io.KeywordSetPublisher;
import dev.pantau.flink.io.OutputJson;
import dev.pantau.flink.job.decode.SplitDecoded;
import dev.pantau.flink.job.enrich.KeywordSetUpdates;
import dev.pantau.flink.job.kpi.KpiContribution;
import dev.pantau.flink.model.AccountReading;
import dev.pantau.flink.model.DeadLetter;
import dev.pantau.flink.model.KeywordUpdate;
import dev.pantau.keywords.Brand;
import dev.pantau.keywords.KeywordSet;
import dev.pantau.keywords.KeywordSetException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.CoProcessFunction;
import org.apache.flink.streaming.api.operators.co.CoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Turns an account reading into KPI contributions of its brand, for its source and for {@code "*"}:
 * the KPI windows are keyed by competitor group, so the reading needs its brand's group and name,
 * from the same keyword set the matcher uses (input 2: the {@code keyword-sets} updates,
 * broadcast). A reading for a brand the set does not hold is dead-lettered as {@code
 * unknown_brand}.
 */
public class ResolveReadingBrands
    extends CoProcessFunction<AccountReading, KeywordUpdate, KpiContribution>
    implements CheckpointedFunction {
  private static final long serialVersionUID = 1L;
  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("unknown-brand-readings") {};
  private static final MapStateDescriptor<String, String> STATE =
      new MapStateDescriptor<>("reading-brand-entries", Types.STRING, Types.STRING);

  private final KeywordSet initialSet;
  private transient BroadcastState<String, String> entries;
  private transient KeywordSet active;

  public ResolveReadingBrands(KeywordSet initialSet) {
    this.initialSet = initialSet;
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    entries = context.getOperatorStateStore().getBroadcastState(STATE);
    if (entries.iterator().hasNext()) {
      KeywordSet restored = KeywordSet.EMPTY;
      TreeMap<String, String> sorted = new TreeMap<>();
      for (Map.Entry<String, String> e : entries.entries()) {
        sorted.put(e.getKey(), e.getValue());
      }
      for (Map.Entry<String, String> e : sorted.entrySet()) {
        restored =
            KeywordSetUpdates.apply(
                restored, new KeywordUpdate(e.getKey(), e.getValue(), "restored state"));
      }
      active = restored;
    } else {
      active = initialSet;
      entries.putAll(KeywordSetPublisher.entries(active));
    }
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) {}

  @Override
  public void processElement1(AccountReading r, Context ctx, Collector<KpiContribution> out) {
    Brand brand = null;
    for (Brand b : active.brands()) {
      if (b.id().equals(r.brand)) {
        brand = b;
        break;
      }
    }
    if (brand == null) {
      // counted with the decoder's dead letters, so summary.json and the metric see it
      getRuntimeContext()
          .getLongCounter(SplitDecoded.ACC_DEAD_PREFIX + DeadLetterReason.UNKNOWN_BRAND.code())
          .add(1);
      ctx.output(DEAD_LETTERS, unknown(r));
      return;
    }
    KpiContribution c = new KpiContribution();
    c.brand = brand.id();
    c.brandName = brand.name();
    c.group = brand.group();
    c.source = r.source;
    c.eventTime = r.at;
    c.account = r.source + ":" + r.account;
    c.followers = r.followers;
    out.collect(c);
    out.collect(c.withSource(KpiMetrics.ALL_SOURCES));
  }

  @Override
  public void processElement2(KeywordUpdate update, Context ctx, Collector<KpiContribution> out)
      throws Exception {
    try {
      active = KeywordSetUpdates.apply(active, update);
    } catch (KeywordSetException e) {
      return; // the matcher rejects it too and keeps the last good set
    }
    entries.clear();
    entries.putAll(KeywordSetPublisher.entries(active));
  }

  /**
   * The operator to run this function in: the readings' watermark passes, the control input's is
   * ignored (it carries no event time, and its source emits none: taking the minimum of the two
   * would hold the KPI windows back for ever), as in the matcher.
   */
  public CoProcessOperator<AccountReading, KeywordUpdate, KpiContribution> operator() {
    return new CoProcessOperator<>(this) {
      private static final long serialVersionUID = 1L;

      @Override
      public void processWatermark1(Watermark mark) throws Exception {
        super.processWatermark(mark);
      }

      @Override
      public void processWatermark2(Watermark mark) {
        // ignored on purpose
      }

      @Override
      protected void processWatermarkStatus(WatermarkStatus status, int input) {
        // the readings' idleness passes as it is: combined with the always active control input, an
        // idle readings partition would hold the windows at its last watermark
        if (input == 0) {
          output.emitWatermarkStatus(status);
        }
      }
    };
  }

  private static DeadLetter unknown(AccountReading r) {
    DeadLetter d = new DeadLetter();
    d.error = DeadLetterReason.UNKNOWN_BRAND.code();
    d.message =
        "brand \"" + r.brand + "\" is not in the keyword set: its followers cannot be counted";
    d.topic = r.topic;
    d.partition = r.partition;
    d.offset = r.offset;
    d.file = r.file;
    d.line = r.line;
    d.raw = OutputJson.accountReading(r);
    return d;
  }
}
