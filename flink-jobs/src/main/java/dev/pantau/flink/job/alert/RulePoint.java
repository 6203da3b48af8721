package dev.pantau.flink.job.alert;

import dev.pantau.flink.job.kpi.KpiRecord;

/** A KPI record routed to one alert rule; keyed by rule and brand. */
public class RulePoint {
  public String rule;
  public KpiRecord record;

  public RulePoint() {}

  public RulePoint(String rule, KpiRecord record) {
    this.rule = rule;
    this.record = record;
  }

  public String key() {
    return rule + '|' + record.brand;
  }
}
