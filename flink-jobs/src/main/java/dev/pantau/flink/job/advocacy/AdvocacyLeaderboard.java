package dev.pantau.flink.job.advocacy;

import dev.pantau.flink.job.copies.BrandPost;
import dev.pantau.flink.model.Mention;
import dev.pantau.keywords.AdvocacyPoints;
import dev.pantau.keywords.Brand;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The employee advocacy leaderboard of one brand (the key), per week and month (SPEC §4c), from the
 * brand's posts by its own employees (after copy detection, so a copy costs points).
 *
 * <p>Like the KPI windows: a period's board is emitted, ranked, when the watermark passes its end;
 * late posts, engagement growth and mentions found to be copies within the allowed lateness re-emit
 * the rows they change (rank included) with {@code revision + 1}; the board is dropped after that.
 */
public class AdvocacyLeaderboard extends KeyedProcessFunction<String, BrandPost, AdvocacyRow> {
  private static final long serialVersionUID = 1L;
  public static final String LATE_METRIC = "advocacyLateDropped";

  private final String zone;
  private final long allowedLateness;
  private final AdvocacyPoints points;
  private transient ZoneId zoneId;
  private transient MapState<String, AdvocacyBoard> boards;
  private transient Counter late;

  public AdvocacyLeaderboard(String zone, Duration allowedLateness, AdvocacyPoints points) {
    this.zone = zone;
    this.allowedLateness = allowedLateness.toMillis();
    this.points = points;
  }

  /** How the leaderboard names an employee: the handle with {@code @}, else the author id. */
  public static String employeeOf(Mention m) {
    if (m.authorHandle != null && !m.authorHandle.isBlank()) {
      return "@" + Brand.normaliseHandle(m.authorHandle);
    }
    return m.authorId != null ? m.authorId : m.source + ":" + m.id;
  }

  @Override
  public void open(OpenContext openContext) {
    zoneId = ZoneId.of(zone);
    boards =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "advocacy-boards", Types.STRING, TypeInformation.of(AdvocacyBoard.class)));
    late = getRuntimeContext().getMetricGroup().counter(LATE_METRIC);
  }

  @Override
  public void processElement(BrandPost p, Context ctx, Collector<AdvocacyRow> out)
      throws Exception {
    if (!p.employee()) {
      return;
    }
    long wm = ctx.timerService().currentWatermark();
    Mention m = p.em.mention;
    for (AdvocacyPeriod period : AdvocacyPeriod.values()) {
      long start = period.start(m.createdAt, zoneId);
      long end = period.end(start, zoneId);
      if (end - 1 + allowedLateness <= wm) {
        late.inc();
        continue;
      }
      String key = period.json() + '|' + start;
      AdvocacyBoard board = boards.get(key);
      if (board == null) {
        board = new AdvocacyBoard();
        board.period = period.json();
        board.start = start;
        board.end = end;
        ctx.timerService().registerEventTimeTimer(end - 1 + allowedLateness);
      }
      AdvocacyScore s = board.employees.computeIfAbsent(employeeOf(m), e -> new AdvocacyScore());
      apply(s, p);
      s.dirty = true;
      ctx.timerService().registerEventTimeTimer(Math.max(end - 1, wm + 1));
      boards.put(key, board);
    }
  }

  private static void apply(AdvocacyScore s, BrandPost p) {
    Mention m = p.em.mention;
    boolean repost = Boolean.TRUE.equals(m.isRepost);
    switch (p.kind) {
      case BrandPost.NEW -> {
        s.posts++;
        if (p.copyOf != null) {
          s.copies++;
        } else if (!repost) {
          s.originalPosts++;
        }
        s.reach = Math.max(s.reach, m.potentialReach());
      }
      case BrandPost.COPY_MARK -> {
        s.copies++;
        s.originalPosts = Math.max(0, s.originalPosts - 1); // only a non-repost can be marked
        return;
      }
      default -> {
        // engagement growth only
      }
    }
    s.likes += n(m.likes);
    s.comments += n(m.comments);
    s.shares += n(m.shares);
    s.quotes += n(m.quotes);
    s.bookmarks += n(m.bookmarks);
  }

  @Override
  public void onTimer(long t, OnTimerContext ctx, Collector<AdvocacyRow> out) throws Exception {
    long wm = ctx.timerService().currentWatermark();
    List<String> keys = new ArrayList<>();
    for (String k : boards.keys()) {
      keys.add(k);
    }
    keys.sort(null);
    for (String k : keys) {
      AdvocacyBoard b = boards.get(k);
      if (b.end - 1 > wm) {
        continue;
      }
      if (b.end - 1 + allowedLateness <= wm) {
        emit(ctx.getCurrentKey(), b, out);
        boards.remove(k);
      } else if (emit(ctx.getCurrentKey(), b, out)) {
        boards.put(k, b);
      }
    }
  }

  /** Ranks the board and emits the rows that are new or changed; whether any was. */
  private boolean emit(String brand, AdvocacyBoard b, Collector<AdvocacyRow> out) {
    List<Map.Entry<String, AdvocacyScore>> ranked = new ArrayList<>(b.employees.entrySet());
    ranked.sort(
        Comparator.<Map.Entry<String, AdvocacyScore>>comparingDouble(e -> -pointsOf(e.getValue()))
            .thenComparing(Map.Entry::getKey));
    boolean any = false;
    for (int i = 0; i < ranked.size(); i++) {
      AdvocacyScore s = ranked.get(i).getValue();
      int rank = i + 1;
      if (s.revision == 0 || s.dirty || s.rank != rank) {
        s.rank = rank;
        s.dirty = false;
        s.revision++;
        out.collect(row(brand, b, ranked.get(i).getKey(), s));
        any = true;
      }
    }
    return any;
  }

  private double pointsOf(AdvocacyScore s) {
    double p = points.of(s.posts, s.originalPosts, s.copies, s.likes, s.comments, s.shares);
    return Math.round(p * 100.0) / 100.0;
  }

  private AdvocacyRow row(String brand, AdvocacyBoard b, String employee, AdvocacyScore s) {
    AdvocacyRow r = new AdvocacyRow();
    r.brand = brand;
    r.period = b.period;
    r.start = b.start;
    r.end = b.end;
    r.employee = employee;
    r.posts = s.posts;
    r.originalPosts = s.originalPosts;
    r.copies = s.copies;
    r.reach = s.reach;
    r.likes = s.likes;
    r.comments = s.comments;
    r.shares = s.shares;
    r.engagementTotal = s.engagementTotal();
    r.points = pointsOf(s);
    r.rank = s.rank;
    r.revision = s.revision;
    return r;
  }

  private static long n(Long v) {
    return v == null ? 0 : v;
  }
}
