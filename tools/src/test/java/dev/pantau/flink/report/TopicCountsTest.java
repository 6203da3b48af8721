package dev.pantau.flink.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TopicCountsTest {
  @Test
  void actsAsTheSortedMapItReplaces() {
    TopicCounts counts =
        new TopicCounts.Builder()
            .put("switching", 3)
            .put("complaint", 1)
            .put("price", 7)
            .put("complaint", 2)
            .put("a-first", 0)
            .build();
    Map<String, Long> expected =
        new TreeMap<>(Map.of("switching", 3L, "complaint", 2L, "price", 7L, "a-first", 0L));

    assertThat(counts).isEqualTo(expected);
    assertThat(counts.keySet()).containsExactlyElementsOf(expected.keySet());
    assertThat(counts.hashCode()).isEqualTo(expected.hashCode());
    assertThat(counts.count("price")).isEqualTo(7);
    assertThat(counts.count("none")).isZero();
    assertThat(counts.get("none")).isNull();
    assertThat(counts.getOrDefault("none", 0L)).isZero();
    assertThat((Object) new TopicCounts.Builder().build()).isSameAs(TopicCounts.NONE);
    assertThat(TopicCounts.NONE).isEmpty();
  }
}
