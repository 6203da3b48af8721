package dev.pantau.flink.job.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class DistinctAuthorsTest {
  private static final long T0 = Instant.parse("2026-11-22T10:00:00Z").toEpochMilli();
  private static final long MIN = 60_000;

  @Test
  void countsAnAuthorOncePerWindowWithItsLargestAudienceAndLeavesNoStateBehind() throws Exception {
    List<WindowSpec> windows = WindowSpec.parseList("1m,5m", ZoneOffset.UTC);
    try (KeyedOneInputStreamOperatorTestHarness<String, KpiContribution, KpiContribution> h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new DistinctAuthors(windows, Duration.ofMinutes(2))),
            DistinctAuthors::key,
            Types.STRING)) {
      h.open();
      h.processElement(new StreamRecord<>(mention("x", 100, T0 + 10_000, false), T0 + 10_000));
      h.processElement(new StreamRecord<>(mention("x", 300, T0 + 20_000, false), T0 + 20_000));
      h.processElement(new StreamRecord<>(mention("x", 200, T0 + 70_000, true), T0 + 70_000));
      h.processElement(new StreamRecord<>(mention("y", 50, T0 + 30_000, false), T0 + 30_000));
      KpiContribution growth = mention("x", 999, T0 + 15_000, false);
      growth.update = true;
      h.processElement(new StreamRecord<>(growth, T0 + 15_000));

      List<KpiContribution> out = h.extractOutputValues();
      // new in both windows; the first 1m window's reach grows from 100 to 300
      assertThat(out.get(0).newAuthors).containsExactly(1, 1);
      assertThat(out.get(0).reachGrowth).containsExactly(100, 100);
      assertThat(out.get(1).newAuthors).containsExactly(0, 0);
      assertThat(out.get(1).reachGrowth).containsExactly(200, 200);
      // next minute: new in the 1m window only; as an employee, new in both; the 5m reach keeps 300
      assertThat(out.get(2).newAuthors).containsExactly(1, 0);
      assertThat(out.get(2).reachGrowth).containsExactly(200, 0);
      assertThat(out.get(2).newEmployeeAuthors).containsExactly(1, 1);
      assertThat(out.get(2).employeeReachGrowth).containsExactly(200, 200);
      assertThat(out.get(3).newAuthors).containsExactly(1, 1);
      assertThat(out.get(4).newAuthors).as("engagement growth passes through untouched").isNull();

      assertThat(h.numKeyedStateEntries()).isGreaterThan(0);
      // every window closed for changes (5m window end + 2 min lateness): nothing is left
      h.processWatermark(T0 + 5 * MIN - 1 + 2 * MIN);
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
  }

  private static KpiContribution mention(String author, long reach, long time, boolean employee) {
    KpiContribution c = new KpiContribution();
    c.brand = "acme";
    c.brandName = "Acme";
    c.source = "*";
    c.authorKey = author;
    c.reach = reach;
    c.eventTime = time;
    c.employee = employee;
    return c;
  }
}
