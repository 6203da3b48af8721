package dev.pantau.flink.job.targets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.flink.job.kpi.WindowSpec;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TargetFeedTest {
  @Test
  void theShortestWindowThatTilesTheZonesPeriods() {
    ZoneId jakarta = ZoneId.of("Asia/Jakarta");
    ZoneId kolkata = ZoneId.of("Asia/Kolkata");
    assertThat(TargetFeed.choose(WindowSpec.parseList("1m,5m,1h,1d", jakarta), jakarta))
        .get()
        .extracting(WindowSpec::name)
        .isEqualTo("1m");
    assertThat(TargetFeed.choose(WindowSpec.parseList("5m,1h,1d", jakarta), jakarta))
        .get()
        .extracting(WindowSpec::name)
        .isEqualTo("5m");
    // UTC+5:30: hours do not start at local midnight, days do
    assertThat(TargetFeed.choose(WindowSpec.parseList("1h,1d", kolkata), kolkata))
        .get()
        .extracting(WindowSpec::name)
        .isEqualTo("1d");
    assertThat(TargetFeed.choose(WindowSpec.parseList("7m,2d", jakarta), jakarta)).isEmpty();
  }
}
