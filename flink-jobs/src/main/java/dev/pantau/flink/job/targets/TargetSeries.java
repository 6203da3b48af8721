package dev.pantau.flink.job.targets;

import java.util.HashMap;
import java.util.Map;

/**
 * One brand's target period of one metric, as the tracker keeps it (a Flink POJO): the actual so
 * far is {@link #folded} (windows no longer open for revisions) plus the values of the windows that
 * still are, kept by start so that a window's revision replaces its earlier value instead of adding
 * to it.
 */
public class TargetSeries {
  public String metric;
  public String period;
  public long start;
  public long end;
  public double target;
  public long folded;
  public Map<Long, Long> open = new HashMap<>();

  /** The end of the newest window counted: the moment the actual is known for. */
  public long now;

  public int revision;
  public long emittedActual;
  public long emittedNow;

  public TargetSeries() {}

  public long actual() {
    long a = folded;
    for (long v : open.values()) {
      a += v;
    }
    return a;
  }
}
