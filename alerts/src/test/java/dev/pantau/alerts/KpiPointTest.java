package dev.pantau.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KpiPointTest {

  @Test
  void flattensTheSpecRecord() throws Exception {
    String json = """
        {"brand":"telkomsel","group":"telco-id","window":"5m","start":"2026-11-22T10:15:00Z","end":"2026-11-22T10:20:00Z",
         "source":"*","mentions":123,"unique_authors":80,"reach":45000,"impressions":91000,
         "engagement":{"likes":310,"comments":42,"shares":57,"quotes":0,"bookmarks":0,"total":409},
         "sentiment":{"positive":40,"neutral":60,"negative":20,"unscored":3,"net":0.167,"mean":0.12},
         "share_of_voice":0.31,"employee":{"mentions":12,"authors":5,"reach":9000,"engagement":70},
         "topics":{"purchase-intent":3},"revision":1}
        """;
    KpiPoint p = KpiPoint.fromJson(new ObjectMapper().readTree(json), "Telkomsel");
    assertThat(p.brand()).isEqualTo("telkomsel");
    assertThat(p.brandName()).isEqualTo("Telkomsel");
    assertThat(p.length()).isEqualTo(Duration.ofMinutes(5));
    assertThat(p.metric("mentions")).isEqualTo(123);
    assertThat(p.metric("engagement.total")).isEqualTo(409);
    assertThat(p.metric("sentiment.net")).isEqualTo(0.167);
    assertThat(p.metric("topics.purchase-intent")).isEqualTo(3);
    assertThat(p.metric("employee.reach")).isEqualTo(9000);
    assertThat(p.metrics()).doesNotContainKeys("revision", "brand", "group");
  }

  @Test
  void rejectsRecordsWithoutTimes() {
    assertThatThrownBy(() -> KpiPoint.fromJson(new ObjectMapper().readTree("{\"brand\":\"a\",\"window\":\"5m\"}"), null))
        .hasMessageContaining("lacks 'start'");
    Instant t = Instant.parse("2026-11-22T10:15:00Z");
    assertThatThrownBy(() -> new KpiPoint("a", null, "5m", t, t, "*", Map.of())).hasMessageContaining("not after start");
  }
}
