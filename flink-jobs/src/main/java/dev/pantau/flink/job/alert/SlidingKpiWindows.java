package dev.pantau.flink.job.alert;

import dev.pantau.alerts.KpiMetrics;
import dev.pantau.alerts.WindowLabel;
import dev.pantau.flink.job.kpi.KpiFields;
import dev.pantau.flink.job.kpi.KpiRecord;
import dev.pantau.flink.job.kpi.MinuteSums;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns a brand's 1m records (all sources, first revision) into windows of {@code sizes} minutes
 * that slide by one minute, so a 5m spike rule is evaluated every minute instead of waiting for a
 * tumbling window to close. Keeps the last minutes' counts per brand (what {@link MinuteSums} takes
 * of the KPI registry); clears them once the brand's records stop.
 */
public class SlidingKpiWindows extends KeyedProcessFunction<String, KpiRecord, KpiRecord> {
  private static final long serialVersionUID = 1L;
  private static final long MINUTE = 60_000L;

  private final int[] sizes;
  private final String[] labels;
  private final MinuteSums sums;
  private final int maxMinutes;
  private transient MapState<Long, long[]> minutes;
  private transient ValueState<Long> cleanupAt;

  /**
   * @param sizeNames window labels in minutes or hours ({@code 5m}, {@code 1h}) to slide; the
   *     records carry them as given
   * @param fields the KPIs, of which those computed from minutes are slid
   */
  public SlidingKpiWindows(List<String> sizeNames, KpiFields fields) {
    this.sizes =
        sizeNames.stream().mapToInt(w -> Math.toIntExact(WindowLabel.parse(w).minutes())).toArray();
    this.labels = sizeNames.toArray(String[]::new);
    this.sums = new MinuteSums(fields);
    this.maxMinutes = java.util.Arrays.stream(sizes).max().orElse(1);
  }

  @Override
  public void open(OpenContext openContext) {
    // named apart from the earlier double[] layout, so that old savepoints restore without it
    minutes =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "sliding-minute-sums",
                    Types.LONG,
                    PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
    cleanupAt =
        getRuntimeContext().getState(new ValueStateDescriptor<>("sliding-cleanup", Types.LONG));
  }

  @Override
  public void processElement(KpiRecord r, Context ctx, Collector<KpiRecord> out) throws Exception {
    if (!AlertRules.slidingFeed(r)) {
      return;
    }
    minutes.put(r.start, sums.of(r));
    List<Long> old = new ArrayList<>();
    for (Long start : minutes.keys()) {
      if (start <= r.end - (long) maxMinutes * MINUTE - MINUTE) {
        old.add(start);
      }
    }
    for (Long start : old) {
      minutes.remove(start);
    }
    for (int i = 0; i < sizes.length; i++) {
      long[] sum = sums.empty();
      long from = r.end - sizes[i] * MINUTE;
      for (Map.Entry<Long, long[]> e : minutes.entries()) {
        if (e.getKey() >= from) {
          sums.add(sum, e.getValue());
        }
      }
      out.collect(record(r, labels[i], from, sum));
    }
    Long previous = cleanupAt.value();
    if (previous != null) {
      ctx.timerService().deleteEventTimeTimer(previous);
    }
    long at = r.end + (long) maxMinutes * MINUTE;
    ctx.timerService().registerEventTimeTimer(at);
    cleanupAt.update(at);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<KpiRecord> out) {
    minutes.clear();
    cleanupAt.clear();
  }

  private KpiRecord record(KpiRecord last, String label, long from, long[] sum) {
    KpiRecord r = new KpiRecord();
    r.brand = last.brand;
    r.brandName = last.brandName;
    r.group = last.group;
    r.window = label;
    r.start = from;
    r.end = last.end;
    r.source = KpiMetrics.ALL_SOURCES;
    r.sliding = true;
    r.revision = 1;
    r.slidingMetrics = sums.metrics(sum);
    return r;
  }
}
