package dev.pantau.tools.sentiment;

import dev.pantau.keywords.sentiment.FeatureConfig;
import dev.pantau.keywords.sentiment.FeatureVector;
import dev.pantau.keywords.sentiment.SentimentFeatures;
import dev.pantau.keywords.sentiment.SentimentModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Trains the two shipped sentiment models and writes them as {@code keywords} resources:
 *
 * <ul>
 *   <li>English ({@code en_model.bin}): the SemEval 2013 to 2016 tweets ({@link
 *       Datasets#SEMEVAL_TRAIN}); never the 2017 test set.
 *   <li>Indonesian ({@code id_model.bin}): SmSA train and PRDECT-ID's training part (four reviews
 *       in five; every fifth is held out, {@link Datasets#prdect}); never SmSA valid.
 * </ul>
 *
 * <p>Before fitting, {@link #trainingSet} drops every training text that also occurs, once
 * normalised ({@link Datasets#normalise}), in an evaluation set, and every repeat of a text already
 * taken. The settings ({@link #ENGLISH}, {@link #INDONESIAN}) were chosen by {@link
 * SentimentCrossValidation} on the training data alone. Deterministic: fixed seed, the files' own
 * order, {@link StrictMath}; the same data gives the same bytes. From the repository root:
 *
 * <pre>
 * tools/sentiment.sh train      # writes keywords/src/main/resources/dev/pantau/keywords/sentiment/{en,id}_model.bin
 * </pre>
 */
public final class SentimentTraining {

  private SentimentTraining() {}

  /**
   * The features and settings of one language's model.
   *
   * @param nbBeta naive-Bayes scaling of the n-grams ({@link NaiveBayesScale}; 0: none)
   * @param averageFrom average the weights of the epochs from this one on (-1: the last epoch's)
   * @param seeds how many fits, each visiting the examples in another order, are averaged
   */
  public record Recipe(
      FeatureConfig features,
      LogisticRegression.Settings settings,
      double nbBeta,
      int averageFrom,
      int seeds) {
    Recipe(FeatureConfig features, LogisticRegression.Settings settings) {
      this(features, settings, 0, -1, 1);
    }
  }

  /**
   * English, as chosen by leave-one-year-out cross-validation on SemEval 2013-2016 ({@link
   * Experiments}): naive-Bayes scaled n-grams, the frequency-weighted mean of the words' GloVe
   * vectors ({@code en_vectors.bin}), character 3-4-grams (5-grams dropped to pay for the vectors'
   * scoring time), 6 epochs; the rules lead where the model says neutral and their compound is at
   * least {@code rulesLed} from 0.
   */
  public static final Recipe ENGLISH =
      new Recipe(
          FeatureConfig.parse(
              "language=en;bits=20;wordNgrams=2;charMin=3;charMax=4;negation=true;rules=true;"
                  + "ruleWeight=1;charWeight=1;ruleDetail=true;lexiconClasses=true;"
                  + "rulesLed=0.85;vectors=mean+sif1000;vectorWeight=2"),
          new LogisticRegression.Settings(6, 0.02, 1e-4, true, 20261206L),
          1.0,
          -1,
          1);

  /**
   * Indonesian, as chosen by 5-fold cross-validation on SmSA train and PRDECT-ID's training part.
   */
  public static final Recipe INDONESIAN =
      new Recipe(
          FeatureConfig.parse(
              "language=id;bits=20;wordNgrams=2;charMin=2;charMax=5;negation=true;rules=true;"
                  + "ruleWeight=1;charWeight=1;ruleDetail=true;lexiconClasses=false"),
          new LogisticRegression.Settings(12, 0.1, 1e-5, true, 20261206L));

  public static Recipe recipe(String lang) {
    return lang.equals("en") ? ENGLISH : INDONESIAN;
  }

  /** The raw training files of a language, before the leak and repeat filter. */
  public static List<Datasets.Example> rawTraining(String lang, Path data) throws IOException {
    if (lang.equals("en")) {
      return Datasets.semevalTrain(data);
    }
    List<Datasets.Example> out = new ArrayList<>(Datasets.smsa(data, "train"));
    out.addAll(Datasets.prdect(data, false));
    return out;
  }

  /**
   * Every evaluation text, normalised: SemEval 2017 test, VADER's tweets, SmSA valid, PRDECT-ID's
   * held-out part and the team's brand mentions ({@code brandMentions}, when it is a directory).
   * Not the English review sentences: they are fetched or not, and the training set must not depend
   * on it (the leak test checks them when they are there).
   */
  public static Set<String> evaluationTexts(Path data, Path brandMentions) throws IOException {
    Set<String> out = new HashSet<>();
    for (Evaluation.EvalSet set : Evaluation.evaluationSets(data, brandMentions, null)) {
      for (Datasets.Example e : set.examples()) {
        out.add(Datasets.normalise(e.text()));
      }
    }
    out.remove("");
    return out;
  }

  /** What the training filter kept, and how many it dropped for each reason. */
  public record TrainingSet(List<Datasets.Example> examples, int leaks, int repeats) {}

  /** The training examples: the raw files less evaluation texts and repeats. */
  public static TrainingSet trainingSet(List<Datasets.Example> raw, Set<String> evaluation) {
    Set<String> seen = new HashSet<>();
    List<Datasets.Example> kept = new ArrayList<>(raw.size());
    int leaks = 0;
    int repeats = 0;
    for (Datasets.Example e : raw) {
      String n = Datasets.normalise(e.text());
      if (evaluation.contains(n)) {
        leaks++;
      } else if (!seen.add(n)) {
        repeats++;
      } else {
        kept.add(e);
      }
    }
    return new TrainingSet(kept, leaks, repeats);
  }

  /** Fits a model to examples with a recipe; the weights as the file stores them. */
  public static byte[] fit(List<Datasets.Example> examples, Recipe recipe) {
    SentimentFeatures features = SentimentFeatures.create(recipe.features());
    List<FeatureVector> x = new ArrayList<>(examples.size());
    int[] gold = new int[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      x.add(features.extract(examples.get(i).text(), Set.of()));
      gold[i] = examples.get(i).gold();
    }
    return SentimentModel.write(recipe.features(), weights(x, gold, features, recipe));
  }

  /**
   * The fitted weights: the naive-Bayes scales taken from these examples alone, folded in; the mean
   * of {@code seeds} fits whose visiting orders start from {@code settings.seed()}, {@code seed +
   * 1}...
   */
  static double[] weights(
      List<FeatureVector> x, int[] gold, SentimentFeatures features, Recipe recipe) {
    FeatureConfig fc = recipe.features();
    double[] scale =
        recipe.nbBeta() > 0
            ? NaiveBayesScale.of(
                x, gold, fc.buckets(), 1.0, recipe.nbBeta(), features.denseBuckets())
            : null;
    double[] sum = null;
    LogisticRegression.Settings s = recipe.settings();
    for (int i = 0; i < recipe.seeds(); i++) {
      LogisticRegression.Settings si =
          new LogisticRegression.Settings(
              s.epochs(), s.learningRate(), s.l2(), s.balanced(), s.seed() + i);
      double[] w =
          LogisticRegression.fit(x, gold, null, fc.buckets(), si, scale, recipe.averageFrom());
      if (sum == null) {
        sum = w;
      } else {
        for (int k = 0; k < w.length; k++) {
          sum[k] += w[k];
        }
      }
    }
    if (recipe.seeds() > 1) {
      for (int k = 0; k < sum.length; k++) {
        sum[k] /= recipe.seeds();
      }
    }
    return sum;
  }

  /** Where the models go, from the repository root. */
  static final Path RESOURCES =
      Path.of("keywords/src/main/resources/dev/pantau/keywords/sentiment");

  /** {@code SentimentTraining DATA_DIR [OUTPUT_DIR] [en|id|both]}. */
  public static void main(String[] args) throws IOException {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    Path out = args.length > 1 ? Path.of(args[1]) : RESOURCES;
    String which = args.length > 2 ? args[2] : "both";
    Set<String> evaluation = evaluationTexts(data, Path.of(Evaluation.BRAND_MENTIONS));
    Files.createDirectories(out);
    for (String lang : List.of("en", "id")) {
      if (!which.equals("both") && !which.equals(lang)) {
        continue;
      }
      long t0 = System.nanoTime();
      TrainingSet set = trainingSet(rawTraining(lang, data), evaluation);
      byte[] model = fit(set.examples(), recipe(lang));
      Path file = out.resolve(lang + "_model.bin");
      Files.write(file, model);
      System.out.printf(
          "%s: %d training texts (%d dropped as evaluation texts, %d repeats), %d bytes, sha256 %s, %.1f s -> %s%n",
          lang,
          set.examples().size(),
          set.leaks(),
          set.repeats(),
          model.length,
          sha256(model),
          (System.nanoTime() - t0) / 1e9,
          file);
    }
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
