package dev.pantau.flink.job.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.alerts.Alert;
import dev.pantau.alerts.AlertConfig;
import dev.pantau.alerts.AlertRuleLoader;
import dev.pantau.flink.job.kpi.KpiRecord;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class EvaluateAlertRulesTest {
  private static final long FIVE = 5 * 60_000;

  @Test
  void firesOnASpikeAndDropsStateWhenTheBrandGoesAway() throws Exception {
    AlertConfig config =
        AlertRuleLoader.parse(
            "rules:\n  - {id: spike, metric: mentions, window: 5m, detector: spike, warmup: 12}\n",
            "test.yaml");
    AlertRules rules = new AlertRules(config, Set.of("5m"));
    KeyedOneInputStreamOperatorTestHarness<String, RulePoint, AlertEvent> h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new EvaluateAlertRules(rules, Duration.ofHours(2))),
            RulePoint::key,
            Types.STRING);
    h.open();
    long t = 0;
    for (int i = 0; i < 300; i++, t += FIVE) {
      h.processElement(
          new StreamRecord<>(new RulePoint("spike", point(t, 20 + (i % 3))), t + FIVE - 1));
    }
    h.processElement(new StreamRecord<>(new RulePoint("spike", point(t, 400)), t + FIVE - 1));
    List<Alert> alerts = h.extractOutputValues().stream().map(AlertEvent::alert).toList();
    assertThat(alerts).isNotEmpty();
    Alert last = alerts.get(alerts.size() - 1);
    assertThat(last.firing()).isTrue();
    assertThat(last.brand()).isEqualTo("acme");
    assertThat(last.id())
        .isEqualTo(Alert.idOf("spike", "acme", "5m", java.time.Instant.ofEpochMilli(t)));

    assertThat(h.numKeyedStateEntries()).isPositive();
    h.processWatermark(t + Duration.ofHours(3).toMillis());
    assertThat(h.numKeyedStateEntries()).isZero();
    assertThat(h.numEventTimeTimers()).isZero();
    h.close();
  }

  private static KpiRecord point(long start, long mentions) {
    KpiRecord r = new KpiRecord();
    r.brand = "acme";
    r.brandName = "Acme";
    r.window = "5m";
    r.source = "*";
    r.revision = 1;
    r.start = start;
    r.end = start + FIVE;
    r.mentions = mentions;
    return r;
  }
}
