package dev.pantau.flink.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardStateTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode kpi(String brand, String source, String start, int revision, int mentions)
      throws Exception {
    return JSON.readTree(
        String.format(
            "{\"brand\":\"%s\",\"window\":\"1m\",\"start\":\"%s\",\"source\":\"%s\",\"mentions\":%d,\"revision\":%d}",
            brand, start, source, mentions, revision));
  }

  private static JsonNode alert(String id, String status) throws Exception {
    return JSON.readTree(
        String.format("{\"id\":\"%s\",\"status\":\"%s\",\"brand\":\"xl\"}", id, status));
  }

  @Test
  void keepsTheHighestRevisionOfAllSourcesOnly() throws Exception {
    DashboardState s = new DashboardState();
    assertThat(s.kpi(kpi("xl", "*", "2026-11-22T10:00:00Z", 2, 7))).isTrue();
    assertThat(s.kpi(kpi("xl", "*", "2026-11-22T10:00:00Z", 1, 5)))
        .as("an older revision")
        .isFalse();
    assertThat(s.kpi(kpi("xl", "twitter", "2026-11-22T10:00:00Z", 1, 3)))
        .as("one source")
        .isFalse();
    List<DashboardState.Event> snapshot = s.snapshot();
    assertThat(snapshot).hasSize(1);
    assertThat(snapshot.get(0).data().get("mentions").asInt()).isEqualTo(7);
  }

  @Test
  void boundsWindowsPerBrandAndAlertsAndKeepsResolvedAlertsResolved() throws Exception {
    DashboardState s = new DashboardState();
    Instant t = Instant.parse("2026-11-22T00:00:00Z");
    for (int i = 0; i < DashboardState.MAX_POINTS + 10; i++) {
      s.kpi(kpi("xl", "*", t.plusSeconds(60L * i).toString(), 1, i));
    }
    assertThat(s.snapshot()).hasSize(DashboardState.MAX_POINTS);
    assertThat(s.snapshot().get(0).data().get("mentions").asInt())
        .as("the oldest kept")
        .isEqualTo(10);

    DashboardState a = new DashboardState();
    assertThat(a.alert(alert("r|xl|5m|t", "firing"))).isTrue();
    assertThat(a.alert(alert("r|xl|5m|t", "resolved"))).isTrue();
    assertThat(a.alert(alert("r|xl|5m|t", "firing"))).as("a late firing record").isFalse();
    for (int i = 0; i < DashboardState.MAX_ALERTS + 5; i++) {
      a.alert(alert("a" + i, "firing"));
    }
    assertThat(a.snapshot()).hasSize(DashboardState.MAX_ALERTS);
    assertThat(a.snapshot())
        .extracting(e -> e.data().get("id").asText())
        .doesNotContain("r|xl|5m|t", "a0")
        .contains("a204");
  }
}
