package dev.pantau.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KpiMetricsTest {

  @Test
  void findsFieldsAndFamilyMembers() {
    assertThat(KpiMetrics.STANDARD.find("engagement.total")).contains(KpiMetrics.ENGAGEMENT_TOTAL);
    assertThat(KpiMetrics.STANDARD.find("topics.purchase-intent")).contains(KpiMetrics.TOPICS);
    assertThat(KpiMetrics.STANDARD.find("topics.")).isEmpty();
    assertThat(KpiMetrics.STANDARD.find("engagement")).isEmpty();
  }

  @Test
  void anUnknownNameListsTheValidOnes() {
    assertThatThrownBy(() -> KpiMetrics.STANDARD.require("sentiment.negatve"))
        .hasMessageContaining("metric 'sentiment.negatve' is not a KPI field")
        .hasMessageContaining("sentiment.negative, sentiment.unscored")
        .hasMessageContaining("topics.<id>");
  }

  @Test
  void aNameIsDefinedOnce() {
    assertThatThrownBy(() -> KpiMetrics.STANDARD.with(KpiMetric.additive("mentions")))
        .hasMessageContaining("named twice");
  }
}
