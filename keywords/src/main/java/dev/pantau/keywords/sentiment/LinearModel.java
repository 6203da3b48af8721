package dev.pantau.keywords.sentiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A multinomial logistic regression over named features, classes in the order negative, neutral,
 * positive. Immutable. Its resource form is a header line and then {@code feature<TAB>w_neg<TAB>
 * w_neu<TAB>w_pos} lines, as {@link SentimentTrainer} writes them.
 */
final class LinearModel {

  static final String HEADER = "# feature\tnegative\tneutral\tpositive";

  private final Map<String, float[]> weights;

  LinearModel(Map<String, float[]> weights) {
    for (Map.Entry<String, float[]> e : weights.entrySet()) {
      if (e.getValue().length != 3) {
        throw new IllegalArgumentException("feature " + e.getKey() + ": expected 3 weights");
      }
    }
    this.weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
  }

  static LinearModel load(String resource) {
    List<Resources.Row> rows = Resources.rows(resource);
    Map<String, float[]> weights = new LinkedHashMap<>(rows.size() * 2);
    for (Resources.Row row : rows) {
      String[] c = row.cells();
      if (c.length != 4) {
        throw new IllegalStateException(
            resource + " line " + row.line() + ": expected feature and 3 weights, got " + c.length
                + " columns");
      }
      try {
        weights.put(
            c[0], new float[] {Float.parseFloat(c[1]), Float.parseFloat(c[2]), Float.parseFloat(c[3])});
      } catch (NumberFormatException e) {
        throw new IllegalStateException(resource + " line " + row.line() + ": not a number", e);
      }
    }
    return new LinearModel(weights);
  }

  int size() {
    return weights.size();
  }

  /** Whether any feature other than the {@code ^}-prefixed text-level ones has a weight here. */
  boolean knowsAnyWord(Map<String, Double> features) {
    for (String f : features.keySet()) {
      if (!f.startsWith("^") && weights.containsKey(f)) {
        return true;
      }
    }
    return false;
  }

  /** Class probabilities (negative, neutral, positive) for the given feature values. */
  double[] probabilities(Map<String, Double> features) {
    double[] z = new double[3];
    for (Map.Entry<String, Double> f : features.entrySet()) {
      float[] w = weights.get(f.getKey());
      if (w != null) {
        double v = f.getValue();
        z[0] += w[0] * v;
        z[1] += w[1] * v;
        z[2] += w[2] * v;
      }
    }
    return softmax(z);
  }

  static double[] softmax(double[] z) {
    double max = Math.max(z[0], Math.max(z[1], z[2]));
    double e0 = StrictMath.exp(z[0] - max);
    double e1 = StrictMath.exp(z[1] - max);
    double e2 = StrictMath.exp(z[2] - max);
    double sum = e0 + e1 + e2;
    return new double[] {e0 / sum, e1 / sum, e2 / sum};
  }
}
