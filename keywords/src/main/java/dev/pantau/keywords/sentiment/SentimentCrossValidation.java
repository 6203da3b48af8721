package dev.pantau.keywords.sentiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Cross-validation command (not part of {@code mvn verify}): would anything fitted on VADER's
 * English tweets beat the shipped decision rule (VADER's compound, labels at +-{@link
 * SentimentScorer#NEUTRAL_BAND})? It answers with {@value #FOLDS}-fold figures, so that what is
 * fitted is always scored on tweets it did not see:
 *
 * <ul>
 *   <li>the fixed rule, per fold, for the spread the other rows must beat;
 *   <li>the neutral band: the two thresholds (negative at or below {@code -lo}, positive from
 *       {@code hi}) chosen on the nine training folds from a grid of {@link #BAND_GRID};
 *   <li>a linear calibration: the gold score (mean rating / 4) regressed by least squares on VADER's
 *       compound and its positive and negative shares, without intercept (a text with no opinion
 *       word stays at 0, neutral), labelled at +-0.05 like the gold.
 * </ul>
 *
 * <p>Folds are the tweets' line numbers modulo {@value #FOLDS}: no randomness, the same figures on
 * every run.
 *
 * <pre>
 * mvn -q -f keywords/pom.xml compile exec:java \
 *   -Dexec.mainClass=dev.pantau.keywords.sentiment.SentimentCrossValidation \
 *   -Dexec.args="../shared/data"
 * </pre>
 */
public final class SentimentCrossValidation {

  /** Number of folds. */
  static final int FOLDS = 10;

  /** Candidate thresholds for each side of the neutral band. */
  static final double[] BAND_GRID = {0.0, 0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40};

  /** The gold labels' threshold on mean rating / 4. */
  static final double GOLD_BAND = 0.05;

  private SentimentCrossValidation() {}

  /** A tweet scored by the English rules, with its gold score and label. */
  record Scored(VaderScores scores, double gold, Sentiment.Label label) {}

  /** The two thresholds of a neutral band: negative at or below -lo, positive from hi. */
  record Band(double lo, double hi) {
    Band {
      if (!(lo >= 0.0 && hi >= 0.0)) {
        throw new IllegalArgumentException("band thresholds must be >= 0: " + lo + ", " + hi);
      }
    }

    Sentiment.Label label(double score) {
      if (score >= hi && score > 0) {
        return Sentiment.Label.POSITIVE;
      }
      if (score <= -lo && score < 0) {
        return Sentiment.Label.NEGATIVE;
      }
      return Sentiment.Label.NEUTRAL;
    }
  }

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    EnglishScorer english = EnglishSupport.scorer();
    List<Scored> tweets = new ArrayList<>();
    for (String line :
        Files.readAllLines(data.resolve("vader/tweets_GroundTruth.txt"), StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", 3);
      if (f.length < 3) {
        continue;
      }
      double gold = Double.parseDouble(f[1]) / 4.0;
      tweets.add(
          new Scored(
              english.analyse(f[2]), gold, SentimentScorer.label(gold, GOLD_BAND)));
    }
    System.out.printf(
        Locale.ROOT,
        "== English tweets, %d-fold cross-validation (fold = line index mod %d), n=%d%n",
        FOLDS, FOLDS, tweets.size());
    double[] fixed = new double[FOLDS];
    double[] band = new double[FOLDS];
    double[] calibrated = new double[FOLDS];
    List<String> bands = new ArrayList<>();
    for (int k = 0; k < FOLDS; k++) {
      List<Scored> train = new ArrayList<>();
      List<Scored> test = new ArrayList<>();
      for (int i = 0; i < tweets.size(); i++) {
        (i % FOLDS == k ? test : train).add(tweets.get(i));
      }
      Band vader = new Band(SentimentScorer.NEUTRAL_BAND, SentimentScorer.NEUTRAL_BAND);
      fixed[k] = macroF1(test, vader, null);
      Band chosen = chooseBand(train);
      bands.add(String.format(Locale.ROOT, "(%.2f,%.2f)", chosen.lo(), chosen.hi()));
      band[k] = macroF1(test, chosen, null);
      double[] w = calibrate(train);
      calibrated[k] = macroF1(test, new Band(GOLD_BAND, GOLD_BAND), w);
    }
    print("compound, band +-0.05 (shipped)", fixed);
    print("compound, band chosen on train folds", band);
    System.out.println("  bands chosen (lo,hi) per fold: " + String.join(" ", bands));
    print("linear calibration (compound, pos, neg)", calibrated);
    double[] w = calibrate(tweets);
    System.out.printf(
        Locale.ROOT,
        "  weights on all tweets: compound %.4f, pos %.4f, neg %.4f%n",
        w[0], w[1], w[2]);
  }

  private static void print(String name, double[] folds) {
    double mean = Arrays.stream(folds).average().orElse(0.0);
    double var = 0;
    for (double f : folds) {
      var += (f - mean) * (f - mean);
    }
    double sd = Math.sqrt(var / (folds.length - 1));
    System.out.printf(
        Locale.ROOT,
        "%-42s macro-F1 mean %.4f sd %.4f min %.4f max %.4f%n",
        name, mean, sd, Arrays.stream(folds).min().orElse(0), Arrays.stream(folds).max().orElse(0));
  }

  /**
   * The band of {@link #BAND_GRID} with the best macro-F1 on {@code train}; ties go to the band
   * nearest VADER's +-0.05.
   */
  static Band chooseBand(List<Scored> train) {
    Band best = null;
    double bestF1 = -1;
    double bestDistance = Double.MAX_VALUE;
    for (double lo : BAND_GRID) {
      for (double hi : BAND_GRID) {
        Band b = new Band(lo, hi);
        double f1 = macroF1(train, b, null);
        double distance =
            Math.abs(lo - SentimentScorer.NEUTRAL_BAND) + Math.abs(hi - SentimentScorer.NEUTRAL_BAND);
        if (f1 > bestF1 + 1e-12 || (Math.abs(f1 - bestF1) <= 1e-12 && distance < bestDistance)) {
          best = b;
          bestF1 = f1;
          bestDistance = distance;
        }
      }
    }
    return best;
  }

  /** Least-squares weights of gold on (compound, positive share, -negative share), no intercept. */
  static double[] calibrate(List<Scored> train) {
    double[][] a = new double[3][4];
    for (Scored s : train) {
      double[] x = features(s.scores());
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          a[i][j] += x[i] * x[j];
        }
        a[i][3] += x[i] * s.gold();
      }
    }
    return solve(a);
  }

  static double[] features(VaderScores v) {
    return new double[] {v.compound(), v.positive(), -v.negative()};
  }

  /** Gauss-Jordan elimination with partial pivoting of an n x (n+1) augmented matrix. */
  static double[] solve(double[][] augmented) {
    int n = augmented.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = augmented[i].clone();
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      if (Math.abs(m[pivot][col]) < 1e-12) {
        throw new IllegalArgumentException("singular system at column " + col);
      }
      double[] t = m[col];
      m[col] = m[pivot];
      m[pivot] = t;
      for (int r = 0; r < n; r++) {
        if (r != col) {
          double factor = m[r][col] / m[col][col];
          for (int c = col; c <= n; c++) {
            m[r][c] -= factor * m[col][c];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = m[i][n] / m[i][i];
    }
    return x;
  }

  /** Macro-F1 of the band on the compound, or on the calibrated score when weights are given. */
  static double macroF1(List<Scored> tweets, Band band, double[] weights) {
    ConfusionMatrix m = new ConfusionMatrix();
    for (Scored s : tweets) {
      double score = s.scores().compound();
      if (weights != null) {
        double[] x = features(s.scores());
        score = weights[0] * x[0] + weights[1] * x[1] + weights[2] * x[2];
      }
      m.add(s.label(), band.label(score));
    }
    return m.macroF1();
  }
}
