package dev.pantau.keywords.sentiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluation command (not part of {@code mvn verify}): accuracy, macro-F1 and the confusion matrix
 * on VADER's English tweets and SmSA valid, for the shipped scorer and for its ablations.
 *
 * <pre>
 * mvn -q -f keywords/pom.xml compile exec:java \
 *   -Dexec.mainClass=dev.pantau.keywords.sentiment.SentimentEvaluation \
 *   -Dexec.args="../shared/data [--ablation]"
 * </pre>
 */
public final class SentimentEvaluation {

  private SentimentEvaluation() {}

  record Example(String text, Sentiment.Label gold) {}

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    List<Example> tweets = tweets(data.resolve("vader/tweets_GroundTruth.txt"));
    System.out.println("== English: vader/tweets_GroundTruth.txt (gold = mean rating / 4, labels at +-0.05)");
    Map<String, EnglishScorer> variants = new LinkedHashMap<>();
    Map<String, Double> vaderOnly = Resources.numbers(SentimentScorer.VADER_LEXICON);
    Map<String, String> emoji = Resources.strings(SentimentScorer.EMOJI_LEXICON);
    EnglishRules vader = EnglishRules.VADER;
    variants.put("VADER 3.3.2 (lexicon + rules + emoji words)", new EnglishScorer(vaderOnly, emoji, vader));
    variants.put("  + Pantau lexicon (emoji, service failures)", EnglishSupport.scorer(vader));
    variants.put("  + repeated letters", EnglishSupport.scorer(vader.withRepeatedLetters(true)));
    variants.put("  + courtesy", EnglishSupport.scorer(vader.withCourtesy(true)));
    variants.put("  + questions", EnglishSupport.scorer(vader.withQuestions(true).withQuestionPositiveWeight(0.0)));
    variants.put("  + sarcastic thanks", EnglishSupport.scorer(vader.withIdioms(true)));
    variants.put("  + handles and links", EnglishSupport.scorer(vader.withNames(true)));
    variants.put("  + like as preposition", EnglishSupport.scorer(vader.withLikeAsPreposition(true)));
    variants.put("  + questions, negatives at half weight", EnglishSupport.scorer(vader.withQuestions(true).withQuestionNegativeWeight(0.5)));
    variants.put("  + questions, both", EnglishSupport.scorer(vader.withQuestions(true).withQuestionPositiveWeight(0.0).withQuestionNegativeWeight(0.5)));
    variants.put("  + headlines at half weight", EnglishSupport.scorer(vader.withHeadlines(true)));
    variants.put("  + negation scope", EnglishSupport.scorer(vader.withScope(true)));
    variants.put("  + short words (\"no!\", \"ok.\")", EnglishSupport.scorer(vader.withShortWords(true)));
    variants.put("  + discourse \"well,\"", EnglishSupport.scorer(vader.withDiscourseWell(true)));
    variants.put("  + degree adverbs (\"pretty bad\")", EnglishSupport.scorer(vader.withDegreeAdverbs(true)));
    variants.put("  + \"sure\" of certainty", EnglishSupport.scorer(vader.withEpistemicSure(true)));
    EnglishRules previous =
        EnglishRules.PANTAU.withShortWords(false).withDiscourseWell(false).withDegreeAdverbs(false).withEpistemicSure(false);
    variants.put("Pantau before word senses (sentiment2 rules)", EnglishSupport.scorer(previous));
    variants.put("  + short words", EnglishSupport.scorer(previous.withShortWords(true)));
    variants.put("  + discourse well", EnglishSupport.scorer(previous.withDiscourseWell(true)));
    variants.put("  + degree adverbs", EnglishSupport.scorer(previous.withDegreeAdverbs(true)));
    variants.put("  + sure of certainty", EnglishSupport.scorer(previous.withEpistemicSure(true)));
    variants.put("Pantau, shipped (all of the above)", EnglishSupport.scorer(EnglishRules.PANTAU));
    for (Map.Entry<String, EnglishScorer> v : variants.entrySet()) {
      ConfusionMatrix m = new ConfusionMatrix();
      for (Example e : tweets) {
        m.add(e.gold(), SentimentScorer.label(v.getValue().compound(e.text()), SentimentScorer.NEUTRAL_BAND));
      }
      System.out.print(v.getKey() + ": " + m.report());
    }
    System.out.println();
    indonesian(data, args.length > 1 && args[1].equals("--ablation"));
  }

  private static void indonesian(Path data, boolean ablation) throws IOException {
    List<SentimentTrainer.Example> valid =
        SentimentTrainer.read(data.resolve("smsa/valid_preprocess.tsv"));
    System.out.println("== Indonesian: smsa/valid_preprocess.tsv");
    SentimentScorer shipped = SentimentScorer.create();
    ConfusionMatrix m = new ConfusionMatrix();
    for (SentimentTrainer.Example e : valid) {
      m.add(CLASSES[e.gold()], shipped.score(e.text(), "id").label());
    }
    System.out.print("Pantau, shipped (id_model.tsv): " + m.report());
    if (!ablation) {
      System.out.println("(add --ablation as the second argument to retrain and score each feature set)");
      return;
    }
    List<SentimentTrainer.Example> train =
        SentimentTrainer.read(data.resolve("smsa/train_preprocess.tsv"));
    EnglishScorer english = EnglishSupport.scorer();
    Map<String, SentimentTrainer.Config> configs = new LinkedHashMap<>();
    SentimentTrainer.Config base = SentimentTrainer.Config.DEFAULT;
    configs.put("words only", base.withFeatures(new IndonesianFeatures.Options(false, false, false, false)));
    configs.put("  + negation scope", base.withFeatures(new IndonesianFeatures.Options(true, false, false, false)));
    configs.put("  + word pairs", base.withFeatures(new IndonesianFeatures.Options(true, true, false, false)));
    configs.put("  + contrast weights", base.withFeatures(new IndonesianFeatures.Options(true, true, true, false)));
    configs.put("  + English lexicon score (all: shipped)", base);
    configs.put("all, classes unweighted", base.withBalanced(false));
    for (Map.Entry<String, SentimentTrainer.Config> c : configs.entrySet()) {
      LinearModel model = new LinearModel(SentimentTrainer.train(train, c.getValue(), english));
      ConfusionMatrix cm = new ConfusionMatrix();
      for (SentimentTrainer.Example e : valid) {
        double[] p = model.probabilities(SentimentTrainer.features(e.text(), c.getValue().features(), english));
        cm.add(CLASSES[e.gold()], CLASSES[argmax(p)]);
      }
      System.out.print(c.getKey() + " (" + model.size() + " features): " + cm.report());
    }
  }

  private static final Sentiment.Label[] CLASSES = {
    Sentiment.Label.NEGATIVE, Sentiment.Label.NEUTRAL, Sentiment.Label.POSITIVE
  };

  static int argmax(double[] p) {
    return p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
  }

  static List<Example> tweets(Path file) throws IOException {
    List<Example> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", 3);
      if (f.length < 3) {
        continue;
      }
      double gold = Double.parseDouble(f[1]) / 4.0;
      out.add(new Example(f[2], SentimentScorer.label(gold, 0.05)));
    }
    return out;
  }
}
