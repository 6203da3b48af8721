package dev.pantau.flink.job.alert;

import dev.pantau.alerts.AlertRule;
import dev.pantau.flink.job.kpi.KpiRecord;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Sends each KPI record to every rule it feeds (see {@link AlertRules#feeds}). */
public class RouteToRules implements FlatMapFunction<KpiRecord, RulePoint> {
  private static final long serialVersionUID = 1L;
  private final AlertRules rules;

  public RouteToRules(AlertRules rules) {
    this.rules = rules;
  }

  @Override
  public void flatMap(KpiRecord r, Collector<RulePoint> out) {
    for (AlertRule rule : rules.rules()) {
      if (rules.feeds(rule, r)) {
        out.collect(new RulePoint(rule.id(), r));
      }
    }
  }
}
