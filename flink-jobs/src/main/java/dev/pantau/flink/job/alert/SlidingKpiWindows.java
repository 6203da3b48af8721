package dev.pantau.flink.job.alert;

import dev.pantau.flink.job.kpi.KpiMath;
import dev.pantau.flink.job.kpi.KpiRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns a brand's 1m records (all sources, first revision) into windows of {@code sizes} minutes that
 * slide by one minute, so a 5m spike rule is evaluated every minute instead of waiting for a tumbling
 * window to close. Keeps the last minutes' additive totals per brand; clears them once the brand's
 * records stop.
 */
public class SlidingKpiWindows extends KeyedProcessFunction<String, KpiRecord, KpiRecord> {
  private static final long serialVersionUID = 1L;
  private static final long MINUTE = 60_000L;

  // mentions, impressions, likes, comments, shares, quotes, bookmarks, total,
  // positive, neutral, negative, unscored, scoreSum, employeeMentions, employeeEngagement
  private static final int FIELDS = 15;
  private static final int SCORE_SUM = 12;

  private final int[] sizes;
  private final boolean sentiment;
  private final int maxMinutes;
  private transient MapState<Long, double[]> minutes;
  private transient ValueState<Long> cleanupAt;

  /**
   * @param sizeNames window names in minutes or hours ({@code 5m}, {@code 1h}) to slide
   * @param sentiment whether 1m records carry sentiment
   */
  public SlidingKpiWindows(List<String> sizeNames, boolean sentiment) {
    this.sizes = sizeNames.stream().mapToInt(SlidingKpiWindows::minutesOf).toArray();
    this.sentiment = sentiment;
    this.maxMinutes = java.util.Arrays.stream(sizes).max().orElse(1);
  }

  /** Minutes in a window name like {@code 5m} or {@code 1h}; -1 for day windows and others. */
  public static int minutesOf(String window) {
    char unit = window.charAt(window.length() - 1);
    int n = Integer.parseInt(window.substring(0, window.length() - 1));
    return switch (unit) {
      case 'm' -> n;
      case 'h' -> n * 60;
      default -> -1;
    };
  }

  @Override
  public void open(OpenContext openContext) {
    minutes =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>("sliding-minutes", Types.LONG, PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO));
    cleanupAt = getRuntimeContext().getState(new ValueStateDescriptor<>("sliding-cleanup", Types.LONG));
  }

  @Override
  public void processElement(KpiRecord r, Context ctx, Collector<KpiRecord> out) throws Exception {
    if (r.revision != 1 || !"1m".equals(r.window) || !"*".equals(r.source)) {
      return;
    }
    minutes.put(r.start, components(r));
    List<Long> old = new ArrayList<>();
    for (Long start : minutes.keys()) {
      if (start <= r.end - (long) maxMinutes * MINUTE - MINUTE) {
        old.add(start);
      }
    }
    for (Long start : old) {
      minutes.remove(start);
    }
    for (int size : sizes) {
      double[] sum = new double[FIELDS];
      long from = r.end - size * MINUTE;
      for (Map.Entry<Long, double[]> e : minutes.entries()) {
        if (e.getKey() >= from) {
          for (int i = 0; i < FIELDS; i++) {
            // counts add exactly and saturate at the KPI ceiling; only the score sum is a real number
            sum[i] = i == SCORE_SUM ? sum[i] + e.getValue()[i] : KpiMath.add((long) sum[i], (long) e.getValue()[i]);
          }
        }
      }
      out.collect(record(r, size, from, sum));
    }
    Long previous = cleanupAt.value();
    if (previous != null) {
      ctx.timerService().deleteEventTimeTimer(previous);
    }
    long at = r.end + (long) maxMinutes * MINUTE;
    ctx.timerService().registerEventTimeTimer(at);
    cleanupAt.update(at);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<KpiRecord> out) {
    minutes.clear();
    cleanupAt.clear();
  }

  private static double[] components(KpiRecord r) {
    double scored = 0;
    double scoreSum = 0;
    if (r.sentimentPositive != null) {
      scored = r.sentimentPositive + r.sentimentNeutral + r.sentimentNegative;
      scoreSum = r.sentimentMean == null ? 0 : r.sentimentMean * scored;
    }
    return new double[] {
      r.mentions, r.impressions, r.likes, r.comments, r.shares, r.quotes, r.bookmarks, r.engagementTotal,
      r.sentimentPositive == null ? 0 : r.sentimentPositive,
      r.sentimentNeutral == null ? 0 : r.sentimentNeutral,
      r.sentimentNegative == null ? 0 : r.sentimentNegative,
      r.sentimentUnscored == null ? 0 : r.sentimentUnscored,
      scoreSum, r.employeeMentions, r.employeeEngagement
    };
  }

  private KpiRecord record(KpiRecord last, int size, long from, double[] s) {
    KpiRecord r = new KpiRecord();
    r.brand = last.brand;
    r.brandName = last.brandName;
    r.group = last.group;
    r.window = size % 60 == 0 ? (size / 60) + "h" : size + "m";
    r.start = from;
    r.end = last.end;
    r.source = "*";
    r.sliding = true;
    r.revision = 1;
    r.mentions = (long) s[0];
    r.impressions = (long) s[1];
    r.likes = (long) s[2];
    r.comments = (long) s[3];
    r.shares = (long) s[4];
    r.quotes = (long) s[5];
    r.bookmarks = (long) s[6];
    r.engagementTotal = (long) s[7];
    if (sentiment) {
      r.sentimentPositive = (long) s[8];
      r.sentimentNeutral = (long) s[9];
      r.sentimentNegative = (long) s[10];
      r.sentimentUnscored = (long) s[11];
      double scored = s[8] + s[9] + s[10];
      if (scored > 0) {
        r.sentimentNet = (s[8] - s[10]) / scored;
        r.sentimentMean = s[12] / scored;
      }
    }
    r.employeeMentions = (long) s[13];
    r.employeeEngagement = (long) s[14];
    return r;
  }
}
