package dev.pantau.flink.job.kpi;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A window's KPIs from its minutes': a minute is read into one count per additive field and two
 * (the numerator and the denominator) per ratio field of {@link KpiFields#fromMinutes}; minutes add
 * component by component; the window's ratios divide the sums. Integer sums in any order give the
 * same figures, the determinism {@link dev.pantau.keywords.sentiment.SentimentTally} keeps for
 * sentiment.
 */
public final class MinuteSums implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A count the minute does not carry (sentiment without a scorer), apart from a count of 0. */
  private static final long ABSENT = Long.MIN_VALUE;

  private final List<KpiField> fields;
  private final int size;

  public MinuteSums(KpiFields registry) {
    this.fields = registry.fromMinutes();
    this.size = fields.stream().mapToInt(f -> f.metric().ratio() ? 2 : 1).sum();
  }

  public long[] empty() {
    long[] s = new long[size];
    Arrays.fill(s, ABSENT);
    return s;
  }

  /** The components of one minute's record. */
  public long[] of(KpiRecord r) {
    long[] c = new long[size];
    int i = 0;
    for (KpiField f : fields) {
      if (f.metric().ratio()) {
        c[i++] = orAbsent(f.numerator(r));
        c[i++] = orAbsent(f.denominator(r));
      } else {
        Number v = f.read(r);
        c[i++] = v == null ? ABSENT : v.longValue();
      }
    }
    return c;
  }

  /** Adds {@code minute} into {@code sum}. */
  public void add(long[] sum, long[] minute) {
    for (int i = 0; i < size; i++) {
      if (minute[i] != ABSENT) {
        sum[i] = sum[i] == ABSENT ? minute[i] : saturatingAdd(sum[i], minute[i]);
      }
    }
  }

  /**
   * The window's KPIs by metric name: the sums, and the ratios of sums with a denominator above 0.
   */
  public Map<String, Double> metrics(long[] sum) {
    Map<String, Double> m = new HashMap<>();
    int i = 0;
    for (KpiField f : fields) {
      if (f.metric().ratio()) {
        long numerator = sum[i++];
        long denominator = sum[i++];
        Double v =
            denominator == ABSENT
                ? null
                : f.ratioOf(numerator == ABSENT ? 0 : numerator, denominator);
        if (v != null) {
          m.put(f.name(), v);
        }
      } else if (sum[i++] != ABSENT) {
        m.put(f.name(), (double) sum[i - 1]);
      }
    }
    return m;
  }

  private static long orAbsent(Long v) {
    return v == null ? ABSENT : v;
  }

  /**
   * Counts saturate at the KPI ceiling; a signed numerator (positive - negative) at its negative.
   */
  private static long saturatingAdd(long a, long b) {
    long s = a + b;
    if (((a ^ s) & (b ^ s)) < 0) {
      return a < 0 ? -KpiMath.CEILING : KpiMath.CEILING;
    }
    return Math.max(-KpiMath.CEILING, Math.min(KpiMath.CEILING, s));
  }
}
