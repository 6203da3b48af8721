package dev.pantau.flink.report;

import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * The KPI rows of one series (a brand, window and source), held in columns: a month's million rows
 * as a million objects each with its arrays cost a fifth of a report's CPU in garbage collection,
 * copying them from one generation to the next. A row is made again, as a short-lived object, when
 * it is read. Filled on one thread, then {@link #finish finished}; read on any.
 */
final class SeriesRows {
  final String brand;
  final String window;
  final String source;
  private final KpiLayout layout;
  private final int width;

  private int size;
  private long[] seconds = new long[16];
  private int[] nanos = new int[16];
  private int[] revisions = new int[16];
  private String[] groups = new String[16];
  private double[] values;

  /** Row i's topics are entries {@code [topicFrom[i], topicFrom[i + 1])}, ids in sorted order. */
  private int[] topicFrom = new int[17];

  private String[] topicIds = new String[16];
  private long[] topicCounts = new long[16];
  private int topics;

  /** The rows kept, in time order, as indices into the columns. */
  private int[] order;

  SeriesRows(String brand, String window, String source, KpiLayout layout) {
    this.brand = brand;
    this.window = window;
    this.source = source;
    this.layout = layout;
    this.width = layout.size();
    this.values = new double[16 * width];
  }

  void add(KpiRow row) {
    if (size == seconds.length) {
      int n = size * 2;
      seconds = Arrays.copyOf(seconds, n);
      nanos = Arrays.copyOf(nanos, n);
      revisions = Arrays.copyOf(revisions, n);
      groups = Arrays.copyOf(groups, n);
      values = Arrays.copyOf(values, n * width);
      topicFrom = Arrays.copyOf(topicFrom, n + 1);
    }
    seconds[size] = row.start().getEpochSecond();
    nanos[size] = row.start().getNano();
    revisions[size] = row.revision();
    groups[size] = row.group();
    System.arraycopy(row.values(), 0, values, size * width, width);
    for (Map.Entry<String, Long> t : row.topics().entrySet()) {
      if (topics == topicIds.length) {
        topicIds = Arrays.copyOf(topicIds, topics * 2);
        topicCounts = Arrays.copyOf(topicCounts, topics * 2);
      }
      topicIds[topics] = t.getKey();
      topicCounts[topics++] = t.getValue();
    }
    topicFrom[++size] = topics;
  }

  /**
   * Keeps each start's highest revision (of equals, the later record), as an upsert keeps it, in
   * time order; returns how many rows that leaves.
   */
  int finish() {
    if (inOrder()) {
      order = new int[size];
      Arrays.setAll(order, i -> i);
      return size;
    }
    Integer[] sorted = new Integer[size];
    Arrays.setAll(sorted, i -> i);
    // stable: of equal start and revision the later record stays last
    Arrays.sort(
        sorted,
        Comparator.comparingLong((Integer i) -> seconds[i]).thenComparingInt(i -> revisions[i]));
    int[] kept = new int[size];
    int n = 0;
    for (int k = 0; k < size; k++) {
      if (k + 1 < size && seconds[sorted[k + 1]] == seconds[sorted[k]]) {
        continue;
      }
      kept[n++] = sorted[k];
    }
    order = Arrays.copyOf(kept, n);
    return n;
  }

  /** Starts strictly rising, as a replay writes a series: nothing to sort, nothing replaced. */
  private boolean inOrder() {
    for (int i = 1; i < size; i++) {
      if (seconds[i] <= seconds[i - 1]) {
        return false;
      }
    }
    return true;
  }

  int rows() {
    return order.length;
  }

  /** The k-th row kept, in time order. */
  KpiRow row(int k) {
    int i = order[k];
    return new KpiRow(
        brand,
        groups[i],
        window,
        source,
        Instant.ofEpochSecond(seconds[i], nanos[i]),
        revisions[i],
        layout,
        Arrays.copyOfRange(values, i * width, (i + 1) * width),
        topicFrom[i] == topicFrom[i + 1]
            ? TopicCounts.NONE
            : TopicCounts.sorted(
                Arrays.copyOfRange(topicIds, topicFrom[i], topicFrom[i + 1]),
                Arrays.copyOfRange(topicCounts, topicFrom[i], topicFrom[i + 1])));
  }

  /** Finished series, one after another, as one list of rows. */
  static List<KpiRow> concat(List<SeriesRows> series) {
    int[] offsets = new int[series.size() + 1];
    for (int s = 0; s < series.size(); s++) {
      offsets[s + 1] = offsets[s] + series.get(s).rows();
    }
    return new Columns(series.toArray(SeriesRows[]::new), offsets);
  }

  /** The rows of finished series, one after another; a row is made when it is got. */
  static final class Columns extends AbstractList<KpiRow> implements RandomAccess {
    private final SeriesRows[] series;
    private final int[] offsets;

    private Columns(SeriesRows[] series, int[] offsets) {
      this.series = series;
      this.offsets = offsets;
    }

    /** Every row's start in epoch seconds, in the list's order. */
    void forEachStart(LongConsumer action) {
      for (SeriesRows s : series) {
        for (int i : s.order) {
          action.accept(s.seconds[i]);
        }
      }
    }

    /** Adds the id of every topic some row counts. */
    void addTopicIds(Set<String> ids) {
      for (SeriesRows s : series) {
        for (int i : s.order) {
          for (int t = s.topicFrom[i]; t < s.topicFrom[i + 1]; t++) {
            ids.add(s.topicIds[t]);
          }
        }
      }
    }

    @Override
    public KpiRow get(int index) {
      if (index < 0 || index >= size()) {
        throw new IndexOutOfBoundsException(index);
      }
      int s = Arrays.binarySearch(offsets, index);
      // among equal offsets (empty series) the search may land on any: take the last
      s = s >= 0 ? s : -s - 2;
      while (s + 1 < offsets.length && offsets[s + 1] <= index) {
        s++;
      }
      return series[s].row(index - offsets[s]);
    }

    @Override
    public int size() {
      return offsets[offsets.length - 1];
    }
  }
}
