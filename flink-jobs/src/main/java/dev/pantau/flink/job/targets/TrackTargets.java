package dev.pantau.flink.job.targets;

import dev.pantau.alerts.Alert;
import dev.pantau.alerts.AlertRule;
import dev.pantau.alerts.DetectorState;
import dev.pantau.alerts.DetectorType;
import dev.pantau.alerts.KpiPoint;
import dev.pantau.alerts.RuleEvaluator;
import dev.pantau.alerts.Target;
import dev.pantau.alerts.TargetProgress;
import dev.pantau.flink.job.alert.AlertEvent;
import dev.pantau.flink.job.kpi.KpiField;
import dev.pantau.flink.job.kpi.KpiFields;
import dev.pantau.flink.job.kpi.KpiRecord;
import dev.pantau.flink.job.kpi.WindowSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Target progress (SPEC §4d) for one brand (the key), from its KPI records of all sources of the
 * {@linkplain TargetFeed feed window}: per target metric and period (week, month, quarter in the
 * configured zone), the actual is the sum of the metric over the period's windows so far, with the
 * target value in force for that period ({@link Target#inForce}). A record goes out when a period
 * starts being tracked, on every change of the actual (late data revises a window: its new value
 * replaces the old one) and once when the period is complete, each with the next {@code revision}.
 *
 * <p>{@code target_pace} rules are judged here, on the same figures ({@link TargetProgress}), at
 * the end of each of the rule's windows: alerts go to {@link #PACE_ALERTS}. A period's state is
 * dropped once no window of it can be revised any more (its end plus the allowed lateness).
 */
public class TrackTargets extends KeyedProcessFunction<String, KpiRecord, TargetRecord> {
  private static final long serialVersionUID = 1L;
  public static final OutputTag<AlertEvent> PACE_ALERTS = new OutputTag<>("target-pace-alerts") {};

  private final List<Target> targets;
  private final List<AlertRule> paceRules;
  private final WindowSpec feed;
  private final String zone;
  private final long allowedLateness;
  private final KpiFields fields;
  private final dev.pantau.alerts.KpiMetrics metrics;

  private transient ZoneId zoneId;
  private transient MapState<String, TargetSeries> series;
  private transient MapState<String, byte[]> paceStates;

  public TrackTargets(
      List<Target> targets,
      List<AlertRule> rules,
      WindowSpec feed,
      String zone,
      Duration allowedLateness,
      KpiFields fields) {
    this.targets = List.copyOf(targets);
    this.paceRules = rules.stream().filter(r -> r.detector() == DetectorType.TARGET_PACE).toList();
    this.feed = feed;
    this.zone = zone;
    this.allowedLateness = allowedLateness.toMillis();
    this.fields = fields;
    this.metrics = fields.metrics();
  }

  /** Whether a KPI record feeds target progress: all sources, the feed window. */
  public boolean feeds(KpiRecord r) {
    return dev.pantau.alerts.KpiMetrics.ALL_SOURCES.equals(r.source)
        && feed.name().equals(r.window)
        && !r.sliding;
  }

  @Override
  public void open(OpenContext openContext) {
    zoneId = ZoneId.of(zone);
    series =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "target-series", Types.STRING, TypeInformation.of(TargetSeries.class)));
    paceStates =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "target-pace",
                    Types.STRING,
                    PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
  }

  @Override
  public void processElement(KpiRecord r, Context ctx, Collector<TargetRecord> out)
      throws Exception {
    long wm = ctx.timerService().currentWatermark();
    for (Map.Entry<String, Target.Period> tracked : trackedFor(r.brand).entrySet()) {
      String metric = tracked.getKey().substring(0, tracked.getKey().lastIndexOf('|'));
      Target.Period period = tracked.getValue();
      long ps = period.start(r.start, zoneId);
      long pe = period.end(ps, zoneId);
      if (r.end > pe) {
        continue; // cannot happen with a feed window that tiles the periods
      }
      LocalDate firstDay = Instant.ofEpochMilli(ps).atZone(zoneId).toLocalDate();
      Target target = Target.inForce(targets, r.brand, metric, period, firstDay);
      if (target == null) {
        continue;
      }
      String key = metric + '|' + period.label() + '|' + ps;
      TargetSeries s = series.get(key);
      boolean first = s == null;
      if (first) {
        s = new TargetSeries();
        s.metric = metric;
        s.period = period.label();
        s.start = ps;
        s.end = pe;
        s.target = target.value();
        ctx.timerService().registerEventTimeTimer(pe - 1 + allowedLateness + 1);
      }
      s.open.put(r.start, value(r, metric));
      fold(s, wm);
      s.now = Math.max(s.now, r.end);
      long actual = s.actual();
      TargetProgress progress = TargetProgress.of(s.target, actual, ps, pe, s.now);
      if (first || actual != s.emittedActual || (s.now == pe && s.emittedNow != pe)) {
        s.revision++;
        s.emittedActual = actual;
        s.emittedNow = s.now;
        out.collect(record(r.brand, s, progress));
      }
      series.put(key, s);
      if (r.revision == 1) {
        judge(r, metric, period, progress, ctx);
      }
    }
  }

  /** The metric and period pairs the brand has targets of, as {@code metric|period}. */
  private Map<String, Target.Period> trackedFor(String brand) {
    Map<String, Target.Period> out = new LinkedHashMap<>();
    for (Target t : targets) {
      if (t.appliesTo(brand)) {
        out.put(t.metric() + '|' + t.period().label(), t.period());
      }
    }
    return out;
  }

  private long value(KpiRecord r, String metric) {
    String name = metrics.targetField(metric).orElse(metric);
    KpiField f = fields.find(name).orElse(null);
    if (f == null) {
      return 0;
    }
    if (f.metric().family()) {
      Long v = f.readFamily(r).get(name.substring(f.name().length()));
      return v == null ? 0 : v;
    }
    Number v = f.read(r);
    return v == null ? 0 : v.longValue();
  }

  /** Windows no revision can reach any more join the folded sum. */
  private void fold(TargetSeries s, long wm) {
    List<Long> done = new ArrayList<>();
    for (Map.Entry<Long, Long> e : s.open.entrySet()) {
      if (feed.end(e.getKey()) - 1 + allowedLateness <= wm) {
        done.add(e.getKey());
      }
    }
    for (Long start : done) {
      s.folded += s.open.remove(start);
    }
  }

  private void judge(
      KpiRecord r, String metric, Target.Period period, TargetProgress progress, Context ctx)
      throws Exception {
    for (AlertRule rule : paceRules) {
      if (!rule.appliesTo(r.brand)
          || !rule.metric().equals(metric)
          || rule.targets().stream().noneMatch(t -> t.period() == period)) {
        continue;
      }
      WindowSpec w = WindowSpec.parse(rule.window(), zoneId);
      long ws = w.start(r.start);
      if (w.end(ws) != r.end) {
        continue; // judged at the end of each of the rule's windows
      }
      String key = rule.id() + '|' + metric + '|' + period.label();
      byte[] stored = paceStates.get(key);
      DetectorState st =
          stored == null ? RuleEvaluator.newPaceState() : DetectorState.fromBytes(stored);
      List<Alert> alerts = new ArrayList<>();
      KpiPoint p =
          new KpiPoint(
              r.brand,
              r.brandName,
              rule.window(),
              Instant.ofEpochMilli(ws),
              Instant.ofEpochMilli(r.end),
              r.source,
              Map.of());
      RuleEvaluator.judgePace(rule, st, p, progress, period, alerts);
      paceStates.put(key, st.toBytes());
      for (Alert a : alerts) {
        ctx.output(PACE_ALERTS, AlertEvent.of(a));
      }
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<TargetRecord> out)
      throws Exception {
    List<String> done = new ArrayList<>();
    for (Map.Entry<String, TargetSeries> e : series.entries()) {
      if (e.getValue().end - 1 + allowedLateness < timestamp) {
        done.add(e.getKey());
      }
    }
    for (String k : done) {
      series.remove(k);
    }
    // a pace check whose period is over and no newer period took over: resolve what is open, then
    // forget it
    List<String> stale = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : paceStates.entries()) {
      DetectorState st = DetectorState.fromBytes(e.getValue());
      String[] parts = e.getKey().split("\\|");
      Target.Period period = Target.Period.parse(parts[parts.length - 1]);
      long ps = RuleEvaluator.pacePeriodStart(st);
      if (period.end(ps, zoneId) - 1 + allowedLateness < timestamp) {
        String ruleId =
            e.getKey()
                .substring(
                    0,
                    e.getKey().length()
                        - parts[parts.length - 1].length()
                        - parts[parts.length - 2].length()
                        - 2);
        for (AlertRule rule : paceRules) {
          if (rule.id().equals(ruleId)) {
            List<Alert> alerts = new ArrayList<>();
            long pe = period.end(ps, zoneId);
            WindowSpec w = WindowSpec.parse(rule.window(), zoneId);
            long ws = w.start(pe - 1);
            RuleEvaluator.closePace(
                rule,
                st,
                new KpiPoint(
                    ctx.getCurrentKey(),
                    ctx.getCurrentKey(),
                    rule.window(),
                    Instant.ofEpochMilli(ws),
                    Instant.ofEpochMilli(w.end(ws)),
                    dev.pantau.alerts.KpiMetrics.ALL_SOURCES,
                    Map.of()),
                alerts);
            for (Alert a : alerts) {
              ctx.output(PACE_ALERTS, AlertEvent.of(a));
            }
          }
        }
        stale.add(e.getKey());
      }
    }
    for (String k : stale) {
      paceStates.remove(k);
    }
  }

  private static TargetRecord record(String brand, TargetSeries s, TargetProgress p) {
    TargetRecord t = new TargetRecord();
    t.brand = brand;
    t.metric = s.metric;
    t.period = s.period;
    t.start = s.start;
    t.end = s.end;
    t.asOf = p.now();
    t.target = s.target;
    t.actual = (long) p.actual();
    t.expectedByNow = p.expectedByNow();
    t.pace = p.pace();
    t.projected = p.projected();
    t.status = p.status().label();
    t.revision = s.revision;
    return t;
  }
}
