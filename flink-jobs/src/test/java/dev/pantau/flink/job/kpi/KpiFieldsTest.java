package dev.pantau.flink.job.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.alerts.KpiMetrics;
import org.junit.jupiter.api.Test;

class KpiFieldsTest {

  @Test
  void bindsEveryMetricRulesMayNameInTheSameOrder() {
    assertThat(KpiFields.STANDARD.metrics().all()).isEqualTo(KpiMetrics.STANDARD.all());
  }

  @Test
  void slidesAdditiveCountsAndTheirRatiosOnly() {
    assertThat(KpiFields.STANDARD.fromMinutes())
        .extracting(KpiField::name)
        .contains(
            "mentions", "engagement.total", "sentiment.negative", "sentiment.net", "sentiment.mean")
        .doesNotContain("unique_authors", "reach", "share_of_voice", "employee.authors", "topics.");
  }
}
