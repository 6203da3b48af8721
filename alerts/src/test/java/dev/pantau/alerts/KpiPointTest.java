package dev.pantau.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KpiPointTest {
  private static final Instant T = Instant.parse("2026-11-22T10:15:00Z");

  @Test
  void namesTheBrandByItsIdWhenItHasNoName() {
    KpiPoint p =
        new KpiPoint(
            "telkomsel",
            null,
            "5m",
            T,
            T.plus(Duration.ofMinutes(5)),
            null,
            Map.of("mentions", 3.0));
    assertThat(p.brandName()).isEqualTo("telkomsel");
    assertThat(p.source()).isEqualTo("*");
    assertThat(p.length()).isEqualTo(Duration.ofMinutes(5));
    assertThat(p.metric("mentions")).isEqualTo(3.0);
    assertThat(p.metric("reach")).isNull();
  }

  @Test
  void rejectsAnEmptyWindow() {
    assertThatThrownBy(() -> new KpiPoint("a", null, "5m", T, T, "*", Map.of()))
        .hasMessageContaining("not after start");
  }
}
