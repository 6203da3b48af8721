package dev.pantau.flink.job.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.flink.job.kpi.KpiFields;
import dev.pantau.flink.job.kpi.KpiRecord;
import dev.pantau.flink.job.kpi.MinuteRecords;
import dev.pantau.keywords.sentiment.SentimentTally;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class SlidingKpiWindowsTest {
  private static final long MIN = MinuteRecords.MINUTE;

  @Test
  void sumsTheLastMinutesEveryMinuteAndLeavesNothingBehind() throws Exception {
    KeyedOneInputStreamOperatorTestHarness<String, KpiRecord, KpiRecord> h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new SlidingKpiWindows(List.of("5m"), KpiFields.STANDARD)),
            r -> r.brand,
            Types.STRING);
    h.open();
    for (int i = 0; i < 7; i++) {
      h.processElement(
          new StreamRecord<>(
              minute(i, i + 1, i % 2 == 0 ? "positive" : "negative"), (i + 1) * MIN - 1));
    }
    List<KpiRecord> out = h.extractOutputValues();
    assertThat(out).hasSize(7).allMatch(r -> r.sliding && r.window.equals("5m"));
    KpiRecord last = out.get(6);
    assertThat(last.start).isEqualTo(2 * MIN);
    assertThat(last.end).isEqualTo(7 * MIN);
    Map<String, Double> m = last.slidingMetrics;
    // minutes 2..6 had 3, 4, 5, 6, 7 mentions
    assertThat(m).containsEntry("mentions", 25.0);
    // minutes 2, 4, 6 positive (3 + 5 + 7), 3 and 5 negative (4 + 6)
    assertThat(m)
        .containsEntry("sentiment.positive", 15.0)
        .containsEntry("sentiment.negative", 10.0);
    assertThat(m).containsEntry("sentiment.net", 0.2);
    // the mean divides the exact sum of score units, as a tumbling window's tally does
    long units = 0;
    for (int i = 2; i < 7; i++) {
      units += minute(i, i + 1, i % 2 == 0 ? "positive" : "negative").sentimentScoreUnits;
    }
    assertThat(m).containsEntry("sentiment.mean", new SentimentTally(15, 0, 10, 0, units).mean());
    // distinct counts and share of voice are not sums of minutes
    assertThat(m)
        .doesNotContainKeys("unique_authors", "reach", "share_of_voice", "employee.authors");

    h.processWatermark(Long.MAX_VALUE);
    assertThat(h.numKeyedStateEntries()).isZero();
    assertThat(h.numEventTimeTimers()).isZero();
    h.close();
  }

  private static KpiRecord minute(int i, long mentions, String label) {
    KpiRecord r = MinuteRecords.minute(i, mentions);
    r.sentimentPositive = label.equals("positive") ? mentions : 0L;
    r.sentimentNegative = label.equals("negative") ? mentions : 0L;
    r.sentimentNeutral = 0L;
    r.sentimentUnscored = 0L;
    r.sentimentNet = label.equals("positive") ? 1.0 : -1.0;
    // a third of a point per mention: not a fraction that doubles sum exactly
    r.sentimentScoreUnits =
        Math.round((label.equals("positive") ? 1 : -1) * mentions * SentimentTally.SCALE / 3.0);
    r.sentimentMean = (double) r.sentimentScoreUnits / SentimentTally.SCALE / mentions;
    return r;
  }
}
