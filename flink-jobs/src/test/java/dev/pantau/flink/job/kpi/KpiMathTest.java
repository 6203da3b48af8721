package dev.pantau.flink.job.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.flink.io.MentionDecoder;
import org.junit.jupiter.api.Test;

class KpiMathTest {
  @Test
  void sumsSaturateAtTheCeilingInsteadOfWrapping() {
    assertThat(KpiMath.add(KpiMath.CEILING, 1)).isEqualTo(KpiMath.CEILING);
    assertThat(KpiMath.add(Long.MAX_VALUE, Long.MAX_VALUE)).isEqualTo(KpiMath.CEILING);
    assertThat(KpiMath.sum(1, 2, 3)).isEqualTo(6);
    assertThat(KpiMath.CEILING).isEqualTo(9_007_199_254_740_991L);
  }

  @Test
  void aWindowOfMaximalMentionsStaysAtTheCeiling() {
    KpiAccumulator acc = KpiAccumulator.empty("Acme", null);
    for (int i = 0; i < 10_000; i++) {
      KpiContribution c = new KpiContribution();
      c.brand = "acme";
      c.brandName = "Acme";
      c.source = "*";
      c.authorKey = "a" + i;
      c.reach = MentionDecoder.MAX_COUNT;
      c.views = MentionDecoder.MAX_COUNT;
      c.likes = c.comments = c.shares = c.quotes = c.bookmarks = MentionDecoder.MAX_COUNT;
      c.employee = true;
      // a new author each time, as DistinctAuthors would say for window 0
      c.newAuthors = new long[] {1};
      c.reachGrowth = new long[] {c.reach};
      c.newEmployeeAuthors = new long[] {1};
      c.employeeReachGrowth = new long[] {c.reach};
      acc.add(c, 0);
    }
    assertThat(acc.likes).isEqualTo(KpiMath.CEILING);
    assertThat(acc.impressions).isEqualTo(KpiMath.CEILING);
    assertThat(acc.engagementTotal()).isEqualTo(KpiMath.CEILING);
    assertThat(acc.reach).isEqualTo(KpiMath.CEILING);
    assertThat(acc.employeeReach).isEqualTo(KpiMath.CEILING);
    assertThat(acc.uniqueAuthors).isEqualTo(10_000);
    assertThat(acc.employeeEngagement).isEqualTo(KpiMath.CEILING);
    assertThat(acc.mentions).isEqualTo(10_000);
  }
}
