package dev.pantau.flink.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.flink.job.kpi.KpiFields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesRowsTest {
  private final KpiLayout layout = new KpiLayout(KpiFields.STANDARD);

  private KpiRow row(long start, int revision, double mentions, Map<String, Long> topics) {
    double[] values = layout.empty();
    values[layout.index("mentions")] = mentions;
    TopicCounts.Builder t = new TopicCounts.Builder();
    topics.forEach(t::put);
    return new KpiRow(
        "acme", "g", "1m", "*", Instant.ofEpochSecond(start), revision, layout, values, t.build());
  }

  @Test
  void rowsComeBackAsTheyWereAddedWhenInOrder() {
    SeriesRows s = new SeriesRows("acme", "1m", "*", layout);
    List<KpiRow> added = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      KpiRow r = row(60L * i, 1, i, i % 3 == 0 ? Map.of() : Map.of("b", (long) i, "a", 1L));
      added.add(r);
      s.add(r);
    }

    assertThat(s.finish()).isEqualTo(100);
    for (int i = 0; i < 100; i++) {
      KpiRow r = s.row(i);
      assertThat(r.start()).isEqualTo(added.get(i).start());
      assertThat(r.values()).containsExactly(added.get(i).values());
      assertThat(r.topics()).isEqualTo(added.get(i).topics());
      assertThat(r.group()).isEqualTo("g");
    }
  }

  @Test
  void eachStartKeepsItsHighestRevisionAndOfEqualsTheLaterRecord() {
    SeriesRows s = new SeriesRows("acme", "1m", "*", layout);
    s.add(row(120, 1, 1, Map.of()));
    s.add(row(0, 1, 2, Map.of("x", 1L)));
    s.add(row(120, 3, 3, Map.of()));
    s.add(row(120, 2, 4, Map.of()));
    s.add(row(0, 1, 5, Map.of("y", 2L)));
    s.add(row(60, 1, 6, Map.of()));

    assertThat(s.finish()).isEqualTo(3);
    assertThat(List.of(s.row(0), s.row(1), s.row(2)))
        .extracting(r -> r.start().getEpochSecond(), KpiRow::revision, r -> r.value("mentions"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0L, 1, 5L),
            org.assertj.core.groups.Tuple.tuple(60L, 1, 6L),
            org.assertj.core.groups.Tuple.tuple(120L, 3, 3L));
    assertThat(s.row(0).topics()).isEqualTo(Map.of("y", 2L));
  }

  @Test
  void seriesConcatenatedReadAsOneList() {
    SeriesRows a = new SeriesRows("acme", "1m", "*", layout);
    SeriesRows b = new SeriesRows("acme", "1h", "*", layout);
    for (int i = 0; i < 5; i++) {
      a.add(row(60L * i, 1, i, Map.of()));
    }
    b.add(row(0, 1, 9, Map.of()));
    a.finish();
    b.finish();

    List<KpiRow> all = SeriesRows.concat(List.of(a, b));

    assertThat(all).hasSize(6);
    assertThat(all).extracting(r -> r.value("mentions")).containsExactly(0L, 1L, 2L, 3L, 4L, 9L);
  }
}
