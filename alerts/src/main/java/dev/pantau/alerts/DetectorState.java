package dev.pantau.alerts;

import java.io.Serializable;
import java.util.Arrays;

/**
 * What a detector remembers for one (rule, brand, window) key. Small and bounded: a ring buffer of
 * at most {@link AlertRule#baselineWindows()} doubles, a 24-slot hour-of-day and a 7-slot
 * day-of-week profile, and a few scalars for the open alert, the cooldown and the peak bar, and the
 * last windows of a level-shift run (at most {@link AlertRule#MAX_SUSTAINED_WINDOWS}). The caller
 * owns it (the Flink job keeps it in keyed state); {@link RuleEvaluator} updates it in place and
 * returns it.
 */
public final class DetectorState implements Serializable {

  private static final long serialVersionUID = 1L;

  static final long NONE = Long.MIN_VALUE;

  // baseline: transformed, de-seasonalised values of non-overlapping windows
  double[] ring;
  int size;
  int head;

  /**
   * {@link #sortedValues()}: derived from the ring, transient so state and its serialised form are
   * unchanged.
   */
  private transient double[] sortedBuf;

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

  // level shift: unclipped de-seasonalised values of the last sampled windows, and the run out of
  // band
  double[] shiftBuf = new double[0];
  int shiftSize;
  int shiftHead;
  int shiftRun;
  int shiftSide;

  void pushShift(double v, int capacity) {
    if (shiftBuf.length != capacity) {
      shiftBuf = new double[capacity];
      shiftSize = 0;
      shiftHead = 0;
    }
    shiftBuf[shiftHead] = v;
    shiftHead = (shiftHead + 1) % capacity;
    if (shiftSize < capacity) {
      shiftSize++;
    }
  }

  /** The baseline becomes the last out-of-band windows: the level has moved. */
  void rebase() {
    size = 0;
    head = 0;
    sortedBuf = null;
    for (int i = 0; i < shiftSize; i++) {
      push(shiftBuf[Math.floorMod(shiftHead - shiftSize + i, shiftBuf.length)]);
    }
    shiftSize = 0;
    shiftHead = 0;
  }

  // the open (firing) alert, if any
  boolean open;
  long openStart;
  long openEnd;
  long calmSince = NONE;
  long cooldownUntil = NONE;

  // target_pace: the current period and its running total
  long periodStart = NONE;

  /** The target of the period being tracked (stored in the slot a tracking start used to have). */
  double periodTarget;

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
    boolean full = size == ring.length;
    double evicted = ring[head];
    ring[head] = v;
    head = (head + 1) % ring.length;
    if (size < ring.length) {
      size++;
    }
    if (sortedBuf != null) { // keep the sorted copy in step: one removal and one insertion, no sort
      int n = size - 1; // entries in the sorted copy before the insertion
      if (full) {
        int at = java.util.Arrays.binarySearch(sortedBuf, 0, size, evicted);
        System.arraycopy(sortedBuf, at + 1, sortedBuf, at, size - at - 1);
      }
      int at = java.util.Arrays.binarySearch(sortedBuf, 0, n, v);
      if (at < 0) {
        at = -at - 1;
      }
      System.arraycopy(sortedBuf, at, sortedBuf, at + 1, n - at);
      sortedBuf[at] = v;
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

  /**
   * The baseline values in ascending order: the first {@link #size} entries of the returned array,
   * which the caller must not change. Kept in step with the ring on every push (derived, so not
   * serialised), rebuilt by one sort after a restore or a resize.
   */
  double[] sortedValues() {
    if (sortedBuf == null || sortedBuf.length != ring.length) {
      sortedBuf = Arrays.copyOf(ring, ring.length);
      Arrays.sort(sortedBuf, 0, size);
    }
    return sortedBuf;
  }

  /** The baseline values in ascending order (a copy). */
  double[] sorted() {
    return Arrays.copyOf(sortedValues(), size);
  }

  /**
   * Format version of {@link #toBytes()}: 2 added the level-shift run (version 1 is still read).
   */
  private static final int VERSION = 2;

  /**
   * A compact, versioned binary form (about 8 bytes per baseline window plus ~500), for a job that
   * keeps {@code byte[]} in its state rather than relying on a serializer for this class.
   */
  public byte[] toBytes() {
    try {
      java.io.ByteArrayOutputStream bytes =
          new java.io.ByteArrayOutputStream(64 + 8 * size + 24 * recentSize + 8 * shiftSize);
      java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
      out.writeByte(VERSION);
      out.writeInt(ring.length);
      out.writeInt(size);
      for (int i = 0; i < size; i++) { // oldest first, so the ring is rebuilt in order
        out.writeDouble(ring[Math.floorMod(head - size + i, Math.max(1, ring.length))]);
      }
      out.writeLong(samples);
      out.writeLong(lastSampleStart);
      for (int i = 0; i < 24; i++) {
        out.writeDouble(daily[i]);
        out.writeInt(dailySeen[i]);
      }
      for (int i = 0; i < 7; i++) {
        out.writeDouble(weekly[i]);
        out.writeInt(weeklySeen[i]);
      }
      out.writeInt(recentScore.length);
      out.writeInt(recentSize);
      for (int i = 0; i < recentSize; i++) {
        int at = Math.floorMod(recentHead - recentSize + i, recentScore.length);
        out.writeDouble(recentScore[at]);
        out.writeDouble(recentObserved[at]);
        out.writeDouble(recentExpected[at]);
      }
      out.writeDouble(peak);
      out.writeLong(peakAt);
      out.writeDouble(sustainedPeak);
      out.writeLong(sustainedPeakAt);
      out.writeBoolean(open);
      out.writeLong(openStart);
      out.writeLong(openEnd);
      out.writeLong(calmSince);
      out.writeLong(cooldownUntil);
      out.writeLong(periodStart);
      out.writeLong(Double.doubleToRawLongBits(periodTarget));
      out.writeDouble(periodTotal);
      out.writeInt(shiftBuf.length);
      out.writeInt(shiftSize);
      for (int i = 0; i < shiftSize; i++) {
        out.writeDouble(shiftBuf[Math.floorMod(shiftHead - shiftSize + i, shiftBuf.length)]);
      }
      out.writeInt(shiftRun);
      out.writeInt(shiftSide);
      out.flush();
      return bytes.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Reads {@link #toBytes()}; throws IllegalArgumentException for bytes of another format. */
  public static DetectorState fromBytes(byte[] data) {
    try {
      java.io.DataInputStream in =
          new java.io.DataInputStream(new java.io.ByteArrayInputStream(data));
      int version = in.readByte();
      if (version != VERSION && version != 1) {
        throw new IllegalArgumentException("unknown detector state version " + version);
      }
      DetectorState st = new DetectorState(in.readInt());
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        st.push(in.readDouble());
      }
      st.samples = in.readLong();
      st.lastSampleStart = in.readLong();
      for (int i = 0; i < 24; i++) {
        st.daily[i] = in.readDouble();
        st.dailySeen[i] = in.readInt();
      }
      for (int i = 0; i < 7; i++) {
        st.weekly[i] = in.readDouble();
        st.weeklySeen[i] = in.readInt();
      }
      st.fitRecent(in.readInt());
      int r = in.readInt();
      for (int i = 0; i < r; i++) {
        st.pushRecent(in.readDouble(), in.readDouble(), in.readDouble());
      }
      st.peak = in.readDouble();
      st.peakAt = in.readLong();
      st.sustainedPeak = in.readDouble();
      st.sustainedPeakAt = in.readLong();
      st.open = in.readBoolean();
      st.openStart = in.readLong();
      st.openEnd = in.readLong();
      st.calmSince = in.readLong();
      st.cooldownUntil = in.readLong();
      st.periodStart = in.readLong();
      st.periodTarget = Double.longBitsToDouble(in.readLong());
      st.periodTotal = in.readDouble();
      if (version >= 2) {
        int capacity = in.readInt();
        int k = in.readInt();
        for (int i = 0; i < k; i++) {
          st.pushShift(in.readDouble(), capacity);
        }
        st.shiftRun = in.readInt();
        st.shiftSide = in.readInt();
      }
      return st;
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("truncated detector state", e);
    }
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
    sortedBuf = null;
    size = keep;
    head = capacity == 0 ? 0 : keep % capacity;
  }
}
