package dev.pantau.flink.job.kpi;

import dev.pantau.alerts.KpiMetrics;
import dev.pantau.keywords.sentiment.SentimentTally;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Tumbling event-time KPI windows of every configured size for one key: a brand and a source
 * ({@link #key}). A hand-written operator rather than Flink's window API because SPEC §4 asks for
 * what windows do not give: zero records for quiet windows of {@code "*"}, and revisions when late
 * data or engagement growth changes an emitted window. Share of voice, which needs every brand of a
 * competitor group, is left to {@link ShareOfVoice} behind it: keying this operator by group would
 * put all of a group's mentions on one subtask, whatever the parallelism.
 *
 * <p>Every emission happens in {@link #onTimer}: a window is emitted when the watermark passes its
 * end, re-emitted with {@code revision + 1} on the next watermark after a change, and its state is
 * dropped once the watermark passes its end plus the allowed lateness. Contributions later than
 * that are counted ({@value #LATE_METRIC}) and left out.
 */
public class KpiWindowFunction extends KeyedProcessFunction<String, KpiContribution, KpiRecord>
    implements CheckpointedFunction {
  private static final long serialVersionUID = 1L;

  public static final String LATE_METRIC = "kpiLateContributionsDropped";

  /** Stop writing zero records for a brand that had no mention for this long (it went away). */
  public static final Duration DEFAULT_ZERO_FILL_RETENTION = Duration.ofDays(7);

  /**
   * An owned account with no reading for this long leaves the {@code followers} figure (it was
   * dropped or stopped reporting). Longer than a month, so accounts read monthly keep their level.
   */
  public static final Duration DEFAULT_FOLLOWER_RETENTION = Duration.ofDays(35);

  private static final long UNSET = Long.MIN_VALUE;
  private static final String ALL_SOURCES = KpiMetrics.ALL_SOURCES;

  private final List<WindowSpec> windows;
  private final long allowedLateness;
  private final boolean sentiment;
  private final long zeroFillRetention;

  private transient MapState<WindowKey, KpiAccumulator> windowState;
  private transient MapState<String, BrandSeen> seenBrands;
  private transient ValueState<long[]> zeroFillNext;

  /** The watermark at which this key's windows were last emitted. */
  private transient ValueState<Long> handledWatermark;

  private transient ListState<Long> newestState;
  private transient long newestEventTime;
  private transient Counter lateDropped;

  /** Per brand of this key: its owned accounts' readings (SPEC §1b). */
  private transient MapState<String, FollowerLedger> followerLedgers;

  private final long followerRetention = DEFAULT_FOLLOWER_RETENTION.toMillis();

  /** The key of this operator: one brand and one source (or {@code "*"}). */
  public static String key(KpiContribution c) {
    return c.brand + '|' + c.source;
  }

  public KpiWindowFunction(List<WindowSpec> windows, Duration allowedLateness, boolean sentiment) {
    this(windows, allowedLateness, sentiment, DEFAULT_ZERO_FILL_RETENTION);
  }

  public KpiWindowFunction(
      List<WindowSpec> windows,
      Duration allowedLateness,
      boolean sentiment,
      Duration zeroFillRetention) {
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("at least one window is required");
    }
    if (allowedLateness.isNegative()) {
      throw new IllegalArgumentException("allowed lateness must not be negative");
    }
    this.windows = List.copyOf(windows);
    this.allowedLateness = allowedLateness.toMillis();
    this.sentiment = sentiment;
    this.zeroFillRetention = zeroFillRetention.toMillis();
  }

  @Override
  public void open(org.apache.flink.api.common.functions.OpenContext openContext) {
    windowState =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "kpi-windows",
                    TypeInformation.of(WindowKey.class),
                    TypeInformation.of(KpiAccumulator.class)));
    seenBrands =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "kpi-seen-brands", Types.STRING, TypeInformation.of(BrandSeen.class)));
    zeroFillNext =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "kpi-zero-fill-next",
                    org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo
                        .LONG_PRIMITIVE_ARRAY_TYPE_INFO));
    handledWatermark =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("kpi-handled-watermark", Types.LONG));
    followerLedgers =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "kpi-followers", Types.STRING, TypeInformation.of(FollowerLedger.class)));
    lateDropped = getRuntimeContext().getMetricGroup().counter(LATE_METRIC);
  }

  @Override
  public void processElement(KpiContribution c, Context ctx, Collector<KpiRecord> out)
      throws Exception {
    long wm = ctx.timerService().currentWatermark();
    newestEventTime = Math.max(newestEventTime, c.eventTime);
    if (c.reading()) {
      if (!recordReading(c, wm, ctx)) {
        lateDropped.inc();
        return;
      }
    }
    boolean all = ALL_SOURCES.equals(c.source);
    long[] next = null;
    if (all) {
      BrandSeen seen = seenBrands.get(c.brand);
      if (seen == null) {
        seen = new BrandSeen(c.brandName, c.group, c.eventTime, c.eventTime);
        seen.roster = c.roster;
      } else {
        if (!c.update) {
          seen.roster = c.roster;
        }
        seen.brandName = c.brandName;
        seen.group = c.group;
        seen.firstEventTime = Math.min(seen.firstEventTime, c.eventTime);
        seen.lastEventTime = Math.max(seen.lastEventTime, c.eventTime);
      }
      seenBrands.put(c.brand, seen);
      next = zeroFillNext.value();
      if (next == null) {
        next = new long[windows.size()];
        Arrays.fill(next, UNSET);
      }
    }
    boolean nextChanged = false;
    for (int i = 0; i < windows.size(); i++) {
      WindowSpec spec = windows.get(i);
      long start = spec.start(c.eventTime);
      long end = spec.end(start);
      if (end - 1 + allowedLateness <= wm) {
        lateDropped.inc();
        continue;
      }
      WindowKey key = new WindowKey(c.brand, i, start);
      KpiAccumulator acc = windowState.get(key);
      if (acc == null) {
        acc = KpiAccumulator.empty(c.brandName, c.group, c.roster);
        ctx.timerService().registerEventTimeTimer(end - 1 + allowedLateness);
      }
      acc.add(c, i);
      if (acc.revision > 0 || end - 1 <= wm) {
        // emitted before (or closed empty): re-emit on the next watermark, coalescing changes. The
        // revision, not the watermark, says whether it was emitted: after a restore the watermark
        // starts again from the beginning while the state remembers what went out.
        acc.dirty = true;
        ctx.timerService().registerEventTimeTimer(Math.max(end - 1, wm + 1));
      } else {
        ctx.timerService().registerEventTimeTimer(end - 1);
      }
      windowState.put(key, acc);
      // zero-filling starts from the earliest window any mention of the group fell in, whatever the
      // order they came in: a brand first seen through a late mention gets its zero windows too, so
      // the
      // records do not depend on the order partitions were read in
      if (all && (next[i] == UNSET || start < next[i])) {
        next[i] = start;
        nextChanged = true;
      }
    }
    if (nextChanged) {
      zeroFillNext.update(next);
    }
    if (c.reading() && c.eventTime <= wm) {
      reviseLaterWindows(c, wm, ctx);
    }
  }

  /**
   * Adds a reading to its brand's ledger; false when it is too late for its earliest-closing
   * window.
   */
  private boolean recordReading(KpiContribution c, long wm, Context ctx) throws Exception {
    for (WindowSpec spec : windows) {
      if (spec.end(spec.start(c.eventTime)) - 1 + allowedLateness <= wm) {
        return false;
      }
    }
    FollowerLedger ledger = followerLedgers.get(c.brand);
    if (ledger == null) {
      ledger = new FollowerLedger();
    }
    ledger.add(c.account, c.eventTime, c.followers);
    followerLedgers.put(c.brand, ledger);
    long forget = saturatedAdd(c.eventTime, followerRetention);
    if (forget > wm) {
      ctx.timerService().registerEventTimeTimer(forget);
    }
    return true;
  }

  /**
   * A late reading also changes the carried level of the brand's later windows: those already
   * emitted whose figure it changes are re-emitted on the next watermark.
   */
  private void reviseLaterWindows(KpiContribution c, long wm, Context ctx) throws Exception {
    FollowerLedger ledger = followerLedgers.get(c.brand);
    List<Map.Entry<WindowKey, KpiAccumulator>> changed = new ArrayList<>();
    for (Map.Entry<WindowKey, KpiAccumulator> e : windowState.entries()) {
      WindowKey k = e.getKey();
      KpiAccumulator acc = e.getValue();
      long end = windows.get(k.size).end(k.start);
      if (!k.brand.equals(c.brand) || acc.revision == 0 || acc.dirty || end <= c.eventTime) {
        continue;
      }
      long[] f = ledger.figure(k.start, end);
      if (!java.util.Objects.equals(f == null ? null : f[0], acc.emittedFollowersEnd)
          || !java.util.Objects.equals(f == null ? null : f[1], acc.emittedFollowersGrowth)) {
        changed.add(Map.entry(k, acc));
      }
    }
    for (Map.Entry<WindowKey, KpiAccumulator> e : changed) {
      e.getValue().dirty = true;
      windowState.put(e.getKey(), e.getValue());
      ctx.timerService()
          .registerEventTimeTimer(
              Math.max(windows.get(e.getKey().size).end(e.getKey().start) - 1, wm + 1));
    }
  }

  /** Drops readings no open or future window can need, and accounts silent for the retention. */
  private void pruneFollowers(long wm) throws Exception {
    long smallest = Long.MAX_VALUE;
    for (WindowSpec spec : windows) {
      smallest = Math.min(smallest, spec.nominalMillis());
    }
    long earliestOpen =
        wm == Long.MIN_VALUE ? Long.MIN_VALUE : saturatedAdd(wm, -(allowedLateness + smallest));
    long horizon = Long.MAX_VALUE;
    for (WindowSpec spec : wm == Long.MAX_VALUE ? List.<WindowSpec>of() : windows) {
      horizon =
          Math.min(
              horizon,
              earliestOpen == Long.MIN_VALUE || earliestOpen == Long.MAX_VALUE
                  ? earliestOpen
                  : spec.start(earliestOpen));
    }
    long forgetBefore =
        wm == Long.MAX_VALUE ? Long.MAX_VALUE : saturatedAdd(wm, -followerRetention);
    List<String> brands = new ArrayList<>();
    for (String b : followerLedgers.keys()) {
      brands.add(b);
    }
    for (String b : brands) {
      FollowerLedger ledger = followerLedgers.get(b);
      int before = ledger.readings();
      ledger.prune(horizon, forgetBefore);
      if (ledger.isEmpty()) {
        followerLedgers.remove(b);
      } else if (ledger.readings() != before) {
        followerLedgers.put(b, ledger);
      }
    }
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : r;
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<KpiRecord> out)
      throws Exception {
    long wm = ctx.timerService().currentWatermark();
    // one watermark that jumps far (a backlog, the end of input) fires many timers of this key at
    // once;
    // the first emits everything closed up to it, the rest would only scan the state again (no
    // element
    // can arrive between them, and a change after them registers a timer past this watermark)
    Long handled = handledWatermark.value();
    if (handled != null && handled == wm) {
      return;
    }
    handledWatermark.update(wm);
    String source = sourceOf(ctx.getCurrentKey());
    if (ALL_SOURCES.equals(source)) {
      zeroFill(wm, ctx);
    }
    emitClosed(wm, source, out);
    dropExpired(wm);
    pruneFollowers(wm);
    if (windowState.isEmpty() && zeroFillNext.value() == null && followerLedgers.isEmpty()) {
      handledWatermark.clear();
    }
  }

  /**
   * Creates empty windows for seen brands without data, up to the watermark (or the newest event at
   * the end).
   */
  private void zeroFill(long wm, OnTimerContext ctx) throws Exception {
    long[] next = zeroFillNext.value();
    if (next == null) {
      return;
    }
    List<Map.Entry<String, BrandSeen>> brands = new ArrayList<>();
    for (Map.Entry<String, BrandSeen> e : seenBrands.entries()) {
      brands.add(Map.entry(e.getKey(), e.getValue()));
    }
    brands.sort(Map.Entry.comparingByKey());
    long lastActive = UNSET;
    for (Map.Entry<String, BrandSeen> b : brands) {
      lastActive = Math.max(lastActive, b.getValue().lastEventTime);
    }
    for (int i = 0; i < windows.size(); i++) {
      WindowSpec spec = windows.get(i);
      long s = next[i];
      if (s == UNSET) {
        continue;
      }
      while (true) {
        long e = spec.end(s);
        if (e - 1 > wm
            || (wm == Long.MAX_VALUE && s > newestEventTime)
            || s > lastActive + zeroFillRetention) {
          break;
        }
        for (Map.Entry<String, BrandSeen> b : brands) {
          BrandSeen seen = b.getValue();
          if (seen.firstEventTime >= e || s > seen.lastEventTime + zeroFillRetention) {
            continue;
          }
          WindowKey key = new WindowKey(b.getKey(), i, s);
          if (!windowState.contains(key)) {
            windowState.put(key, KpiAccumulator.empty(seen.brandName, seen.group, seen.roster));
            if (e - 1 + allowedLateness > wm) {
              ctx.timerService().registerEventTimeTimer(e - 1 + allowedLateness);
            }
          }
        }
        s = e;
      }
      next[i] = s;
      if (spec.end(s) - 1 > wm && s <= lastActive + zeroFillRetention) {
        ctx.timerService().registerEventTimeTimer(spec.end(s) - 1);
      }
    }
    for (Map.Entry<String, BrandSeen> b : brands) {
      if (b.getValue().lastEventTime + zeroFillRetention < wm) {
        seenBrands.remove(b.getKey());
      }
    }
    if (seenBrands.isEmpty()) {
      zeroFillNext.clear();
    } else {
      zeroFillNext.update(next);
    }
  }

  private void emitClosed(long wm, String source, Collector<KpiRecord> out) throws Exception {
    TreeMap<WindowKey, KpiAccumulator> closed = new TreeMap<>(WINDOW_ORDER);
    for (Map.Entry<WindowKey, KpiAccumulator> e : windowState.entries()) {
      WindowKey k = e.getKey();
      if (windows.get(k.size).end(k.start) - 1 <= wm) {
        closed.put(k, e.getValue());
      }
    }
    List<Map.Entry<WindowKey, KpiAccumulator>> slot = new ArrayList<>();
    for (Map.Entry<WindowKey, KpiAccumulator> e : closed.entrySet()) {
      if (!slot.isEmpty() && !sameSlot(slot.get(0).getKey(), e.getKey())) {
        emitSlot(slot, source, out);
        slot.clear();
      }
      slot.add(e);
    }
    if (!slot.isEmpty()) {
      emitSlot(slot, source, out);
    }
  }

  private void emitSlot(
      List<Map.Entry<WindowKey, KpiAccumulator>> slot, String source, Collector<KpiRecord> out)
      throws Exception {
    for (Map.Entry<WindowKey, KpiAccumulator> e : slot) {
      KpiAccumulator acc = e.getValue();
      if (acc.revision == 0 || acc.dirty) {
        acc.revision++;
        acc.dirty = false;
        noteFollowers(e.getKey(), acc);
        windowState.put(e.getKey(), acc);
        // share of voice: ShareOfVoice, which sees every brand of the group
        out.collect(toRecord(e.getKey(), source, acc, null));
      }
    }
  }

  private void dropExpired(long wm) throws Exception {
    List<WindowKey> expired = new ArrayList<>();
    for (WindowKey k : windowState.keys()) {
      if (windows.get(k.size).end(k.start) - 1 + allowedLateness <= wm) {
        expired.add(k);
      }
    }
    for (WindowKey k : expired) {
      windowState.remove(k);
    }
  }

  /**
   * Works out the window's {@code followers} figure from the ledger and keeps it as the emitted
   * one.
   */
  private void noteFollowers(WindowKey k, KpiAccumulator acc) throws Exception {
    FollowerLedger ledger = followerLedgers.get(k.brand);
    long[] f = ledger == null ? null : ledger.figure(k.start, windows.get(k.size).end(k.start));
    acc.emittedFollowersEnd = f == null ? null : f[0];
    acc.emittedFollowersGrowth = f == null ? null : f[1];
  }

  private KpiRecord toRecord(WindowKey k, String source, KpiAccumulator acc, Double share) {
    WindowSpec spec = windows.get(k.size);
    KpiRecord r = new KpiRecord();
    r.brand = k.brand;
    r.brandName = acc.brandName;
    r.group = acc.group;
    r.window = spec.name();
    r.start = k.start;
    r.end = spec.end(k.start);
    r.source = source;
    r.mentions = acc.mentions;
    r.uniqueAuthors = acc.uniqueAuthors;
    r.reach = acc.reach;
    r.impressions = acc.impressions;
    r.likes = acc.likes;
    r.comments = acc.comments;
    r.shares = acc.shares;
    r.quotes = acc.quotes;
    r.bookmarks = acc.bookmarks;
    r.engagementTotal = acc.engagementTotal();
    if (sentiment) {
      r.sentimentPositive = acc.positive;
      r.sentimentNeutral = acc.neutral;
      r.sentimentNegative = acc.negative;
      r.sentimentUnscored = acc.unscored;
      SentimentTally tally = acc.sentiment();
      if (tally.scored() > 0) {
        r.sentimentNet = tally.net();
        r.sentimentMean = tally.mean();
      }
      r.sentimentScoreUnits = tally.scoreSum();
    }
    r.shareOfVoice = share;
    r.employeeMentions = acc.employeeMentions;
    r.employeeAuthors = acc.employeeAuthors;
    r.employeeReach = acc.employeeReach;
    r.employeeEngagement = acc.employeeEngagement;
    r.topics = new TreeMap<>(acc.topics);
    r.copies = acc.copies;
    r.leads = acc.leads;
    r.employeeParticipation = acc.participation();
    r.followersEnd = acc.emittedFollowersEnd;
    r.followersGrowth = acc.emittedFollowersGrowth;
    r.revision = acc.revision;
    return r;
  }

  private static String sourceOf(String key) {
    return key.substring(key.lastIndexOf('|') + 1);
  }

  private static boolean sameSlot(WindowKey a, WindowKey b) {
    return a.size == b.size && a.start == b.start;
  }

  private static final Comparator<WindowKey> WINDOW_ORDER =
      Comparator.<WindowKey>comparingInt(k -> k.size)
          .thenComparingLong(k -> k.start)
          .thenComparing(k -> k.brand);

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    newestState.update(List.of(newestEventTime));
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    newestState =
        context
            .getOperatorStateStore()
            .getUnionListState(new ListStateDescriptor<>("kpi-newest-event-time", Types.LONG));
    newestEventTime = Long.MIN_VALUE;
    for (Long t : newestState.get()) {
      newestEventTime = Math.max(newestEventTime, t);
    }
  }
}
