package dev.pantau.flink.job.dedup;

import dev.pantau.flink.model.Mention;
import java.time.Duration;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts each (source, id) once (SPEC §1). Keyed by {@link Mention#dedupKey()}; remembers the first
 * event time and the largest metrics seen, for a TTL (default 24 h). A repeat with grown metrics is
 * forwarded as an {@linkplain Mention#update update} that carries only the growth, dated at the
 * first version's event time so that it lands in the same windows; a repeat without growth is
 * dropped and counted.
 */
public class DeduplicateMentions extends KeyedProcessFunction<String, Mention, Mention> {
  private static final long serialVersionUID = 1L;

  public static final Duration DEFAULT_TTL = Duration.ofHours(24);
  public static final String DUPLICATE_METRIC = "duplicateMentions";
  public static final String ACC_DUPLICATES = "duplicates";
  public static final String ACC_UPDATES = "engagement_updates";

  /**
   * Index 0: first event time; 1..6: likes, comments, shares, views, quotes, bookmarks (-1:
   * absent).
   */
  private static final int FIELDS = 7;

  private final Duration ttl;
  private transient ValueState<long[]> seen;
  private transient Counter duplicates;
  private transient LongCounter duplicateAcc;
  private transient LongCounter updateAcc;

  public DeduplicateMentions(Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("dedup TTL must be positive: " + ttl);
    }
    this.ttl = ttl;
  }

  @Override
  public void open(OpenContext openContext) {
    ValueStateDescriptor<long[]> descriptor =
        new ValueStateDescriptor<>(
            "seen-mention",
            org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo
                .LONG_PRIMITIVE_ARRAY_TYPE_INFO);
    descriptor.enableTimeToLive(
        StateTtlConfig.newBuilder(ttl)
            .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
            .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
            .build());
    seen = getRuntimeContext().getState(descriptor);
    duplicates = getRuntimeContext().getMetricGroup().counter(DUPLICATE_METRIC);
    duplicateAcc = getRuntimeContext().getLongCounter(ACC_DUPLICATES);
    updateAcc = getRuntimeContext().getLongCounter(ACC_UPDATES);
  }

  @Override
  public void processElement(Mention m, Context ctx, Collector<Mention> out) throws Exception {
    long[] before = seen.value();
    long[] now = metrics(m);
    if (before == null) {
      now[0] = m.createdAt;
      seen.update(now);
      out.collect(m);
      return;
    }
    duplicates.inc();
    duplicateAcc.add(1);
    Mention growth = m.copy();
    growth.update = true;
    growth.createdAt = before[0];
    boolean grew = false;
    long[] merged = before.clone();
    for (int i = 1; i < FIELDS; i++) {
      long delta = now[i] < 0 ? 0 : now[i] - Math.max(0, before[i]);
      if (delta > 0) {
        grew = true;
        merged[i] = now[i];
      }
      setMetric(growth, i, delta > 0 ? delta : null);
    }
    if (grew) {
      seen.update(merged);
      updateAcc.add(1);
      out.collect(growth);
    }
  }

  private static long[] metrics(Mention m) {
    return new long[] {
      0, v(m.likes), v(m.comments), v(m.shares), v(m.views), v(m.quotes), v(m.bookmarks)
    };
  }

  private static long v(Long x) {
    return x == null ? -1 : x;
  }

  private static void setMetric(Mention m, int i, Long value) {
    switch (i) {
      case 1 -> m.likes = value;
      case 2 -> m.comments = value;
      case 3 -> m.shares = value;
      case 4 -> m.views = value;
      case 5 -> m.quotes = value;
      default -> m.bookmarks = value;
    }
  }
}
