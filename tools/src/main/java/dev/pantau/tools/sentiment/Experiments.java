package dev.pantau.tools.sentiment;

import dev.pantau.keywords.sentiment.FeatureConfig;
import dev.pantau.keywords.sentiment.FeatureVector;
import dev.pantau.keywords.sentiment.SentimentFeatures;
import dev.pantau.keywords.sentiment.SentimentModel;
import dev.pantau.keywords.sentiment.SentimentScorer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Several fitting variants compared on the same folds of the English training data (leave one
 * SemEval year out; never the 2017 test set nor VADER's tweets), features extracted once:
 *
 * <pre>
 * tools/sentiment.sh experiments "FEATURES" NAME:EPOCHS,RATE,L2,AVERAGE_FROM,NB_BETA,SEEDS ...
 * </pre>
 *
 * AVERAGE_FROM -1 is no averaging, NB_BETA 0 no naive-Bayes scaling, SEEDS how many fits with
 * different visiting orders are averaged. For each variant: the pooled out-of-fold figures, the
 * mean of the four years' macro-recall, and the rules-led decision (the rules' label where the
 * model says neutral and the rules' compound is at least t away from 0) for a few t.
 */
public final class Experiments {

  private Experiments() {}

  record Variant(
      String name, int epochs, double rate, double l2, int averageFrom, double nbBeta, int seeds) {
    static Variant parse(String s) {
      int colon = s.indexOf(':');
      String[] f = s.substring(colon + 1).split(",");
      return new Variant(
          s.substring(0, colon),
          Integer.parseInt(f[0]),
          Double.parseDouble(f[1]),
          Double.parseDouble(f[2]),
          Integer.parseInt(f[3]),
          Double.parseDouble(f[4]),
          f.length > 5 ? Integer.parseInt(f[5]) : 1);
    }
  }

  /** The rules-led thresholds tried, widest first. */
  static final double[] RULES_LED_GRID = {0.3, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95};

  static double round4(double x) {
    return Math.round(x * 10000) / 10000.0;
  }

  static int yearFold(String source) {
    return source.contains("2013")
        ? 0
        : source.contains("2014") ? 1 : source.contains("2015") ? 2 : 3;
  }

  /** Fits one variant on the given examples: the weights as the model would store them. */
  static double[] fit(
      List<FeatureVector> x, int[] gold, FeatureConfig fc, SentimentFeatures f, Variant v) {
    if (v.name().startsWith("lbfgs")) {
      double[] scale =
          v.nbBeta() > 0
              ? NaiveBayesScale.of(x, gold, fc.buckets(), 1.0, v.nbBeta(), f.denseBuckets())
              : null;
      return Lbfgs.fit(x, gold, fc.buckets(), v.l2(), v.epochs(), true, scale);
    }
    return SentimentTraining.weights(
        x,
        gold,
        f,
        new SentimentTraining.Recipe(
            fc,
            new LogisticRegression.Settings(v.epochs(), v.rate(), v.l2(), true, 17L),
            v.nbBeta(),
            v.averageFrom(),
            v.seeds()));
  }

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    FeatureConfig fc = FeatureConfig.parse(args[1]);
    List<Datasets.Example> train = Datasets.semevalTrain(data);
    SentimentFeatures f = SentimentFeatures.create(fc);
    SentimentScorer rules = SentimentScorer.create(SentimentScorer.Engine.ENGLISH_RULES);
    List<FeatureVector> x = new ArrayList<>();
    int[] gold = new int[train.size()];
    int[] fold = new int[train.size()];
    double[] compound = new double[train.size()];
    for (int i = 0; i < train.size(); i++) {
      x.add(f.extract(train.get(i).text(), Set.of()));
      gold[i] = train.get(i).gold();
      fold[i] = yearFold(train.get(i).source());
      compound[i] = rules.score(train.get(i).text(), "en").score();
    }
    for (int a = 2; a < args.length; a++) {
      Variant v = Variant.parse(args[a]);
      long t0 = System.nanoTime();
      double[][] oof = new double[x.size()][];
      double foldMean = 0;
      for (int k = 0; k < 4; k++) {
        List<FeatureVector> tx = new ArrayList<>();
        List<Integer> tg = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
          if (fold[i] != k) {
            tx.add(x.get(i));
            tg.add(gold[i]);
          }
        }
        double[] w = fit(tx, tg.stream().mapToInt(Integer::intValue).toArray(), fc, f, v);
        SentimentModel m = SentimentModel.quantised(fc, w);
        Metrics fm = new Metrics();
        for (int i = 0; i < x.size(); i++) {
          if (fold[i] == k) {
            oof[i] = m.logits(x.get(i));
            fm.add(gold[i], Explore.argmax(oof[i]));
          }
        }
        foldMean += fm.macroRecall() / 4;
      }
      Metrics all = new Metrics();
      for (int i = 0; i < x.size(); i++) {
        all.add(gold[i], Explore.argmax(oof[i]));
      }
      System.out.printf(
          Locale.ROOT,
          "%s %s foldMeanMacroRecall=%.4f (%.0fs)%n  CV %s%n",
          v.name(),
          args[a],
          foldMean,
          (System.nanoTime() - t0) / 1e9,
          all.report());
      StringBuilder b = new StringBuilder("  rules-led where the model says neutral:");
      double chosen = 0;
      for (double t : RULES_LED_GRID) {
        Metrics mm = new Metrics();
        for (int i = 0; i < x.size(); i++) {
          int p = Explore.argmax(oof[i]);
          if (p == 1 && Math.abs(compound[i]) >= t) {
            p = compound[i] > 0 ? 2 : 0;
          }
          mm.add(gold[i], p);
        }
        b.append(
            String.format(Locale.ROOT, " t=%.2f %.4f/%.4f", t, mm.macroRecall(), mm.macroF1()));
        if (chosen == 0 && round4(mm.macroRecall()) >= round4(all.macroRecall())) {
          chosen = t;
        }
      }
      System.out.println(b);
      System.out.printf(
          Locale.ROOT,
          "  rulesLed chosen (the smallest t whose CV macro-recall is not below the model's): %.2f%n",
          chosen);
    }
  }
}
