package dev.pantau.flink.job.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pantau.alerts.AlertConfig;
import dev.pantau.alerts.AlertConfigException;
import dev.pantau.alerts.AlertRuleLoader;
import dev.pantau.alerts.KpiMetric;
import dev.pantau.flink.io.OutputJson;
import dev.pantau.flink.job.alert.AlertRules;
import dev.pantau.flink.job.alert.KpiPoints;
import dev.pantau.flink.job.alert.SlidingKpiWindows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A KPI added to the registry here, in test sources, reaches the KPI record JSON, the detectors'
 * view, the sliding alert windows and the rule loader, none of which is changed for it. It is
 * computed from record fields that exist; a KPI with an accumulation of its own also needs its
 * field in {@link KpiRecord} and its sum in {@link KpiAccumulator}.
 */
class KpiRegistryExtensionTest {
  private static final long MIN = MinuteRecords.MINUTE;
  private static final KpiMetric CONVERSATIONS = KpiMetric.additive("engagement.conversations");
  private static final KpiMetric PER_MENTION =
      KpiMetric.ratio("engagement.per_mention", 0, Double.POSITIVE_INFINITY);
  private static final KpiFields FIELDS =
      KpiFields.STANDARD
          .with(KpiField.count(CONVERSATIONS, r -> r.comments + r.quotes))
          .with(
              KpiField.ratio(
                  PER_MENTION,
                  r -> r.mentions == 0 ? null : (double) r.engagementTotal / r.mentions,
                  r -> r.engagementTotal,
                  r -> r.mentions,
                  1));

  @Test
  void theRecordJsonWritesItInItsObject() {
    KpiRecord r = minute(0, 4, 3, 1);
    String json = OutputJson.kpi(r, FIELDS);
    assertThat(json)
        .contains(
            "\"engagement\":{\"likes\":0,\"comments\":3,\"shares\":0,\"quotes\":1,\"bookmarks\":0,\"total\":4,"
                + "\"conversations\":4,\"per_mention\":1.0}")
        .endsWith("\"topics\":{},\"copies\":0,\"leads\":0,\"revision\":1}");
    assertThat(OutputJson.kpi(r)).doesNotContain("conversations");
    assertThat(KpiPoints.of(r, FIELDS).metrics()).containsEntry("engagement.conversations", 4.0);
  }

  @Test
  void theSlidingWindowSumsItAndRecomputesTheRatio() throws Exception {
    KeyedOneInputStreamOperatorTestHarness<String, KpiRecord, KpiRecord> h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new SlidingKpiWindows(List.of("5m"), FIELDS)),
            r -> r.brand,
            Types.STRING);
    h.open();
    h.processElement(new StreamRecord<>(minute(0, 1, 3, 1), MIN - 1));
    h.processElement(new StreamRecord<>(minute(1, 3, 0, 2), 2 * MIN - 1));
    KpiRecord last = h.extractOutputValues().get(1);
    assertThat(last.slidingMetrics)
        .containsEntry("engagement.conversations", 6.0)
        // (4 + 2) engagement over (1 + 3) mentions, not the mean of 4.0 and 0.667
        .containsEntry("engagement.per_mention", 1.5);
    h.close();
  }

  @Test
  void theRuleLoaderAcceptsItAndRulesOnItSlide(@TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("rules.yaml"),
            "rules: [{id: talk, metric: engagement.conversations, window: 5m, detector: spike}]\n");
    AlertConfig config = AlertRuleLoader.load(file, List.of("1m", "5m"), FIELDS.metrics());
    assertThat(config.rules())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.metric()).isEqualTo("engagement.conversations");
              assertThat(new AlertRules(config, Set.of("1m", "5m"), FIELDS).slides(rule)).isTrue();
            });
    assertThatThrownBy(() -> AlertRuleLoader.load(file, List.of("1m", "5m")))
        .isInstanceOf(AlertConfigException.class)
        .hasMessageContaining("metric 'engagement.conversations' is not a KPI field");
  }

  private static KpiRecord minute(int i, long mentions, long comments, long quotes) {
    KpiRecord r = MinuteRecords.minute(i, mentions);
    r.comments = comments;
    r.quotes = quotes;
    r.engagementTotal = comments + quotes;
    return r;
  }
}
