package dev.pantau.flink.job.kpi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
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
 */
public class ShareOfVoice extends KeyedProcessFunction<String, KpiRecord, KpiRecord> {
  private static final long serialVersionUID = 1L;

  private final long allowedLateness;

  /** By window, start and brand: the latest record, with the revision and share last emitted. */
  private transient MapState<String, GroupedWindow> windows;

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
  }

  @Override
  public void processElement(KpiRecord r, Context ctx, Collector<KpiRecord> out) throws Exception {
    if (r.group == null) {
      out.collect(r);
      return;
    }
    String k = slot(r) + r.brand;
    GroupedWindow w = windows.get(k);
    if (w == null) {
      w = new GroupedWindow();
      ctx.timerService().registerEventTimeTimer(r.end - 1 + allowedLateness);
    }
    w.latest = r;
    w.dirty = true;
    windows.put(k, w);
    ctx.timerService().registerEventTimeTimer(ctx.timestamp());
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<KpiRecord> out)
      throws Exception {
    // the windows by slot (window, start), in order, so each slot's brands are summed together
    TreeMap<String, List<Map.Entry<String, GroupedWindow>>> slots = new TreeMap<>();
    for (Map.Entry<String, GroupedWindow> e : windows.entries()) {
      slots
          .computeIfAbsent(slot(e.getValue().latest), s -> new ArrayList<>())
          .add(Map.entry(e.getKey(), e.getValue()));
    }
    long wm = ctx.timerService().currentWatermark();
    for (List<Map.Entry<String, GroupedWindow>> slot : slots.values()) {
      if (slot.stream().anyMatch(e -> e.getValue().dirty)) {
        emit(slot, out);
      }
      for (Map.Entry<String, GroupedWindow> e : slot) {
        if (e.getValue().latest.end - 1 + allowedLateness <= wm) {
          windows.remove(e.getKey());
        }
      }
    }
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
