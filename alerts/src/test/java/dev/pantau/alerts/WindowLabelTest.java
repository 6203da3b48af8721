package dev.pantau.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowLabelTest {

  @Test
  void parsesTheOneGrammar() {
    assertThat(WindowLabel.parse(" 5M ")).isEqualTo(new WindowLabel(5, 'm'));
    assertThat(WindowLabel.parse("5m").text()).isEqualTo("5m");
    assertThat(WindowLabel.parse("9999d").length()).isEqualTo(Duration.ofDays(9999));
    assertThat(WindowLabel.parse("1h").minutes()).isEqualTo(60);
    assertThat(WindowLabel.parse("1d").minutes()).isEqualTo(-1);
    for (String bad : new String[] {"0m", "05m", "10000m", "5s", "1w", "m", "", "PT5M"}) {
      assertThatThrownBy(() -> WindowLabel.parse(bad))
          .as(bad)
          .hasMessageContaining("is not a KPI window like 1m");
    }
  }

  @Test
  void sixtyMinutesAndAnHourAreOneWindowButADayFollowsLocalMidnight() {
    assertThat(WindowLabel.parse("60m").sameWindow(WindowLabel.parse("1h"))).isTrue();
    assertThat(WindowLabel.parse("24h").sameWindow(WindowLabel.parse("1d"))).isFalse();
    assertThat(WindowLabel.among("60m", List.of("1m", "1h"))).contains("1h");
    assertThat(WindowLabel.among("1h", List.of("1m", "60m"))).contains("60m");
    assertThat(WindowLabel.among("24h", List.of("1m", "1d"))).isEmpty();
  }
}
