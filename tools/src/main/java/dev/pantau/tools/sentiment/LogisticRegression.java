package dev.pantau.tools.sentiment;

import dev.pantau.keywords.sentiment.FeatureVector;
import java.util.List;
import java.util.Random;

/**
 * Multinomial logistic regression over hashed features, fitted by AdaGrad (per-weight step sizes)
 * with an L2 penalty applied to the weights each example touches. Deterministic: the examples are
 * visited in an order drawn from a fixed seed, all arithmetic is in {@code double} with {@link
 * StrictMath#exp}, so the same data and settings give the same weights on every JVM.
 */
public final class LogisticRegression {

  /**
   * Settings of one fit.
   *
   * @param epochs passes over the data
   * @param learningRate AdaGrad's base step
   * @param l2 penalty on the squared weights, per example that touches them
   * @param balanced weigh each class by {@code n / (3 n_class)}, so every class counts alike (the
   *     fit then aims at macro-averaged recall)
   * @param seed of the visiting order
   */
  public record Settings(int epochs, double learningRate, double l2, boolean balanced, long seed) {
    public Settings withL2(double v) {
      return new Settings(epochs, learningRate, v, balanced, seed);
    }

    public Settings withEpochs(int e) {
      return new Settings(e, learningRate, l2, balanced, seed);
    }

    public Settings withLearningRate(double v) {
      return new Settings(epochs, v, l2, balanced, seed);
    }

    public Settings withBalanced(boolean b) {
      return new Settings(epochs, learningRate, l2, b, seed);
    }
  }

  private LogisticRegression() {}

  /**
   * @param gold classes 0, 1, 2
   * @param sampleWeight per example (1 when null)
   * @return {@code 3 * buckets} weights, bucket-major
   */
  public static double[] fit(
      List<FeatureVector> x, int[] gold, double[] sampleWeight, int buckets, Settings s) {
    return fit(x, gold, sampleWeight, buckets, s, null, -1);
  }

  /**
   * As {@link #fit(List, int[], double[], int, Settings)}, with two options.
   *
   * @param featureScale per weight ({@code 3 * buckets}, bucket-major) a factor the feature is
   *     multiplied by for that class (naive-Bayes log-count ratios, {@link NaiveBayesScale}); the
   *     returned weights have it folded in, so the model scores the plain features
   * @param averageFrom when at least 0, the returned weights are the mean of the weights at the end
   *     of each epoch from this one on (Polyak averaging by epoch), which damps the last steps'
   *     noise
   */
  public static double[] fit(
      List<FeatureVector> x,
      int[] gold,
      double[] sampleWeight,
      int buckets,
      Settings s,
      double[] featureScale,
      int averageFrom) {
    double[] classWeight = {1, 1, 1};
    if (s.balanced()) {
      double[] mass = new double[3];
      double total = 0;
      for (int d = 0; d < gold.length; d++) {
        double sw = sampleWeight == null ? 1 : sampleWeight[d];
        mass[gold[d]] += sw;
        total += sw;
      }
      for (int c = 0; c < 3; c++) {
        classWeight[c] = mass[c] == 0 ? 0 : total / (3.0 * mass[c]);
      }
    }
    double[] w = new double[3 * buckets];
    double[] g2 = new double[3 * buckets];
    int[] order = new int[x.size()];
    for (int d = 0; d < order.length; d++) {
      order[d] = d;
    }
    Random random = new Random(s.seed());
    double[] z = new double[3];
    double[] average = averageFrom >= 0 ? new double[w.length] : null;
    int snapshots = 0;
    for (int epoch = 0; epoch < s.epochs(); epoch++) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int d : order) {
        FeatureVector v = x.get(d);
        z[0] = 0;
        z[1] = 0;
        z[2] = 0;
        if (featureScale == null) {
          for (int i = 0; i < v.size(); i++) {
            int k = 3 * v.index(i);
            double xv = v.value(i);
            z[0] += w[k] * xv;
            z[1] += w[k + 1] * xv;
            z[2] += w[k + 2] * xv;
          }
        } else {
          for (int i = 0; i < v.size(); i++) {
            int k = 3 * v.index(i);
            double xv = v.value(i);
            z[0] += w[k] * xv * featureScale[k];
            z[1] += w[k + 1] * xv * featureScale[k + 1];
            z[2] += w[k + 2] * xv * featureScale[k + 2];
          }
        }
        double max = Math.max(z[0], Math.max(z[1], z[2]));
        double e0 = StrictMath.exp(z[0] - max);
        double e1 = StrictMath.exp(z[1] - max);
        double e2 = StrictMath.exp(z[2] - max);
        double sum = e0 + e1 + e2;
        double cw = classWeight[gold[d]] * (sampleWeight == null ? 1 : sampleWeight[d]);
        double r0 = (e0 / sum - (gold[d] == 0 ? 1 : 0)) * cw;
        double r1 = (e1 / sum - (gold[d] == 1 ? 1 : 0)) * cw;
        double r2 = (e2 / sum - (gold[d] == 2 ? 1 : 0)) * cw;
        if (featureScale == null) {
          for (int i = 0; i < v.size(); i++) {
            int k = 3 * v.index(i);
            double xv = v.value(i);
            k = step(w, g2, k, r0 * xv, s);
            k = step(w, g2, k, r1 * xv, s);
            step(w, g2, k, r2 * xv, s);
          }
        } else {
          for (int i = 0; i < v.size(); i++) {
            int k = 3 * v.index(i);
            double xv = v.value(i);
            step(w, g2, k, r0 * xv * featureScale[k], s);
            step(w, g2, k + 1, r1 * xv * featureScale[k + 1], s);
            step(w, g2, k + 2, r2 * xv * featureScale[k + 2], s);
          }
        }
      }
      if (averageFrom >= 0 && epoch >= averageFrom) {
        for (int k = 0; k < w.length; k++) {
          average[k] += w[k];
        }
        snapshots++;
      }
    }
    double[] out = w;
    if (snapshots > 0) {
      out = new double[w.length];
      for (int k = 0; k < w.length; k++) {
        out[k] = average[k] / snapshots;
      }
    }
    if (featureScale != null) {
      if (out == w) {
        out = w.clone();
      }
      for (int k = 0; k < out.length; k++) {
        out[k] *= featureScale[k];
      }
    }
    return out;
  }

  private static int step(double[] w, double[] g2, int k, double grad, Settings s) {
    double g = grad + s.l2() * w[k];
    g2[k] += g * g;
    w[k] -= s.learningRate() * g / Math.sqrt(g2[k] + 1e-8);
    return k + 1;
  }
}
