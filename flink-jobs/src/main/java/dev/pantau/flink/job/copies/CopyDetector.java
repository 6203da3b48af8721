package dev.pantau.flink.job.copies;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Finds bursts of copies (SPEC §6) among one brand's mentions (the key) and holds its social leads
 * (SPEC §4b) until they can no longer become copies.
 *
 * <p>Mentions are taken in event-time order: each waits in state until the watermark passes its
 * {@code created_at} (the KPI windows wait as long, so nothing shows later), then they are handled
 * earliest first, ties by source and id. So "the earliest mention" is the same whatever order the
 * partitions were read in, and a replay gives the same copies on every run. A mention later than
 * the watermark is handled at once.
 *
 * <p>A cluster is the earliest text and the hour after it ({@link #WINDOW}); a later mention whose
 * text is nearly the same ({@link NearDuplicates}) joins it. Once it has mentions by three
 * different authors it is a burst: every member but the earliest is a copy (its {@code copy_of} is
 * the earliest's id); those that came before the third author are emitted again as {@link
 * BrandPost#COPY_MARK}. One author repeating himself never makes a burst; reposts are never copies.
 *
 * <p>State per brand: one cluster per distinct text of the last hour (its shingles, 16 LSH keys, at
 * most three authors and {@link #MAX_PENDING} held-back members), the mentions not yet passed by
 * the watermark, and the pending leads of the last hour. A burst of any size adds nothing once it
 * is one, and each mention costs 16 look-ups. Everything is deleted by event-time timers an hour
 * after it.
 */
public class CopyDetector extends KeyedProcessFunction<String, BrandPost, BrandPost> {
  private static final long serialVersionUID = 1L;

  /**
   * SPEC §6: a burst is 3 authors within 60 minutes; a lead is emitted 60 minutes after its
   * mention.
   */
  public static final Duration WINDOW = Duration.ofMinutes(60);

  public static final int BURST_AUTHORS = 3;

  /**
   * Members held back before a cluster is a burst; more are counted ({@value #OVERFLOW_METRIC}),
   * not re-emitted.
   */
  public static final int MAX_PENDING = 100;

  /**
   * Clusters kept per brand; texts beyond it are not compared (counted, {@value
   * #UNTRACKED_METRIC}).
   */
  public static final int MAX_CLUSTERS = 200_000;

  public static final OutputTag<Lead> LEADS = new OutputTag<>("leads") {};
  public static final String COPIES_METRIC = "copiesFound";
  public static final String OVERFLOW_METRIC = "copiesNotMarked";
  public static final String UNTRACKED_METRIC = "copyTextsUntracked";

  private final long window;
  private transient MapState<Long, List<BrandPost>> waiting;
  private transient MapState<Long, Long> bands;
  private transient MapState<Long, CopyCluster> clusters;
  private transient MapState<Long, List<Long>> expiries;
  private transient MapState<Long, List<Lead>> leads;
  private transient ValueState<long[]> counters;
  private transient Counter copies;
  private transient Counter overflow;
  private transient Counter untracked;

  public CopyDetector() {
    this(WINDOW);
  }

  public CopyDetector(Duration window) {
    this.window = window.toMillis();
  }

  @Override
  public void open(OpenContext openContext) {
    TypeInformation<BrandPost> post = TypeInformation.of(BrandPost.class);
    waiting =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("copy-waiting", Types.LONG, Types.LIST(post)));
    bands =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("copy-bands", Types.LONG, Types.LONG));
    clusters =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "copy-clusters", Types.LONG, TypeInformation.of(CopyCluster.class)));
    expiries =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>("copy-expiries", Types.LONG, Types.LIST(Types.LONG)));
    leads =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "copy-pending-leads", Types.LONG, Types.LIST(TypeInformation.of(Lead.class))));
    // [next cluster id, live clusters]
    counters =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "copy-counters",
                    org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo
                        .LONG_PRIMITIVE_ARRAY_TYPE_INFO));
    copies = getRuntimeContext().getMetricGroup().counter(COPIES_METRIC);
    overflow = getRuntimeContext().getMetricGroup().counter(OVERFLOW_METRIC);
    untracked = getRuntimeContext().getMetricGroup().counter(UNTRACKED_METRIC);
  }

  @Override
  public void processElement(BrandPost p, Context ctx, Collector<BrandPost> out) throws Exception {
    if (p.kind != BrandPost.NEW) {
      out.collect(p); // engagement growth: its mention was handled when it came
      return;
    }
    long wm = ctx.timerService().currentWatermark();
    if (p.eventTime() <= wm) {
      handle(p, ctx, out);
      return;
    }
    long t = p.eventTime();
    List<BrandPost> list = waiting.get(t);
    if (list == null) {
      list = new ArrayList<>();
      ctx.timerService().registerEventTimeTimer(t);
    }
    list.add(p);
    waiting.put(t, list);
  }

  @Override
  public void onTimer(long t, OnTimerContext ctx, Collector<BrandPost> out) throws Exception {
    List<Long> expired = expiries.get(t);
    if (expired != null) {
      expiries.remove(t);
      for (Long id : expired) {
        expire(id);
      }
    }
    List<Lead> due = leads.get(t);
    if (due != null) {
      leads.remove(t);
      for (Lead l : due) {
        ctx.output(LEADS, l);
      }
    }
    List<BrandPost> ready = waiting.get(t);
    if (ready != null) {
      waiting.remove(t);
      ready.sort(
          Comparator.comparing((BrandPost p) -> p.em.mention.source)
              .thenComparing(p -> p.em.mention.id));
      for (BrandPost p : ready) {
        handle(p, ctx, out);
      }
    }
  }

  private void handle(BrandPost p, Context ctx, Collector<BrandPost> out) throws Exception {
    long[] sh =
        Boolean.TRUE.equals(p.em.mention.isRepost) ? null : NearDuplicates.shingles(textOf(p));
    if (sh == null) {
      emit(p, ctx, out);
      return;
    }
    long[] keys = NearDuplicates.bandKeys(sh);
    CopyCluster best = null;
    double bestSim = -1;
    Set<Long> seen = new LinkedHashSet<>();
    for (long k : keys) {
      Long id = bands.get(k);
      if (id == null || !seen.add(id)) {
        continue;
      }
      CopyCluster c = clusters.get(id);
      // a cluster is its earliest text's hour; after a jump of the watermark it may outlive it a
      // while
      if (c == null || p.eventTime() >= c.firstTime + window || p.eventTime() < c.firstTime) {
        continue;
      }
      double sim = NearDuplicates.similarity(c.shingles, sh);
      if (sim >= NearDuplicates.SIMILARITY && (sim > bestSim || sim == bestSim && c.id < best.id)) {
        best = c;
        bestSim = sim;
      }
    }
    if (best == null) {
      startCluster(p, sh, keys, ctx);
      emit(p, ctx, out);
      return;
    }
    best.members++;
    if (best.burst) {
      p.copyOf = best.firstId;
      copies.inc();
    } else {
      String author = p.em.mention.authorKey();
      if (!best.authors.contains(author)) {
        best.authors.add(author);
      }
      if (best.authors.size() >= BURST_AUTHORS) {
        best.burst = true;
        for (BrandPost q : best.pending) {
          if (q.lead) {
            cancelLead(q);
          }
          copies.inc();
          out.collect(q.mark(best.firstId, q.lead));
        }
        best.pending = new ArrayList<>();
        p.copyOf = best.firstId;
        copies.inc();
      }
    }
    emit(p, ctx, out);
    if (!best.burst) {
      if (best.pending.size() < MAX_PENDING) {
        best.pending.add(p);
      } else {
        best.overflow++;
        overflow.inc();
      }
    }
    clusters.put(best.id, best);
  }

  /**
   * Emits a handled mention; a lead candidate that is no copy waits {@link #window} to be a lead.
   */
  private void emit(BrandPost p, Context ctx, Collector<BrandPost> out) throws Exception {
    if (p.copyOf == null && p.leadCandidate()) {
      p.lead = true;
      long due = dueAt(p.eventTime(), ctx);
      p.leadDue = due;
      List<Lead> list = leads.get(due);
      if (list == null) {
        list = new ArrayList<>();
        ctx.timerService().registerEventTimeTimer(due);
      }
      list.add(Lead.of(p));
      leads.put(due, list);
    }
    out.collect(p);
  }

  private void cancelLead(BrandPost p) throws Exception {
    removeLead(p.leadDue, Lead.of(p).key());
  }

  private void removeLead(long due, String key) throws Exception {
    List<Lead> list = leads.get(due);
    if (list == null || !list.removeIf(l -> l.key().equals(key))) {
      return;
    }
    if (list.isEmpty()) {
      leads.remove(due); // its timer then finds nothing
    } else {
      leads.put(due, list);
    }
  }

  private void startCluster(BrandPost p, long[] sh, long[] keys, Context ctx) throws Exception {
    long[] c = counters.value();
    if (c == null) {
      c = new long[2];
    }
    if (c[1] >= MAX_CLUSTERS) {
      untracked.inc();
      return;
    }
    CopyCluster cl = new CopyCluster();
    cl.id = c[0]++;
    c[1]++;
    counters.update(c);
    cl.firstId = p.em.mention.id;
    cl.firstTime = p.eventTime();
    cl.shingles = sh;
    cl.bands = keys;
    cl.authors.add(p.em.mention.authorKey());
    cl.members = 1;
    clusters.put(cl.id, cl);
    for (long k : keys) {
      if (!bands.contains(k)) {
        bands.put(k, cl.id);
      }
    }
    long at = dueAt(cl.firstTime, ctx);
    List<Long> list = expiries.get(at);
    if (list == null) {
      list = new ArrayList<>();
      ctx.timerService().registerEventTimeTimer(at);
    }
    list.add(cl.id);
    expiries.put(at, list);
  }

  private void expire(long id) throws Exception {
    CopyCluster cl = clusters.get(id);
    if (cl == null) {
      return;
    }
    for (long k : cl.bands) {
      Long owner = bands.get(k);
      if (owner != null && owner == id) {
        bands.remove(k);
      }
    }
    clusters.remove(id);
    long[] c = counters.value();
    if (c != null) {
      c[1]--;
      if (c[1] <= 0 && clusters.isEmpty()) {
        counters.clear(); // ids restart; no cluster of the old ones is left to be confused with
      } else {
        counters.update(c);
      }
    }
  }

  /**
   * An hour after {@code t}. A timer at or below the watermark fires at the next watermark (or at
   * once while the watermark is being advanced): keyed by its own time, the state finds it either
   * way.
   */
  private long dueAt(long t, Context ctx) {
    return t + window;
  }

  private static String textOf(BrandPost p) {
    String text = p.em.mention.text;
    return text == null || text.isBlank() ? p.em.mention.title : text;
  }
}
