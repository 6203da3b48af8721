package dev.pantau.alerts;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * NAB scoring of binary alerts, a line-by-line port of {@code ../shared/tools/nab_score.py} (itself
 * a port of NAB v1.1's sweeper) so the cross-validation can score thousands of detector variants in
 * process. The evaluation script scores the shipped defaults' alert files with the Python tool as
 * well and prints both, so any drift between the two shows.
 */
final class NabScorer {

  /** NAB's cost weights of one profile. */
  record Profile(String name, double tp, double fn, double fp) {}

  static final Profile STANDARD = new Profile("standard", 1.0, 1.0, 0.11);
  static final Profile LOW_FP = new Profile("reward_low_FP_rate", 1.0, 1.0, 0.22);
  static final Profile LOW_FN = new Profile("reward_low_FN_rate", 1.0, 2.0, 0.11);
  static final List<Profile> PROFILES = List.of(STANDARD, LOW_FP, LOW_FN);

  /** One file's raw score and counts. */
  record FileScore(double score, int windows, int detected, int falseAlerts, int alerts) {}

  private NabScorer() {}

  static double scaledSigmoid(double x) {
    return x > 3.0 ? -1.0 : 2 * (1 / (1 + Math.exp(5 * x))) - 1.0;
  }

  static double probation(int n) {
    return Math.min(Math.floor(0.15 * n), 0.15 * 5000);
  }

  /**
   * {@code (first, last)} row of each window in time order (Python's bisect on the row timestamps).
   */
  static int[][] windowRows(long[] ts, long[][] windows) {
    long[][] sorted = windows.clone();
    Arrays.sort(
        sorted, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    int[][] spans = new int[sorted.length][];
    int k = 0;
    for (long[] w : sorted) {
      int lo = bisectLeft(ts, w[0]);
      int hi = bisectRight(ts, w[1]) - 1;
      if (lo <= hi) {
        spans[k++] = new int[] {lo, hi};
      }
    }
    return Arrays.copyOf(spans, k);
  }

  static FileScore scoreFile(long[] ts, long[][] windows, Set<Long> detections, Profile w) {
    double probation = probation(ts.length);
    int[][] spans = windowRows(ts, windows);
    double maxTp = scaledSigmoid(-1.0);
    double score = 0;
    int nWindows = 0;
    int nDetected = 0;
    int nFp = 0;
    int nAlerts = 0;
    int[] alerts = new int[ts.length];
    for (int i = 0; i < ts.length; i++) {
      if (i >= probation && detections.contains(ts[i])) {
        alerts[nAlerts++] = i;
      }
    }
    for (int[] span : spans) {
      int lo = span[0];
      int hi = span[1];
      if (hi < probation) {
        continue;
      }
      nWindows++;
      int first = -1;
      for (int j = 0; j < nAlerts; j++) {
        if (alerts[j] >= lo && alerts[j] <= hi) {
          first = alerts[j];
          break;
        }
      }
      if (first >= 0) {
        nDetected++;
        double width = hi - lo + 1;
        score += scaledSigmoid(-(hi - first + 1) / width) * w.tp() / maxTp;
      } else {
        score -= w.fn();
      }
    }
    for (int j = 0; j < nAlerts; j++) {
      int i = alerts[j];
      boolean inside = false;
      int[] before = null;
      for (int[] span : spans) {
        if (span[0] <= i && i <= span[1]) {
          inside = true;
        }
        if (span[1] < i) {
          before = span;
        }
      }
      if (inside) {
        continue;
      }
      nFp++;
      double unweighted =
          before == null
              ? -1.0
              : scaledSigmoid(
                  Math.abs(before[1] - i) / Math.max((double) (before[1] - before[0]), 1.0));
      score += unweighted * w.fp();
    }
    return new FileScore(score, nWindows, nDetected, nFp, nAlerts);
  }

  /** The raw score with no alert at all (NAB's null detector). */
  static double nullScore(long[] ts, long[][] windows, Profile w) {
    return scoreFile(ts, windows, Set.of(), w).score();
  }

  /** The raw score of a perfect detector: an alert on the first row of every window. */
  static double perfectScore(long[] ts, long[][] windows, Profile w) {
    java.util.HashSet<Long> d = new java.util.HashSet<>();
    for (int[] span : windowRows(ts, windows)) {
      d.add(ts[span[0]]);
    }
    return scoreFile(ts, windows, d, w).score();
  }

  /**
   * NAB's normalisation: {@code 100 * (raw - null) / (perfect - null)}, NaN when perfect equals
   * null.
   */
  static double normalise(double raw, double nul, double perfect) {
    return perfect != nul ? 100.0 * (raw - nul) / (perfect - nul) : Double.NaN;
  }

  static int bisectLeft(long[] a, long x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  static int bisectRight(long[] a, long x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (x < a[mid]) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
