package dev.pantau.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertTest {

  private static Alert sample() {
    Instant start = Instant.parse("2026-11-22T10:15:00Z");
    return new Alert(
        Alert.idOf("mention-spike", "telkomsel", "5m", start),
        Alert.Status.FIRING,
        "mention-spike",
        DetectorType.SPIKE,
        "telkomsel",
        Severity.WARNING,
        "mentions",
        "5m",
        start,
        start.plusSeconds(300),
        520,
        95.24,
        6.3049,
        "Telkomsel mentions 520 in 5m, 5.5x the usual 95",
        null,
        null,
        null);
  }

  @Test
  void jsonHasSpecFieldsInOrder() throws Exception {
    String json = sample().toJson();
    assertThat(json)
        .startsWith(
            "{\"id\":\"mention-spike|telkomsel|5m|2026-11-22T10:15:00Z\",\"status\":\"firing\","
                + "\"rule\":\"mention-spike\",\"type\":\"spike\",\"brand\":\"telkomsel\",\"severity\":\"warning\"");
    JsonNode n = new ObjectMapper().readTree(json);
    assertThat(n.get("observed").isIntegralNumber()).isTrue();
    assertThat(n.get("expected").asDouble()).isEqualTo(95.2);
    assertThat(n.get("score").asDouble()).isEqualTo(6.3);
    assertThat(n.get("end").asText()).isEqualTo("2026-11-22T10:20:00Z");
    assertThat(n.has("top_terms"))
        .as("absent until the job fills it, never empty or zero")
        .isFalse();
    assertThat(n.has("resolved_at")).isFalse();
  }

  @Test
  void contextIsAddedByTheJob() throws Exception {
    Alert a =
        sample()
            .withContext(
                List.of("sinyal", "gangguan"),
                List.of(new SampleMention("tw:1", "sinyal hilang", "https://x.com/1")));
    JsonNode n = new ObjectMapper().readTree(a.toJson());
    assertThat(n.get("top_terms").toString()).isEqualTo("[\"sinyal\",\"gangguan\"]");
    assertThat(n.get("sample_mentions").get(0).get("url").asText()).isEqualTo("https://x.com/1");
    assertThat(a.id()).isEqualTo(sample().id());
  }

  @Test
  void resolvedAtBelongsToResolvedAlertsOnly() {
    Instant t = Instant.parse("2026-11-22T10:15:00Z");
    assertThatThrownBy(
            () ->
                new Alert(
                    "x",
                    Alert.Status.FIRING,
                    "r",
                    DetectorType.SPIKE,
                    "b",
                    Severity.INFO,
                    "m",
                    "5m",
                    t,
                    t.plusSeconds(60),
                    1,
                    1,
                    1,
                    "m",
                    null,
                    null,
                    t))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void topTermsFavourWordsNewInTheWindow() {
    Map<String, Long> window =
        Map.of("telkomsel", 50L, "sinyal", 30L, "gangguan", 20L, "promo", 3L, "sekali", 1L);
    Map<String, Long> baseline =
        Map.of("telkomsel", 500L, "promo", 40L, "paket", 60L, "sinyal", 10L);
    // gangguan is new; sinyal was seen before but is three times as frequent now
    assertThat(TopTerms.overRepresented(window, baseline, 2)).containsExactly("gangguan", "sinyal");
    assertThat(TopTerms.overRepresented(window, baseline, 10))
        .doesNotContain("telkomsel", "promo", "sekali");
    assertThat(TopTerms.overRepresented(Map.of(), baseline, 3)).isEmpty();
  }
}
