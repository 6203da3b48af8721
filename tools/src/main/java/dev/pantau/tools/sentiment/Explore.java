package dev.pantau.tools.sentiment;

import dev.pantau.keywords.sentiment.FeatureConfig;
import dev.pantau.keywords.sentiment.FeatureVector;
import dev.pantau.keywords.sentiment.SentimentFeatures;
import dev.pantau.keywords.sentiment.SentimentModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cross-validation of one setting on the training data only (tools/sentiment.sh cv): English leave
 * one SemEval year out (2013, 2014, 2015, 2016), Indonesian 5 folds (index mod 5) over SmSA train
 * and PRDECT-ID's training part. The settings of {@link SentimentTraining} were chosen with it.
 */
public final class Explore {
  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    String lang = args[1];
    FeatureConfig fc = FeatureConfig.parse(args[2]);
    String[] ls = args[3].split(",");
    LogisticRegression.Settings s =
        new LogisticRegression.Settings(
            Integer.parseInt(ls[0]),
            Double.parseDouble(ls[1]),
            Double.parseDouble(ls[2]),
            Boolean.parseBoolean(ls[3]),
            17L);
    boolean test = args.length > 4 && args[4].equals("test");
    List<Datasets.Example> train;
    if (lang.equals("en")) {
      train = Datasets.semevalTrain(data);
    } else {
      train = new ArrayList<>(Datasets.smsa(data, "train"));
      train.addAll(Datasets.prdect(data, false));
    }
    long t0 = System.nanoTime();
    SentimentFeatures f = SentimentFeatures.create(fc);
    List<FeatureVector> x = new ArrayList<>();
    int[] gold = new int[train.size()];
    for (int i = 0; i < train.size(); i++) {
      x.add(f.extract(train.get(i).text(), Set.of()));
      gold[i] = train.get(i).gold();
    }
    System.out.printf("features %.1fs%n", (System.nanoTime() - t0) / 1e9);
    if (!test) {
      int k = 5;
      int[] foldOf = new int[x.size()];
      boolean years = lang.equals("en") && !"mod".equals(System.getProperty("folds"));
      for (int i = 0; i < x.size(); i++) {
        String src = train.get(i).source();
        foldOf[i] =
            years
                ? (src.contains("2013")
                    ? 0
                    : src.contains("2014") ? 1 : src.contains("2015") ? 2 : 3)
                : i % k;
      }
      if (years) {
        k = 4;
      }
      double w2016 = Double.parseDouble(System.getProperty("w2016", "1"));
      boolean devtest = "devtest".equals(System.getProperty("folds"));
      if (devtest) {
        for (int i = 0; i < x.size(); i++) {
          foldOf[i] = train.get(i).source().contains("2016devtest") ? 0 : 1;
        }
        k = 1;
      }
      Metrics all = new Metrics();
      java.util.Map<String, Metrics> bySource = new java.util.TreeMap<>();
      double[][] oof = new double[x.size()][];
      for (int fold = 0; fold < k; fold++) {
        List<FeatureVector> tx = new ArrayList<>();
        List<Integer> tg = new ArrayList<>();
        List<Double> sw = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
          if (foldOf[i] != fold) {
            tx.add(x.get(i));
            tg.add(gold[i]);
            sw.add(train.get(i).source().contains("2016") ? w2016 : 1.0);
          }
        }
        double[] w =
            LogisticRegression.fit(
                tx,
                tg.stream().mapToInt(Integer::intValue).toArray(),
                sw.stream().mapToDouble(Double::doubleValue).toArray(),
                fc.buckets(),
                s);
        SentimentModel m = SentimentModel.quantised(fc, w);
        Metrics fm = new Metrics();
        for (int i = 0; i < x.size(); i++) {
          if (foldOf[i] != fold) {
            continue;
          }
          oof[i] = m.logits(x.get(i));
          int p = argmax(oof[i]);
          fm.add(gold[i], p);
          bySource
              .computeIfAbsent(train.get(i).source().replaceAll("[0-9].*", ""), q -> new Metrics())
              .add(gold[i], p);
          all.add(gold[i], p);
        }
        System.out.println("fold " + fold + " " + fm.report());
      }
      System.out.println("CV " + all.report());
      if (lang.equals("id")) {
        bySource.forEach((src, mm) -> System.out.println("CV " + src + " " + mm.report()));
      }
      for (double delta = -0.5; delta <= 2.0001; delta += 0.25) {
        Metrics mm = new Metrics();
        for (int i = 0; i < x.size(); i++) {
          mm.add(gold[i], argmax(new double[] {oof[i][0], oof[i][1] - delta, oof[i][2]}));
        }
        System.out.printf("CVneutral-%.2f %s%n", delta, mm.report());
      }
      // offsets to the negative and positive logits, chosen on the other folds' out-of-fold scores
      Metrics nested = new Metrics();
      for (int fold = 0; fold < (devtest ? 0 : k); fold++) {
        double best = -1;
        double bn = 0;
        double bp = 0;
        for (double on = -1; on <= 1.0001; on += 0.1) {
          for (double op = -1; op <= 1.0001; op += 0.1) {
            Metrics mm = new Metrics();
            for (int i = 0; i < x.size(); i++) {
              if (foldOf[i] != fold) {
                mm.add(gold[i], argmax(new double[] {oof[i][0] + on, oof[i][1], oof[i][2] + op}));
              }
            }
            if (mm.macroRecall() > best + 1e-12) {
              best = mm.macroRecall();
              bn = on;
              bp = op;
            }
          }
        }
        System.out.printf("fold %d offsets neg %.1f pos %.1f%n", fold, bn, bp);
        for (int i = 0; i < x.size(); i++) {
          if (foldOf[i] == fold) {
            nested.add(gold[i], argmax(new double[] {oof[i][0] + bn, oof[i][1], oof[i][2] + bp}));
          }
        }
      }
      System.out.println("CVoffsets " + nested.report());
    } else {
      double[] w = LogisticRegression.fit(x, gold, null, fc.buckets(), s);
      SentimentModel m = SentimentModel.quantised(fc, w);
      List<Datasets.Example> eval =
          lang.equals("en") ? Datasets.semevalTest(data) : Datasets.smsa(data, "valid");
      report("test", f, m, eval);
      report(
          "other",
          f,
          m,
          lang.equals("en") ? Datasets.vaderTweets(data) : Datasets.prdect(data, true));
    }
    System.out.printf("total %.1fs%n", (System.nanoTime() - t0) / 1e9);
  }

  static void report(
      String name, SentimentFeatures f, SentimentModel m, List<Datasets.Example> eval) {
    Metrics mm = new Metrics();
    for (Datasets.Example e : eval) {
      mm.add(e.gold(), argmax(m.probabilities(f.extract(e.text(), Set.of()))));
    }
    System.out.println(name + " " + mm.report());
  }

  static int argmax(double[] p) {
    return p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
  }
}
