package dev.pantau.flink.job.kpi;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts each author once per window, keyed by brand, source and author ({@link #key}): it adds to
 * each contribution, per window size, whether its author is new in that window and how much the
 * window's reach grows (an author's largest audience counts). The KPI windows then only add
 * numbers.
 *
 * <p>Why a step of its own: unique authors and reach need per-author state. Kept inside each
 * window's value, a day window of a million authors would be one value rewritten in full for every
 * mention (on RocksDB, deserialized and serialized each time). Keyed by author, the state of one
 * mention is a few entries, and each author's state is deleted by a timer once all its windows are
 * closed for changes.
 */
public class DistinctAuthors
    extends KeyedProcessFunction<String, KpiContribution, KpiContribution> {
  private static final long serialVersionUID = 1L;

  private final List<WindowSpec> windows;
  private final long allowedLateness;
  private transient ValueState<AuthorWindows> state;

  public DistinctAuthors(List<WindowSpec> windows, Duration allowedLateness) {
    this.windows = List.copyOf(windows);
    this.allowedLateness = allowedLateness.toMillis();
  }

  /** The key: brand, source and author. */
  public static String key(KpiContribution c) {
    return c.brand + '|' + c.source + '|' + c.authorKey;
  }

  @Override
  public void open(OpenContext openContext) {
    state =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "author-windows", TypeInformation.of(AuthorWindows.class)));
  }

  @Override
  public void processElement(KpiContribution c, Context ctx, Collector<KpiContribution> out)
      throws Exception {
    if (c.update) {
      out.collect(c); // engagement growth of a mention counted before: no new author, no reach
      return;
    }
    AuthorWindows aw = state.value();
    if (aw == null) {
      aw = new AuthorWindows();
    }
    long cleanup = count(c, aw, windows, allowedLateness);
    if (cleanup > aw.cleanupAt) {
      if (aw.cleanupAt != Long.MIN_VALUE) {
        ctx.timerService().deleteEventTimeTimer(aw.cleanupAt);
      }
      ctx.timerService().registerEventTimeTimer(cleanup);
      aw.cleanupAt = cleanup;
    }
    state.update(aw);
    out.collect(c);
  }

  /**
   * Fills {@code c}'s per-window author figures from the author's windows {@code aw}, which it
   * updates; returns the last watermark at which any of those windows can still change.
   */
  static long count(
      KpiContribution c, AuthorWindows aw, List<WindowSpec> windows, long allowedLateness) {
    int n = windows.size();
    c.newAuthors = new long[n];
    c.reachGrowth = new long[n];
    c.newEmployeeAuthors = new long[n];
    c.employeeReachGrowth = new long[n];
    c.newListedEmployees = new long[n];
    long cleanup = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      WindowSpec w = windows.get(i);
      long start = w.start(c.eventTime);
      AuthorWindows.Delta d = aw.observe(i, start, c.reach, c.employee, c.listedEmployee);
      c.newAuthors[i] = d.authors();
      c.reachGrowth[i] = d.reach();
      c.newEmployeeAuthors[i] = d.employeeAuthors();
      c.employeeReachGrowth[i] = d.employeeReach();
      c.newListedEmployees[i] = d.listedAuthors();
      cleanup = Math.max(cleanup, w.end(start) - 1 + allowedLateness);
    }
    return cleanup;
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<KpiContribution> out)
      throws Exception {
    AuthorWindows aw = state.value();
    if (aw == null) {
      return;
    }
    aw.expire(timestamp, this::closedAt);
    if (aw.isEmpty()) {
      state.clear();
    } else {
      // not reached while cleanupAt is the latest deadline of all entries; kept for safety
      state.update(aw);
    }
  }

  /** The watermark at which window (i, start) can no longer change. */
  private long closedAt(long i, long start) {
    WindowSpec w = windows.get((int) i);
    return w.end(start) - 1 + allowedLateness;
  }
}
