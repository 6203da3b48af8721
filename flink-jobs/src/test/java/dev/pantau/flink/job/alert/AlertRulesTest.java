package dev.pantau.flink.job.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.alerts.AlertConfig;
import dev.pantau.alerts.AlertRule;
import dev.pantau.alerts.AlertRuleLoader;
import dev.pantau.flink.job.kpi.KpiFields;
import dev.pantau.flink.job.kpi.KpiRecord;
import dev.pantau.flink.job.kpi.MinuteRecords;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** A rule's window and the KPI windows may be written differently and still be the same window. */
class AlertRulesTest {
  private static final long MIN = MinuteRecords.MINUTE;

  @Test
  void aSixtyMinuteRuleIsFedTheSlidingWindowsOfAOneHourKpiWindowAndTheOtherWayRound()
      throws Exception {
    for (List<String> kpiWindows : List.of(List.of("1m", "60m"), List.of("1m", "1h"))) {
      for (String ruleWindow : List.of("60m", "1h")) {
        AlertRules rules = rules(ruleWindow, kpiWindows);
        AlertRule rule = rules.rules().get(0);
        assertThat(rules.slides(rule)).isTrue();
        assertThat(rules.slidingWindows()).containsExactly(kpiWindows.get(1));
        KpiRecord sliding = slide(rules);
        assertThat(rules.feeds(rule, sliding)).as(ruleWindow + " on " + kpiWindows).isTrue();
      }
    }
  }

  @Test
  void aRuleOnADistinctCountReadsTheTumblingRecordsOfItsWindow() throws Exception {
    AlertRules rules = rules("1h", List.of("1m", "60m"), "reach");
    AlertRule rule = rules.rules().get(0);
    assertThat(rules.slides(rule)).isFalse();
    KpiRecord tumbling = MinuteRecords.minute(0, 3);
    tumbling.window = "60m";
    assertThat(rules.feeds(rule, tumbling)).isTrue();
    tumbling.revision = 2;
    assertThat(rules.feeds(rule, tumbling)).isFalse();
  }

  private static AlertRules rules(String window, List<String> kpiWindows) throws Exception {
    return rules(window, kpiWindows, "mentions");
  }

  private static AlertRules rules(String window, List<String> kpiWindows, String metric)
      throws Exception {
    AlertConfig config =
        AlertRuleLoader.parse(
            "rules: [{id: r, metric: " + metric + ", window: " + window + ", detector: spike}]",
            "test");
    return new AlertRules(config, kpiWindows);
  }

  private static KpiRecord slide(AlertRules rules) throws Exception {
    KeyedOneInputStreamOperatorTestHarness<String, KpiRecord, KpiRecord> h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(
                new SlidingKpiWindows(rules.slidingWindows(), KpiFields.STANDARD)),
            r -> r.brand,
            Types.STRING);
    h.open();
    h.processElement(new StreamRecord<>(MinuteRecords.minute(0, 3), MIN - 1));
    KpiRecord out = h.extractOutputValues().get(0);
    h.close();
    return out;
  }
}
