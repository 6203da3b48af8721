package dev.pantau.flink.job.kpi;

/**
 * Sums of KPI figures. Input counts are at most {@code MentionDecoder.MAX_COUNT} each, yet a window
 * may add up many of them: every sum saturates at {@link #CEILING} instead of wrapping to a
 * negative figure. The ceiling is 2^53 - 1, the largest integer that every JSON reader (a
 * JavaScript dashboard included) holds exactly; a figure at the ceiling means "at least this much".
 */
public final class KpiMath {
  public static final long CEILING = (1L << 53) - 1;

  private KpiMath() {}

  /** {@code a + b} for figures >= 0, at most {@link #CEILING}. */
  public static long add(long a, long b) {
    long s = a + b;
    return s < 0 || s > CEILING ? CEILING : s;
  }

  public static long sum(long... values) {
    long s = 0;
    for (long v : values) {
      s = add(s, v);
    }
    return s;
  }
}
