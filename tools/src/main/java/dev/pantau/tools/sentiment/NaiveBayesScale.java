package dev.pantau.tools.sentiment;

import dev.pantau.keywords.sentiment.FeatureVector;
import java.util.List;

/**
 * Naive-Bayes log-count ratios as per-class feature scales (NBSVM, Wang and Manning 2012, one class
 * against the rest): a feature seen about as often in a class as outside it gets a scale near 0,
 * one that marks the class a large one, so the fit's penalty weighs on the uninformative n-grams.
 * The scale is folded into the fitted weights ({@link LogisticRegression#fit}), so the model file
 * and its scoring are unchanged.
 */
public final class NaiveBayesScale {

  private NaiveBayesScale() {}

  /**
   * @param alpha additive smoothing of the counts
   * @param beta the scale is {@code (1 - beta) + beta * |r|}: 0 leaves the features alone
   * @param dense buckets left at scale 1 (the rule scores: real-valued, in nearly every text)
   * @return {@code 3 * buckets} scales, bucket-major
   */
  public static double[] of(
      List<FeatureVector> x, int[] gold, int buckets, double alpha, double beta, int[] dense) {
    double[][] count = new double[3][buckets];
    for (int d = 0; d < x.size(); d++) {
      FeatureVector v = x.get(d);
      double[] c = count[gold[d]];
      for (int i = 0; i < v.size(); i++) {
        if (v.value(i) != 0f) {
          c[v.index(i)] += 1;
        }
      }
    }
    double[] total = new double[3];
    for (int c = 0; c < 3; c++) {
      double t = 0;
      for (int k = 0; k < buckets; k++) {
        t += count[c][k] + alpha;
      }
      total[c] = t;
    }
    double[] scale = new double[3 * buckets];
    for (int k = 0; k < buckets; k++) {
      for (int c = 0; c < 3; c++) {
        double in = (count[c][k] + alpha) / total[c];
        double outCount = 0;
        double outTotal = 0;
        for (int o = 0; o < 3; o++) {
          if (o != c) {
            outCount += count[o][k] + alpha;
            outTotal += total[o];
          }
        }
        double r = StrictMath.log(in / (outCount / outTotal));
        scale[3 * k + c] = (1 - beta) + beta * Math.abs(r);
      }
    }
    for (int k : dense) {
      scale[3 * k] = 1;
      scale[3 * k + 1] = 1;
      scale[3 * k + 2] = 1;
    }
    return scale;
  }
}
