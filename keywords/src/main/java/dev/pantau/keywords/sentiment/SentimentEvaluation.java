package dev.pantau.keywords.sentiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pantau.keywords.sentiment.EnglishRules.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluation command (not part of {@code mvn verify}): accuracy, macro-F1 and the confusion matrix
 * on VADER's English tweets and SmSA valid, for the shipped scorer and for its ablations; and, when
 * {@code keywords/fetch-english-reviews.sh} has fetched them, accuracy on 3,000 English review
 * sentences labelled positive or negative, the brand-like check of the English rules.
 *
 * <pre>
 * mvn -q -f keywords/pom.xml compile exec:java \
 *   -Dexec.mainClass=dev.pantau.keywords.sentiment.SentimentEvaluation \
 *   -Dexec.args="../shared/data [--ablation] [--reviews keywords/target/english-reviews]"
 * </pre>
 */
public final class SentimentEvaluation {

  private SentimentEvaluation() {}

  record Example(String text, Sentiment.Label gold) {}

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    boolean ablation = false;
    Path reviewsDir = Path.of(DEFAULT_REVIEWS);
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--ablation")) {
        ablation = true;
      } else if (args[i].equals("--reviews") && i + 1 < args.length) {
        reviewsDir = Path.of(args[++i]);
      } else {
        throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
    }
    List<Example> tweets = tweets(data.resolve("vader/tweets_GroundTruth.txt"));
    List<Example> reviews = Files.isDirectory(reviewsDir) ? reviews(reviewsDir) : List.of();
    List<Variant> variants = englishVariants();
    System.out.println("== English: vader/tweets_GroundTruth.txt (gold = mean rating / 4, labels at +-0.05)");
    for (Variant v : variants) {
      System.out.print(v.name() + ": " + score(v.scorer(), tweets, -1).report());
    }
    System.out.println();
    if (reviews.isEmpty()) {
      System.out.println("== English reviews: none in " + reviewsDir + " (run keywords/fetch-english-reviews.sh)");
    } else {
      System.out.println("== English reviews: " + reviewsDir + " (UCI Sentiment Labelled Sentences, "
          + reviews.size() + " Amazon, IMDb and Yelp sentences, positive or negative; a neutral "
          + "prediction counts as wrong; dev = even-numbered sentences of each file, held-out = odd)");
      for (Variant v : variants) {
        System.out.println(v.name() + ":");
        System.out.println("  all       " + reviewReport(score(v.scorer(), reviews, -1)));
        System.out.println("  dev       " + reviewReport(score(v.scorer(), reviews, 0)));
        System.out.println("  held-out  " + reviewReport(score(v.scorer(), reviews, 1)));
      }
    }
    System.out.println();
    indonesian(data, ablation);
    System.out.println();
    brandMentions(Path.of(BRAND_MENTIONS));
    System.out.println();
    brandSwap();
  }

  /**
   * The same words about different brands: how far the score moves, and how many mentions take
   * another label than their template's commonest. Indonesian brands are dropped by the model's
   * name list; English ones are passed as the mention's names, as the job does.
   */
  private static void brandSwap() {
    SentimentScorer scorer = SentimentScorer.create();
    swap(scorer, "id", List.of("saya pakai %s", "baru beli paket %s", "%s umumkan promo baru",
            "lagi di kantor %s", "%s buka cabang baru di Bandung", "teman saya kerja di %s",
            "mau coba %s besok", "%s hari ini"),
        List.of("telkomsel", "indosat", "xl", "indihome", "smartfren", "tokopedia", "shopee",
            "bukalapak", "lazada", "traveloka", "gojek", "grab", "bca", "mandiri", "bni"));
    swap(scorer, "en", List.of("just landed with %s", "%s lost my bag", "%s crew was lovely",
            "switching to %s next month", "at the %s store downtown"),
        List.of("United", "Delta", "Virgin", "Best Buy", "Lucky Brand", "Target", "Shell"));
  }

  private static void swap(SentimentScorer scorer, String lang, List<String> templates, List<String> brands) {
    double spreadSum = 0;
    int differing = 0;
    for (String t : templates) {
      Map<String, Integer> labels = new LinkedHashMap<>();
      double lo = Double.MAX_VALUE;
      double hi = -Double.MAX_VALUE;
      for (String b : brands) {
        // English brands are passed as names, as the job does; Indonesian ones meet the model's list
        java.util.Set<String> names =
            lang.equals("en") ? java.util.Set.of(b.toLowerCase(java.util.Locale.ROOT).split(" ")) : java.util.Set.of();
        Sentiment s = scorer.score(String.format(t, b), lang, names);
        labels.merge(s.label().json(), 1, Integer::sum);
        lo = Math.min(lo, s.score());
        hi = Math.max(hi, s.score());
      }
      spreadSum += hi - lo;
      differing += brands.size() - java.util.Collections.max(labels.values());
    }
    System.out.printf(java.util.Locale.ROOT,
        "== Brand swap (%s): %d templates x %d brands: mean score spread %.3f; %d of %d mentions labelled unlike their template's commonest%n",
        lang, templates.size(), brands.size(), spreadSum / templates.size(), differing, templates.size() * brands.size());
  }

  /** Where the team's hand-written brand mentions are, from the repository root. */
  static final String BRAND_MENTIONS = "keywords/eval";

  /**
   * The team's hand-written brand mentions ({@code keywords/eval/brand-mentions-*.tsv}, {@code
   * label<TAB>text}): a check that complaints, questions and news come out as a brand's team would
   * read them. Written and labelled by the team, partly read while writing the rules: not a
   * benchmark, and said so in each file's header.
   */
  private static void brandMentions(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      System.out.println("== Brand mentions: none in " + dir + " (run from the repository root)");
      return;
    }
    SentimentScorer shipped = SentimentScorer.create();
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("brand-mentions-")).sorted().toList()) {
        String lang = f.getFileName().toString().contains("-id") ? "id" : "en";
        ConfusionMatrix m = new ConfusionMatrix();
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          String[] cells = line.split("\t", 2);
          Sentiment.Label gold = switch (cells[0]) {
            case "neg" -> Sentiment.Label.NEGATIVE;
            case "neu" -> Sentiment.Label.NEUTRAL;
            case "pos" -> Sentiment.Label.POSITIVE;
            default -> throw new IllegalArgumentException(f + ": unknown label " + cells[0]);
          };
          m.add(gold, shipped.score(cells[1], lang).label());
        }
        System.out.print("== Brand mentions: " + f.getFileName() + " (" + lang + ", team-written): " + m.report());
      }
    }
  }

  /** Where {@code keywords/fetch-english-reviews.sh} puts the review sentences by default. */
  static final String DEFAULT_REVIEWS = "keywords/target/english-reviews";

  /** One English configuration of the ablation table. */
  record Variant(String name, EnglishScorer scorer) {}

  private static List<Variant> englishVariants() {
    List<Variant> variants = new ArrayList<>();
    Map<String, String> emoji = Resources.strings(SentimentScorer.EMOJI_LEXICON);
    Map<String, Double> pantauLexicon = EnglishSupport.lexicon(false);
    EnglishRules vader = EnglishRules.VADER;
    variants.add(new Variant("VADER 3.3.2 (lexicon + rules + emoji words)",
        new EnglishScorer(Resources.numbers(SentimentScorer.VADER_LEXICON), emoji, vader)));
    variants.add(new Variant("  + Pantau lexicon (emoji, service failures)", new EnglishScorer(pantauLexicon, emoji, vader)));
    variants.add(new Variant("  + review words", EnglishSupport.scorer(vader)));
    variants.add(new Variant("  + repeated letters", EnglishSupport.scorer(vader.with(Rule.REPEATED_LETTERS, true))));
    variants.add(new Variant("  + courtesy", EnglishSupport.scorer(vader.with(Rule.COURTESY, true))));
    variants.add(new Variant("  + questions", EnglishSupport.scorer(vader.with(Rule.QUESTIONS, true).withQuestionPositiveWeight(0.0))));
    variants.add(new Variant("  + sarcastic thanks", EnglishSupport.scorer(vader.with(Rule.IDIOMS, true))));
    variants.add(new Variant("  + handles and links", EnglishSupport.scorer(vader.with(Rule.NAMES, true))));
    variants.add(new Variant("  + like as preposition", EnglishSupport.scorer(vader.with(Rule.LIKE_AS_PREPOSITION, true))));
    variants.add(new Variant("  + questions, negatives at half weight", EnglishSupport.scorer(vader.with(Rule.QUESTIONS, true).withQuestionNegativeWeight(0.5))));
    variants.add(new Variant("  + questions, both", EnglishSupport.scorer(vader.with(Rule.QUESTIONS, true).withQuestionPositiveWeight(0.0).withQuestionNegativeWeight(0.5))));
    variants.add(new Variant("  + headlines at half weight", EnglishSupport.scorer(vader.with(Rule.HEADLINES, true))));
    variants.add(new Variant("  + negation scope", EnglishSupport.scorer(vader.with(Rule.SCOPE, true))));
    variants.add(new Variant("  + short words (\"no!\", \"ok.\")", EnglishSupport.scorer(vader.with(Rule.SHORT_WORDS, true))));
    variants.add(new Variant("  + discourse \"well,\"", EnglishSupport.scorer(vader.with(Rule.DISCOURSE_WELL, true))));
    variants.add(new Variant("  + degree adverbs (\"pretty bad\")", EnglishSupport.scorer(vader.with(Rule.DEGREE_ADVERBS, true))));
    variants.add(new Variant("  + \"sure\" of certainty", EnglishSupport.scorer(vader.with(Rule.EPISTEMIC_SURE, true))));
    variants.add(new Variant("  + certainty adverbs (\"definitely not worth it\")", EnglishSupport.scorer(vader.with(Rule.CERTAINTY_ADVERBS, true))));
    variants.add(new Variant("  + warnings and refusals (\"don't waste your money\", \"never again\")", EnglishSupport.scorer(vader.with(Rule.ADVICE_IDIOMS, true))));
    variants.add(new Variant("  + standards not met (\"fair at best\", \"I've had better\")", EnglishSupport.scorer(vader.with(Rule.EXPECTATIONS, true))));
    variants.add(new Variant("  + failures (\"doesn't work\", \"hasn't arrived\")", EnglishSupport.scorer(vader.with(Rule.FAILURES, true))));
    EnglishRules previous =
        EnglishRules.PANTAU
            .with(Rule.CERTAINTY_ADVERBS, false)
            .with(Rule.ADVICE_IDIOMS, false)
            .with(Rule.EXPECTATIONS, false)
            .with(Rule.FAILURES, false)
            .with(Rule.FACES, false)
            .with(Rule.REMEDIES, false)
            .with(Rule.LONG_NEGATION, false);
    variants.add(new Variant("Pantau without the complaint senses, faces, remedies, long negation and review words", new EnglishScorer(pantauLexicon, emoji, previous)));
    variants.add(new Variant("  + review words", EnglishSupport.scorer(previous)));
    variants.add(new Variant("  + certainty adverbs", new EnglishScorer(pantauLexicon, emoji, previous.with(Rule.CERTAINTY_ADVERBS, true))));
    variants.add(new Variant("  + warnings and refusals", new EnglishScorer(pantauLexicon, emoji, previous.with(Rule.ADVICE_IDIOMS, true))));
    variants.add(new Variant("  + standards not met", new EnglishScorer(pantauLexicon, emoji, previous.with(Rule.EXPECTATIONS, true))));
    variants.add(new Variant("  + failures", new EnglishScorer(pantauLexicon, emoji, previous.with(Rule.FAILURES, true))));
    variants.add(new Variant("  + faces not negated (\"no :(\")", EnglishSupport.scorer(vader.with(Rule.FACES, true))));
    variants.add(new Variant("  + remedies (\"fixed my broken screen\")", EnglishSupport.scorer(vader.with(Rule.REMEDIES, true))));
    variants.add(new Variant("  + long negation (\"wouldn't be such a bad idea\")", EnglishSupport.scorer(vader.with(Rule.LONG_NEGATION, true))));
    variants.add(new Variant("  + persistence (\"charged me twice\", \"only a few hours\")", EnglishSupport.scorer(vader.with(Rule.IMPLICIT_COMPLAINTS, true))));
    variants.add(new Variant("Pantau without persistence", EnglishSupport.scorer(EnglishRules.PANTAU.with(Rule.IMPLICIT_COMPLAINTS, false))));
    EnglishRules sentiment5 =
        EnglishRules.PANTAU
            .with(Rule.FACES, false)
            .with(Rule.REMEDIES, false)
            .with(Rule.LONG_NEGATION, false);
    variants.add(new Variant("Pantau without faces, remedies and long negation", EnglishSupport.scorer(sentiment5)));
    variants.add(new Variant("  + faces not negated", EnglishSupport.scorer(sentiment5.with(Rule.FACES, true))));
    variants.add(new Variant("  + remedies", EnglishSupport.scorer(sentiment5.with(Rule.REMEDIES, true))));
    variants.add(new Variant("  + long negation", EnglishSupport.scorer(sentiment5.with(Rule.LONG_NEGATION, true))));
    variants.add(new Variant("Pantau, shipped (all of the above)", EnglishSupport.scorer(EnglishRules.PANTAU)));
    return variants;
  }

  /** Scores every example, or only those whose index has the parity {@code half} (0 or 1). */
  private static ConfusionMatrix score(EnglishScorer scorer, List<Example> examples, int half) {
    ConfusionMatrix m = new ConfusionMatrix();
    for (int i = 0; i < examples.size(); i++) {
      if (half < 0 || i % 2 == half) {
        Example e = examples.get(i);
        m.add(e.gold(), SentimentScorer.label(scorer.compound(e.text()), SentimentScorer.NEUTRAL_BAND));
      }
    }
    return m;
  }

  /** Two-class gold: accuracy with neutral as a miss, and where the misses went. */
  static String reviewReport(ConfusionMatrix m) {
    Sentiment.Label neg = Sentiment.Label.NEGATIVE;
    Sentiment.Label neu = Sentiment.Label.NEUTRAL;
    Sentiment.Label pos = Sentiment.Label.POSITIVE;
    long negatives = m.count(neg, neg) + m.count(neg, neu) + m.count(neg, pos);
    long positives = m.count(pos, neg) + m.count(pos, neu) + m.count(pos, pos);
    return String.format(Locale.ROOT,
        "n=%d accuracy=%.4f | negatives: %d negative, %d neutral, %d positive (%.1f%% called positive)"
            + " | positives: %d positive, %d neutral, %d negative",
        m.total(), m.accuracy(), m.count(neg, neg), m.count(neg, neu), m.count(neg, pos),
        100.0 * m.count(neg, pos) / Math.max(1, negatives), m.count(pos, pos), m.count(pos, neu),
        m.count(pos, neg));
  }

  /**
   * The review sentences of {@code keywords/fetch-english-reviews.sh}: {@code amazon.json}, {@code
   * imdb.json}, {@code yelp.json}, each a JSON array of {"text", "class"} with class 1 positive and
   * 0 negative (entries without a class are skipped).
   */
  static List<Example> reviews(Path dir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Example> out = new ArrayList<>();
    for (String source : List.of("amazon", "imdb", "yelp")) {
      for (JsonNode n : json.readTree(dir.resolve(source + ".json").toFile())) {
        if (n.hasNonNull("class") && n.hasNonNull("text")) {
          out.add(new Example(n.get("text").asText(),
              n.get("class").asInt() == 1 ? Sentiment.Label.POSITIVE : Sentiment.Label.NEGATIVE));
        }
      }
    }
    return out;
  }

  private static void indonesian(Path data, boolean ablation) throws IOException {
    List<SentimentTrainer.Example> valid =
        SentimentTrainer.read(data.resolve("smsa/valid_preprocess.tsv"));
    System.out.println("== Indonesian: smsa/valid_preprocess.tsv");
    SentimentScorer modelOnly = SentimentScorer.create(false);
    ConfusionMatrix plain = new ConfusionMatrix();
    for (SentimentTrainer.Example e : valid) {
      plain.add(CLASSES[e.gold()], modelOnly.score(e.text(), "id").label());
    }
    System.out.print("id_model.tsv alone: " + plain.report());
    SentimentScorer shipped = SentimentScorer.create();
    ConfusionMatrix m = new ConfusionMatrix();
    for (SentimentTrainer.Example e : valid) {
      m.add(CLASSES[e.gold()], shipped.score(e.text(), "id").label());
    }
    System.out.print("Pantau, shipped (id_model.tsv + service complaints and questions): " + m.report());
    if (!ablation) {
      System.out.println("(add --ablation as the second argument to retrain and score each feature set)");
      return;
    }
    List<SentimentTrainer.Example> train =
        SentimentTrainer.read(data.resolve("smsa/train_preprocess.tsv"));
    EnglishScorer english = EnglishSupport.scorer();
    Map<String, SentimentTrainer.Config> configs = new LinkedHashMap<>();
    SentimentTrainer.Config base = SentimentTrainer.Config.DEFAULT;
    configs.put("words only", base.withFeatures(new IndonesianFeatures.Options(false, false, false, false, false)));
    configs.put("  + negation scope", base.withFeatures(new IndonesianFeatures.Options(true, false, false, false, false)));
    configs.put("  + word pairs", base.withFeatures(new IndonesianFeatures.Options(true, true, false, false, false)));
    configs.put("  + contrast weights", base.withFeatures(new IndonesianFeatures.Options(true, true, true, false, false)));
    configs.put("  + English lexicon score", base.withFeatures(new IndonesianFeatures.Options(true, true, true, true, false)));
    configs.put("  + names are no opinion (all: shipped)", base);
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
