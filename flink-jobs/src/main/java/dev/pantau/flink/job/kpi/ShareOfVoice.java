package dev.pantau.flink.job.kpi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Share of voice across the brands of a competitor group, for one key: a group and a source ({@link
 * #key}). It sees one record per brand and window each time {@link KpiWindowFunction} emits one,
 * not every mention, so keying by group costs little even when a group has most of the traffic.
 *
 * <p>A record is held until the watermark passes its timestamp: every KPI subtask emits all it has
 * for a watermark before it forwards that watermark, so by then every brand of the group has sent
 * what changed. Each brand's window then goes out with its share; a sibling whose share changed is
 * re-emitted too. Revisions are counted here. Records of a brand in no group pass through at once.
 * State of a window is dropped once the watermark passes its end plus the allowed lateness, after
 * which no record of it comes.
 *
 * <p>A timer touches only what changed: the slots (window and start) marked dirty since the last
 * one, and the slots whose lateness ends at its time. With a day of allowed lateness a group holds
 * thousands of open minute windows, and reading all of them at every timer made this the job's
 * busiest operator on a backlog (see BENCHMARKS.md, scale-out). The indexes are rebuilt from the
 * windows once per key when they are missing (state written before they existed).
 */
public class ShareOfVoice extends KeyedProcessFunction<String, KpiRecord, KpiRecord> {
  private static final long serialVersionUID = 1L;

  private final long allowedLateness;

  /** By window, start and brand: the latest record, with the revision and share last emitted. */
  private transient MapState<String, GroupedWindow> windows;

  /** By slot (window and start): its brands, sorted. */
  private transient MapState<String, List<String>> slotBrands;

  /** The slots with a record not yet emitted. */
  private transient MapState<String, Boolean> dirtySlots;

  /** By the time their lateness ends: slots to drop. */
  private transient MapState<Long, List<String>> expiring;

  /** Set once the indexes above agree with {@link #windows} for this key. */
  private transient ValueState<Boolean> indexed;

  /** One brand's window as this operator knows it. */
  public static class GroupedWindow {
    public KpiRecord latest;
    public int revision;
    public double emittedShare = -1;
    public boolean dirty;

    public GroupedWindow() {}
  }

  public ShareOfVoice(Duration allowedLateness) {
    this.allowedLateness = allowedLateness.toMillis();
  }

  /** The key: a competitor group (or, for a brand in none, the brand) and a source. */
  public static String key(KpiRecord r) {
    return (r.group != null ? "g:" + r.group : "b:" + r.brand) + '|' + r.source;
  }

  @Override
  public void open(OpenContext openContext) {
    windows =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "share-of-voice-windows",
                    Types.STRING,
                    TypeInformation.of(GroupedWindow.class)));
    slotBrands =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "share-of-voice-slot-brands", Types.STRING, Types.LIST(Types.STRING)));
    dirtySlots =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>("share-of-voice-dirty", Types.STRING, Types.BOOLEAN));
    expiring =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "share-of-voice-expiring", Types.LONG, Types.LIST(Types.STRING)));
    indexed =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("share-of-voice-indexed", Types.BOOLEAN));
  }

  @Override
  public void processElement(KpiRecord r, Context ctx, Collector<KpiRecord> out) throws Exception {
    if (r.group == null) {
      out.collect(r);
      return;
    }
    index(ctx.timerService());
    String slot = slot(r);
    String k = slot + r.brand;
    GroupedWindow w = windows.get(k);
    if (w == null) {
      w = new GroupedWindow();
      addToSlot(slot, r.brand, r.end - 1 + allowedLateness, ctx.timerService());
    }
    w.latest = r;
    w.dirty = true;
    windows.put(k, w);
    dirtySlots.put(slot, true);
    ctx.timerService().registerEventTimeTimer(ctx.timestamp());
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<KpiRecord> out)
      throws Exception {
    index(ctx.timerService());
    // the changed slots, in order, each with all its brands so the shares sum over the group
    List<String> changed = new ArrayList<>();
    for (String slot : dirtySlots.keys()) {
      changed.add(slot);
    }
    Collections.sort(changed);
    for (String slot : changed) {
      emit(entries(slot), out);
    }
    dirtySlots.clear();
    List<String> over = expiring.get(timestamp);
    if (over != null) {
      for (String slot : over) {
        for (Map.Entry<String, GroupedWindow> e : entries(slot)) {
          windows.remove(e.getKey());
        }
        slotBrands.remove(slot);
      }
      expiring.remove(timestamp);
      if (slotBrands.isEmpty()) {
        indexed.clear();
      }
    }
  }

  private List<Map.Entry<String, GroupedWindow>> entries(String slot) throws Exception {
    List<Map.Entry<String, GroupedWindow>> out = new ArrayList<>();
    List<String> brands = slotBrands.get(slot);
    for (String brand : brands == null ? List.<String>of() : brands) {
      GroupedWindow w = windows.get(slot + brand);
      if (w != null) {
        out.add(Map.entry(slot + brand, w));
      }
    }
    return out;
  }

  private void addToSlot(String slot, String brand, long expiry, TimerService timers)
      throws Exception {
    List<String> brands = slotBrands.get(slot);
    if (brands == null) {
      brands = new ArrayList<>();
      timers.registerEventTimeTimer(expiry);
      List<String> due = expiring.get(expiry);
      due = due == null ? new ArrayList<>() : new ArrayList<>(due);
      due.add(slot);
      expiring.put(expiry, due);
    } else {
      brands = new ArrayList<>(brands);
    }
    int at = Collections.binarySearch(brands, brand);
    if (at < 0) {
      brands.add(-at - 1, brand);
      slotBrands.put(slot, brands);
    }
  }

  /** Builds the indexes from the windows, once per key, when state predates them. */
  private void index(TimerService timers) throws Exception {
    if (indexed.value() != null) {
      return;
    }
    for (Map.Entry<String, GroupedWindow> e : windows.entries()) {
      KpiRecord r = e.getValue().latest;
      addToSlot(slot(r), r.brand, r.end - 1 + allowedLateness, timers);
      if (e.getValue().dirty) {
        dirtySlots.put(slot(r), true);
      }
    }
    indexed.update(true);
  }

  private void emit(List<Map.Entry<String, GroupedWindow>> slot, Collector<KpiRecord> out)
      throws Exception {
    long groupMentions = 0;
    for (Map.Entry<String, GroupedWindow> e : slot) {
      groupMentions += e.getValue().latest.mentions;
    }
    slot.sort(Map.Entry.comparingByKey());
    for (Map.Entry<String, GroupedWindow> e : slot) {
      GroupedWindow w = e.getValue();
      double share = groupMentions == 0 ? 0.0 : (double) w.latest.mentions / groupMentions;
      if (w.dirty || share != w.emittedShare) {
        w.revision++;
        w.dirty = false;
        w.emittedShare = share;
        windows.put(e.getKey(), w);
        KpiRecord r = copy(w.latest);
        r.shareOfVoice = share;
        r.revision = w.revision;
        out.collect(r);
      }
    }
  }

  private static String slot(KpiRecord r) {
    return r.window + '|' + String.format("%020d", r.start) + '|';
  }

  /** A copy: the held record keeps its own share and revision fields untouched. */
  private static KpiRecord copy(KpiRecord a) {
    return a.copy();
  }
}
