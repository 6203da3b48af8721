package dev.pantau.flink.job.alert;

import dev.pantau.alerts.Alert;
import dev.pantau.alerts.AlertRule;
import dev.pantau.alerts.DetectorState;
import dev.pantau.alerts.Evaluation;
import dev.pantau.alerts.RuleEvaluator;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Runs one rule's detector for one brand (the key) over its KPI points, keeping the detector's
 * bounded state in Flink state. When a brand's points stop (it left the keyword set and its zero
 * records ended), the state and the timer go after {@link #DEFAULT_INACTIVITY}.
 */
public class EvaluateAlertRules extends KeyedProcessFunction<String, RulePoint, AlertEvent> {
  private static final long serialVersionUID = 1L;

  /** Longer than the KPI zero-record retention, so a quiet brand keeps its baseline. */
  public static final Duration DEFAULT_INACTIVITY = Duration.ofDays(8);

  public static final String FIRED_METRIC = "alertsFired";

  private final AlertRules rules;
  private final long inactivity;
  private transient Map<String, AlertRule> byId;
  private transient RuleEvaluator evaluator;

  /**
   * The detector's state in its own versioned byte layout ({@link DetectorState#toBytes()}), not
   * Kryo.
   */
  private transient ValueState<byte[]> detector;

  private transient ValueState<Long> cleanupAt;
  private transient Counter fired;

  public EvaluateAlertRules(AlertRules rules, Duration inactivity) {
    this.rules = rules;
    this.inactivity = inactivity.toMillis();
  }

  @Override
  public void open(OpenContext openContext) {
    byId = new HashMap<>();
    for (AlertRule r : rules.rules()) {
      byId.put(r.id(), r);
    }
    evaluator = new RuleEvaluator();
    detector =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "detector-state",
                    org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo
                        .BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    cleanupAt =
        getRuntimeContext().getState(new ValueStateDescriptor<>("detector-cleanup", Types.LONG));
    fired = getRuntimeContext().getMetricGroup().counter(FIRED_METRIC);
  }

  @Override
  public void processElement(RulePoint p, Context ctx, Collector<AlertEvent> out) throws Exception {
    AlertRule rule = byId.get(p.rule);
    if (rule == null) {
      return;
    }
    byte[] stored = detector.value();
    Evaluation ev =
        evaluator.evaluate(
            rule,
            stored == null ? null : DetectorState.fromBytes(stored),
            KpiPoints.of(p.record, rules.fields()));
    detector.update(ev.state() == null ? null : ev.state().toBytes());
    for (Alert a : ev.alerts()) {
      fired.inc();
      out.collect(AlertEvent.of(a));
    }
    Long previous = cleanupAt.value();
    long at = p.record.end + inactivity;
    if (previous == null || previous != at) {
      if (previous != null) {
        ctx.timerService().deleteEventTimeTimer(previous);
      }
      ctx.timerService().registerEventTimeTimer(at);
      cleanupAt.update(at);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertEvent> out) {
    detector.clear();
    cleanupAt.clear();
  }
}
