package dev.pantau.flink.job.alert;

import dev.pantau.alerts.Alert;
import dev.pantau.alerts.SampleMention;
import dev.pantau.alerts.TopTerms;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Adds {@code top_terms} and {@code sample_mentions} (SPEC §5) to a brand's alerts. Keeps the
 * brand's recent mentions as minute buckets of term counts and highest-reach samples; an alert
 * waits for the watermark to pass its window's end, so every mention of the window is in, then
 * compares the window's last {@link #CONTEXT} with the {@link #BASELINE} before it.
 */
public class AlertContextFunction
    extends KeyedCoProcessFunction<String, BrandMention, AlertEvent, AlertEvent> {
  private static final long serialVersionUID = 1L;
  private static final long MINUTE = 60_000L;

  public static final Duration CONTEXT = Duration.ofHours(1);
  public static final Duration BASELINE = Duration.ofHours(1);
  public static final int TOP_TERMS = 5;
  public static final int SAMPLES = 3;
  private static final int TEXT_CHARS = 280;

  private transient MapState<Long, MinuteTerms> minutes;
  private transient ListState<AlertEvent> pending;

  @Override
  public void open(OpenContext openContext) {
    minutes =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "alert-context-minutes", Types.LONG, TypeInformation.of(MinuteTerms.class)));
    pending =
        getRuntimeContext()
            .getListState(
                new ListStateDescriptor<>(
                    "alert-context-pending", TypeInformation.of(AlertEvent.class)));
  }

  @Override
  public void processElement1(BrandMention m, Context ctx, Collector<AlertEvent> out)
      throws Exception {
    long bucket = Math.floorDiv(m.eventTime, MINUTE) * MINUTE;
    if (bucket + retention() <= ctx.timerService().currentWatermark()) {
      return; // too old to be context for any alert still to come
    }
    MinuteTerms t = minutes.get(bucket);
    if (t == null) {
      t = new MinuteTerms();
      ctx.timerService().registerEventTimeTimer(bucket + retention());
    }
    t.add(m, SAMPLES);
    minutes.put(bucket, t);
  }

  @Override
  public void processElement2(AlertEvent a, Context ctx, Collector<AlertEvent> out)
      throws Exception {
    pending.add(a);
    ctx.timerService().registerEventTimeTimer(a.end - 1);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertEvent> out)
      throws Exception {
    List<AlertEvent> waiting = new ArrayList<>();
    for (AlertEvent a : pending.get()) {
      if (a.end - 1 <= timestamp) {
        out.collect(AlertEvent.of(withContext(a.alert())));
      } else {
        waiting.add(a);
      }
    }
    if (waiting.isEmpty()) {
      pending.clear();
    } else {
      pending.update(waiting);
    }
    List<Long> expired = new ArrayList<>();
    for (Long bucket : minutes.keys()) {
      if (bucket + retention() <= timestamp) {
        expired.add(bucket);
      }
    }
    for (Long bucket : expired) {
      minutes.remove(bucket);
    }
  }

  private Alert withContext(Alert a) throws Exception {
    long end = a.end().toEpochMilli();
    long from = Math.max(a.start().toEpochMilli(), end - CONTEXT.toMillis());
    long baselineFrom = from - BASELINE.toMillis();
    Map<String, Long> window = new HashMap<>();
    Map<String, Long> baseline = new HashMap<>();
    List<BrandMention> samples = new ArrayList<>();
    for (Map.Entry<Long, MinuteTerms> e : minutes.entries()) {
      long bucket = e.getKey();
      MinuteTerms t = e.getValue();
      if (bucket >= from && bucket < end) {
        t.terms.forEach((k, v) -> window.merge(k, v, Long::sum));
        samples.addAll(t.samples);
      } else if (bucket >= baselineFrom && bucket < from) {
        t.terms.forEach((k, v) -> baseline.merge(k, v, Long::sum));
      }
    }
    samples.sort(
        (x, y) -> x.reach != y.reach ? Long.compare(y.reach, x.reach) : x.id.compareTo(y.id));
    List<SampleMention> top = new ArrayList<>();
    for (int i = 0; i < Math.min(SAMPLES, samples.size()); i++) {
      BrandMention m = samples.get(i);
      String text = m.text.length() > TEXT_CHARS ? m.text.substring(0, TEXT_CHARS) + "…" : m.text;
      top.add(new SampleMention(m.id, text, m.url));
    }
    return a.withContext(TopTerms.overRepresented(window, baseline, TOP_TERMS), top);
  }

  private static long retention() {
    return CONTEXT.toMillis() + BASELINE.toMillis() + 10 * MINUTE;
  }
}
