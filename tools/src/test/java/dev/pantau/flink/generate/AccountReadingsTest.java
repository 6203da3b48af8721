package dev.pantau.flink.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.flink.io.AccountStatsDecoder;
import dev.pantau.flink.model.AccountReading;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AccountReadingsTest {
  private static final Instant START = MentionGenerator.DEFAULT_START;

  @Test
  void sameSeedSameReadingsEveryOneValidForEveryBrandAndSource() throws Exception {
    List<String> a =
        new AccountReadings(7, START, Duration.ofHours(1)).until(START.plus(Duration.ofDays(2)));
    List<String> b =
        new AccountReadings(7, START, Duration.ofHours(1)).until(START.plus(Duration.ofDays(2)));
    assertThat(a).isEqualTo(b).hasSize(48 * 10);
    assertThat(
            new AccountReadings(8, START, Duration.ofHours(1))
                .until(START.plus(Duration.ofDays(2))))
        .isNotEqualTo(a);
    AccountStatsDecoder decoder = new AccountStatsDecoder();
    Map<String, long[]> firstLast = new TreeMap<>();
    for (String line : a) {
      AccountReading r = decoder.parse(line.getBytes(StandardCharsets.UTF_8));
      firstLast.computeIfAbsent(r.brand + " " + r.source, k -> new long[] {r.followers, 0})[1] =
          r.followers;
    }
    assertThat(firstLast).hasSize(10);
    // two days: Telkomsel's accounts gain far more than XL's
    long telkomsel = growth(firstLast, "telkomsel");
    long xl = growth(firstLast, "xl");
    assertThat(telkomsel).isGreaterThan(1_000);
    assertThat(xl).isLessThan(telkomsel / 10);
  }

  private static long growth(Map<String, long[]> firstLast, String brand) {
    return firstLast.entrySet().stream()
        .filter(e -> e.getKey().startsWith(brand + " "))
        .mapToLong(e -> e.getValue()[1] - e.getValue()[0])
        .sum();
  }
}
