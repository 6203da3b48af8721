package dev.pantau.keywords.sentiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Trains the Indonesian model on SmSA train and writes the weights resource. Deterministic: fixed
 * seed, sorted vocabulary, {@link StrictMath}, fixed number format, so the same data gives the same
 * bytes. Reproduce the shipped resource from the repository root with:
 *
 * <pre>
 * mvn -q -f keywords/pom.xml compile exec:java \
 *   -Dexec.mainClass=dev.pantau.keywords.sentiment.SentimentTrainer \
 *   -Dexec.args="../shared/data/smsa/train_preprocess.tsv keywords/src/main/resources/dev/pantau/keywords/sentiment/id_model.tsv"
 * </pre>
 */
public final class SentimentTrainer {

  /** Hyper-parameters; {@link #DEFAULT} made the shipped model. */
  record Config(
      IndonesianFeatures.Options features,
      int minCount,
      int epochs,
      double learningRate,
      double l2,
      boolean balanced,
      long seed) {
    static final Config DEFAULT =
        new Config(IndonesianFeatures.Options.ALL, 2, 12, 0.2, 1e-5, true, 20261125L);

    Config withFeatures(IndonesianFeatures.Options f) {
      return new Config(f, minCount, epochs, learningRate, l2, balanced, seed);
    }

    Config withMinCount(int m) {
      return new Config(features, m, epochs, learningRate, l2, balanced, seed);
    }

    Config withEpochs(int e) {
      return new Config(features, minCount, e, learningRate, l2, balanced, seed);
    }

    Config withBalanced(boolean b) {
      return new Config(features, minCount, epochs, learningRate, l2, b, seed);
    }
  }

  record Example(String text, int gold) {}

  private SentimentTrainer() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: SentimentTrainer SMSA_TRAIN_TSV OUTPUT_TSV");
      System.exit(2);
    }
    List<Example> train = read(Path.of(args[0]));
    Map<String, float[]> weights = train(train, Config.DEFAULT, EnglishSupport.scorer());
    Path out = Path.of(args[1]);
    Files.writeString(out, format(weights), StandardCharsets.UTF_8);
    System.out.println("wrote " + weights.size() + " features to " + out);
  }

  /** Weights rounded as the resource stores them; features whose weights all round to 0 left out. */
  static Map<String, float[]> train(List<Example> examples, Config config, EnglishScorer english) {
    List<Map<String, Double>> docs = new ArrayList<>(examples.size());
    int[] gold = new int[examples.size()];
    for (int d = 0; d < examples.size(); d++) {
      docs.add(features(examples.get(d).text(), config.features(), english));
      gold[d] = examples.get(d).gold();
    }
    return fit(docs, gold, config);
  }

  /** Fits the model to feature maps with gold classes 0 negative, 1 neutral, 2 positive. */
  static Map<String, float[]> fit(List<Map<String, Double>> docs, int[] gold, Config config) {
    Map<String, Integer> df = new HashMap<>();
    for (Map<String, Double> f : docs) {
      for (String k : f.keySet()) {
        df.merge(k, 1, Integer::sum);
      }
    }
    TreeMap<String, Integer> vocabulary = new TreeMap<>();
    for (Map.Entry<String, Integer> e : new TreeMap<>(df).entrySet()) {
      if (e.getValue() >= config.minCount() || e.getKey().startsWith("^")) {
        vocabulary.put(e.getKey(), vocabulary.size());
      }
    }
    int[][] index = new int[docs.size()][];
    double[][] value = new double[docs.size()][];
    for (int d = 0; d < docs.size(); d++) {
      TreeMap<String, Double> sorted = new TreeMap<>(docs.get(d));
      List<Integer> ix = new ArrayList<>();
      List<Double> vs = new ArrayList<>();
      for (Map.Entry<String, Double> f : sorted.entrySet()) {
        Integer k = vocabulary.get(f.getKey());
        if (k != null) {
          ix.add(k);
          vs.add(f.getValue());
        }
      }
      index[d] = ix.stream().mapToInt(Integer::intValue).toArray();
      value[d] = vs.stream().mapToDouble(Double::doubleValue).toArray();
    }
    double[] classWeight = {1, 1, 1};
    if (config.balanced()) {
      int[] counts = new int[3];
      for (int g : gold) {
        counts[g]++;
      }
      for (int c = 0; c < 3; c++) {
        classWeight[c] = counts[c] == 0 ? 0 : gold.length / (3.0 * counts[c]);
      }
    }
    double[][] w = new double[vocabulary.size()][3];
    List<Integer> order = new ArrayList<>();
    for (int d = 0; d < docs.size(); d++) {
      order.add(d);
    }
    Random random = new Random(config.seed());
    for (int epoch = 0; epoch < config.epochs(); epoch++) {
      Collections.shuffle(order, random);
      double lr = config.learningRate() / (1.0 + epoch);
      for (int d : order) {
        int[] ix = index[d];
        double[] vs = value[d];
        double[] z = new double[3];
        for (int j = 0; j < ix.length; j++) {
          for (int c = 0; c < 3; c++) {
            z[c] += w[ix[j]][c] * vs[j];
          }
        }
        double[] p = LinearModel.softmax(z);
        int g0 = gold[d];
        double cw = classWeight[g0];
        for (int j = 0; j < ix.length; j++) {
          double[] wj = w[ix[j]];
          for (int c = 0; c < 3; c++) {
            double g = ((c == g0 ? 1.0 : 0.0) - p[c]) * vs[j] * cw;
            wj[c] += lr * (g - config.l2() * wj[c]);
          }
        }
      }
    }
    Map<String, float[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> e : vocabulary.entrySet()) {
      double[] wk = w[e.getValue()];
      float[] rounded = new float[3];
      boolean any = false;
      for (int c = 0; c < 3; c++) {
        rounded[c] = Float.parseFloat(number(wk[c]));
        any |= rounded[c] != 0f;
      }
      if (any) {
        out.put(e.getKey(), rounded);
      }
    }
    return out;
  }

  static Map<String, Double> features(
      String text, IndonesianFeatures.Options options, EnglishScorer english) {
    double en = options.english() ? english.compound(text) : 0.0;
    return IndonesianFeatures.extract(text, en, options);
  }

  static String format(Map<String, float[]> weights) {
    StringBuilder b = new StringBuilder(weights.size() * 40);
    b.append(LinearModel.HEADER).append('\n');
    for (Map.Entry<String, float[]> e : weights.entrySet()) {
      b.append(e.getKey());
      for (float x : e.getValue()) {
        b.append('\t').append(number(x));
      }
      b.append('\n');
    }
    return b.toString();
  }

  private static String number(double x) {
    String s = String.format(Locale.ROOT, "%.4f", x);
    return s.equals("-0.0000") ? "0.0000" : s;
  }

  static List<Example> read(Path tsv) throws IOException {
    List<Example> out = new ArrayList<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      int tab = line.lastIndexOf('\t');
      if (tab < 0) {
        throw new IllegalArgumentException(tsv + " line " + lineNo + ": no tab");
      }
      out.add(new Example(line.substring(0, tab), classOf(line.substring(tab + 1).trim(), tsv, lineNo)));
    }
    return out;
  }

  private static int classOf(String label, Path tsv, int lineNo) {
    switch (label) {
      case "negative":
        return 0;
      case "neutral":
        return 1;
      case "positive":
        return 2;
      default:
        throw new IllegalArgumentException(tsv + " line " + lineNo + ": unknown label " + label);
    }
  }
}
