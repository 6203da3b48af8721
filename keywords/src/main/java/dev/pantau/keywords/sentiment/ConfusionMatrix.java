package dev.pantau.keywords.sentiment;

import java.util.Locale;

/**
 * Counts of (gold, predicted) over the three scored classes, with accuracy and macro-F1. Mutable
 * while counting; not thread-safe.
 */
public final class ConfusionMatrix {

  private static final Sentiment.Label[] CLASSES = {
    Sentiment.Label.NEGATIVE, Sentiment.Label.NEUTRAL, Sentiment.Label.POSITIVE
  };

  private final long[][] counts = new long[3][3];

  public void add(Sentiment.Label gold, Sentiment.Label predicted) {
    counts[index(gold)][index(predicted)]++;
  }

  /** How many examples of class {@code gold} were predicted {@code predicted}. */
  public long count(Sentiment.Label gold, Sentiment.Label predicted) {
    return counts[index(gold)][index(predicted)];
  }

  public long total() {
    long t = 0;
    for (long[] row : counts) {
      for (long c : row) {
        t += c;
      }
    }
    return t;
  }

  public double accuracy() {
    long right = 0;
    for (int i = 0; i < 3; i++) {
      right += counts[i][i];
    }
    return total() == 0 ? 0.0 : (double) right / total();
  }

  /** F1 of one class; 0 when it is never gold nor predicted. */
  public double f1(Sentiment.Label label) {
    int k = index(label);
    long tp = counts[k][k];
    long gold = 0;
    long predicted = 0;
    for (int i = 0; i < 3; i++) {
      gold += counts[k][i];
      predicted += counts[i][k];
    }
    return gold + predicted == 0 ? 0.0 : 2.0 * tp / (gold + predicted);
  }

  public double macroF1() {
    double sum = 0;
    for (Sentiment.Label label : CLASSES) {
      sum += f1(label);
    }
    return sum / CLASSES.length;
  }

  /** Accuracy, macro-F1, per-class F1 and the matrix (rows gold, columns predicted). */
  public String report() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "n=%d accuracy=%.4f macroF1=%.4f (F1 neg=%.4f neu=%.4f pos=%.4f)%n",
        total(), accuracy(), macroF1(), f1(CLASSES[0]), f1(CLASSES[1]), f1(CLASSES[2])));
    b.append(String.format(Locale.ROOT, "  %-10s %9s %9s %9s%n", "gold\\pred", "negative", "neutral", "positive"));
    for (int i = 0; i < 3; i++) {
      b.append(String.format(Locale.ROOT, "  %-10s %9d %9d %9d%n",
          CLASSES[i].json(), counts[i][0], counts[i][1], counts[i][2]));
    }
    return b.toString();
  }

  private static int index(Sentiment.Label label) {
    switch (label) {
      case NEGATIVE:
        return 0;
      case NEUTRAL:
        return 1;
      case POSITIVE:
        return 2;
      default:
        throw new IllegalArgumentException("not a scored class: " + label);
    }
  }
}
