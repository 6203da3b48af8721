package dev.pantau.tools.sentiment;

import java.util.Locale;

/** A 3 x 3 confusion matrix (rows gold, columns predicted: negative, neutral, positive). */
public final class Metrics {

  private final long[][] m = new long[3][3];

  public void add(int gold, int predicted) {
    m[gold][predicted]++;
  }

  public long count(int gold, int predicted) {
    return m[gold][predicted];
  }

  public long total() {
    long t = 0;
    for (long[] r : m) {
      for (long x : r) {
        t += x;
      }
    }
    return t;
  }

  public double accuracy() {
    return (double) (m[0][0] + m[1][1] + m[2][2]) / Math.max(1, total());
  }

  public double recall(int c) {
    long row = m[c][0] + m[c][1] + m[c][2];
    return row == 0 ? 0 : (double) m[c][c] / row;
  }

  public double precision(int c) {
    long col = m[0][c] + m[1][c] + m[2][c];
    return col == 0 ? 0 : (double) m[c][c] / col;
  }

  public double f1(int c) {
    double p = precision(c);
    double r = recall(c);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Classes that occur in the gold labels. */
  private int present() {
    int n = 0;
    for (int c = 0; c < 3; c++) {
      if (m[c][0] + m[c][1] + m[c][2] > 0) {
        n++;
      }
    }
    return n;
  }

  /** Macro-averaged recall over the classes present in the gold (SemEval-2017's measure). */
  public double macroRecall() {
    double s = 0;
    for (int c = 0; c < 3; c++) {
      if (m[c][0] + m[c][1] + m[c][2] > 0) {
        s += recall(c);
      }
    }
    return s / Math.max(1, present());
  }

  /**
   * Macro-averaged F1 over the classes present in the gold (PRDECT-ID has no neutral: a neutral
   * prediction there is a miss of its gold class, not a class of its own).
   */
  public double macroF1() {
    double s = 0;
    for (int c = 0; c < 3; c++) {
      if (m[c][0] + m[c][1] + m[c][2] > 0) {
        s += f1(c);
      }
    }
    return s / Math.max(1, present());
  }

  /** SemEval's F1 over positive and negative only. */
  public double f1pn() {
    return (f1(0) + f1(2)) / 2.0;
  }

  public String report() {
    return String.format(
        Locale.ROOT,
        "n=%d acc=%.4f macroRecall=%.4f macroF1=%.4f F1pn=%.4f F1 neg/neu/pos=%.3f/%.3f/%.3f "
            + "| neg %d/%d/%d neu %d/%d/%d pos %d/%d/%d",
        total(),
        accuracy(),
        macroRecall(),
        macroF1(),
        f1pn(),
        f1(0),
        f1(1),
        f1(2),
        m[0][0],
        m[0][1],
        m[0][2],
        m[1][0],
        m[1][1],
        m[1][2],
        m[2][0],
        m[2][1],
        m[2][2]);
  }
}
