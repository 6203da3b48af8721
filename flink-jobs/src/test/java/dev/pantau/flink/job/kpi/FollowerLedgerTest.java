package dev.pantau.flink.job.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

class FollowerLedgerTest {

  @Test
  void endCarriesEachAccountsLastReadingAndGrowthCountsFromTheReadingBefore() {
    FollowerLedger l = new FollowerLedger();
    l.add("instagram:@a", 100, 1_000);
    l.add("instagram:@a", 250, 1_030);
    l.add("x:@a", 150, 500);
    // window [200, 300): @a from 1000 (before 200) to 1030; x:@a first read before it, unchanged
    assertThat(l.figure(200, 300)).containsExactly(1_530, 30);
    // window [300, 400): nobody read, levels carried, no growth
    assertThat(l.figure(300, 400)).containsExactly(1_530, 0);
    // window [0, 100): no reading before its end
    assertThat(l.figure(0, 100)).isNull();
  }

  @Test
  void aNewAccountAddsItsGrowthNotItsAudience() {
    FollowerLedger l = new FollowerLedger();
    l.add("tiktok:@new", 120, 5_000);
    l.add("tiktok:@new", 180, 5_040);
    assertThat(l.figure(100, 200)).containsExactly(5_040, 40);
  }

  @Test
  void consecutiveWindowsGrowthAddsUpToTheGrowthOfTheirSpan() {
    FollowerLedger l = new FollowerLedger();
    long[][] readings = {{10, 100}, {35, 90}, {50, 130}, {71, 200}, {99, 180}};
    for (long[] r : readings) {
      l.add("x:@b", r[0], r[1]);
    }
    long sum = 0;
    for (long s = 0; s < 100; s += 20) {
      long[] f = l.figure(s, s + 20);
      sum += f == null ? 0 : f[1];
    }
    assertThat(sum).isEqualTo(l.figure(0, 100)[1]).isEqualTo(180 - 100);
  }

  @Test
  void aSecondReadingAtTheSameTimeReplacesTheFirstAndOutOfOrderReadingsAreSorted() {
    FollowerLedger l = new FollowerLedger();
    l.add("x:@c", 300, 30);
    l.add("x:@c", 100, 10);
    l.add("x:@c", 200, 20);
    l.add("x:@c", 200, 25);
    assertThat(l.accounts.get("x:@c")).containsExactly(100, 10, 200, 25, 300, 30);
  }

  @Test
  void pruneKeepsTheLastReadingBeforeTheHorizonAndForgetsSilentAccounts() {
    FollowerLedger l = new FollowerLedger();
    l.add("x:@d", 100, 1);
    l.add("x:@d", 200, 2);
    l.add("x:@d", 300, 3);
    l.add("x:@old", 50, 9);
    l.prune(250, 60);
    assertThat(l.accounts).containsOnlyKeys("x:@d");
    assertThat(l.accounts.get("x:@d")).containsExactly(200, 2, 300, 3);
    l.prune(Long.MAX_VALUE, Long.MAX_VALUE);
    assertThat(l.isEmpty()).isTrue();
  }

  @Test
  void isAFlinkPojoWithoutGenericTypes() {
    TypeInformation<FollowerLedger> t = TypeInformation.of(FollowerLedger.class);
    assertThat(t).isInstanceOf(PojoTypeInfo.class);
    PojoTypeInfo<FollowerLedger> pojo = (PojoTypeInfo<FollowerLedger>) t;
    for (int i = 0; i < pojo.getArity(); i++) {
      assertThat(pojo.getTypeAt(i)).isNotInstanceOf(GenericTypeInfo.class);
      assertThat(pojo.getTypeAt(i).getGenericParameters().values())
          .noneMatch(GenericTypeInfo.class::isInstance);
    }
  }
}
