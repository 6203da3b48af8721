package dev.pantau.alerts;

import java.io.Serializable;
import java.util.Arrays;

/**
 * What a detector remembers for one (rule, brand, window) key. Small and bounded: a ring buffer of at most
 * {@link AlertRule#baselineWindows()} doubles, a 24-slot hour-of-day and a 7-slot day-of-week profile, and a
 * few scalars for the open alert, the cooldown and the peak bar. The caller owns it (the Flink job keeps it
 * in keyed state); {@link RuleEvaluator} updates it in place and returns it.
 */
public final class DetectorState implements Serializable {

  private static final long serialVersionUID = 1L;

  static final long NONE = Long.MIN_VALUE;

  // baseline: transformed, de-seasonalised values of non-overlapping windows
  double[] ring;
  int size;
  int head;
  long samples;
  long lastSampleStart = NONE;

  // seasonal profiles on the transformed scale (exponentially weighted means)
  final double[] daily = new double[24];
  final int[] dailySeen = new int[24];
  final double[] weekly = new double[7];
  final int[] weeklySeen = new int[7];

  // the sustained scale: scores, observed and expected values of the last sampled windows
  double[] recentScore = new double[0];
  double[] recentObserved = new double[0];
  double[] recentExpected = new double[0];
  int recentSize;
  int recentHead;

  // recent peak score of each scale (window, sustained), decaying with the rule's peak memory
  double peak;
  long peakAt = NONE;
  double sustainedPeak;
  long sustainedPeakAt = NONE;

  // the open (firing) alert, if any
  boolean open;
  long openStart;
  long openEnd;
  long calmSince = NONE;
  long cooldownUntil = NONE;

  // target_pace: the current period and its running total
  long periodStart = NONE;
  long trackStart = NONE;
  double periodTotal;

  DetectorState(int capacity) {
    ring = new double[capacity];
  }

  /** Windows the baseline has absorbed so far. */
  public long samples() {
    return samples;
  }

  /** Whether an alert is firing (not yet resolved) for this key. */
  public boolean firing() {
    return open;
  }

  void push(double v) {
    if (ring.length == 0) {
      return;
    }
    ring[head] = v;
    head = (head + 1) % ring.length;
    if (size < ring.length) {
      size++;
    }
  }

  void pushRecent(double score, double observed, double expected) {
    if (recentScore.length == 0) {
      return;
    }
    recentScore[recentHead] = score;
    recentObserved[recentHead] = observed;
    recentExpected[recentHead] = expected;
    recentHead = (recentHead + 1) % recentScore.length;
    if (recentSize < recentScore.length) {
      recentSize++;
    }
  }

  void fitRecent(int capacity) {
    if (recentScore.length != capacity) {
      recentScore = new double[capacity];
      recentObserved = new double[capacity];
      recentExpected = new double[capacity];
      recentSize = 0;
      recentHead = 0;
    }
  }

  /** The baseline values in ascending order (a copy). */
  double[] sorted() {
    double[] copy = Arrays.copyOf(ring, size);
    Arrays.sort(copy);
    return copy;
  }

  /** Resizes the ring when a rule's baseline changed, keeping the newest values. */
  void fit(int capacity) {
    if (ring.length == capacity) {
      return;
    }
    double[] next = new double[capacity];
    int keep = Math.min(size, capacity);
    for (int i = 0; i < keep; i++) {
      int from = Math.floorMod(head - keep + i, ring.length);
      next[i] = ring[from];
    }
    ring = next;
    size = keep;
    head = keep % capacity;
  }
}
