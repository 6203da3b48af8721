package dev.pantau.tools.sentiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pantau.keywords.sentiment.Sentiment;
import dev.pantau.keywords.sentiment.SentimentScorer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every sentiment figure, each with its data and split, for the shipped scorer and for the English
 * rules alone (Pantau's scorer before the trained model):
 *
 * <ul>
 *   <li>SemEval-2017 test (English tweets; macro-averaged recall is the official measure), VADER's
 *       tweets, SmSA valid, PRDECT-ID's held-out fifth: none trained on, none used to choose a
 *       setting;
 *   <li>the English review sentences, when {@code keywords/fetch-english-reviews.sh} fetched them;
 *   <li>the team's brand mentions ({@code keywords/eval}), and the brand swap.
 * </ul>
 *
 * <p>The cross-validated figures on the training data are {@link SentimentCrossValidation}'s. From
 * the repository root: {@code tools/sentiment.sh evaluate}.
 */
public final class Evaluation {

  private Evaluation() {}

  /** Where the team's brand mentions are, from the repository root. */
  public static final String BRAND_MENTIONS = "keywords/eval";

  /** Where {@code keywords/fetch-english-reviews.sh} puts the review sentences. */
  public static final String DEFAULT_REVIEWS = "keywords/target/english-reviews";

  /** One evaluation set: its name, language, what split it is, and its examples. */
  public record EvalSet(String name, String lang, String split, List<Datasets.Example> examples) {}

  /**
   * The evaluation sets, in the order they are printed.
   *
   * @param brandMentions the team's brand mentions' directory (skipped when it is not one)
   * @param reviews the review sentences' directory (skipped when null or not one)
   */
  public static List<EvalSet> evaluationSets(Path data, Path brandMentions, Path reviews)
      throws IOException {
    List<EvalSet> out = new ArrayList<>();
    out.add(
        new EvalSet(
            "SemEval-2017 task 4A test",
            "en",
            "test set: never trained on",
            Datasets.semevalTest(data)));
    out.add(
        new EvalSet(
            "VADER tweets (tweets_GroundTruth, labels at +-0.05)",
            "en",
            "evaluation only (the rules were tuned on it)",
            Datasets.vaderTweets(data)));
    if (reviews != null && Files.isDirectory(reviews)) {
      out.add(
          new EvalSet(
              "English review sentences (UCI, positive/negative)",
              "en",
              "evaluation only",
              reviews(reviews)));
    }
    out.add(
        new EvalSet(
            "SmSA valid",
            "id",
            "validation split: never trained on",
            Datasets.smsa(data, "valid")));
    out.add(
        new EvalSet(
            "PRDECT-ID held-out fifth (positive/negative)",
            "id",
            "every fifth review: never trained on",
            Datasets.prdect(data, true)));
    if (brandMentions != null && Files.isDirectory(brandMentions)) {
      try (var files = Files.list(brandMentions)) {
        for (Path f :
            files
                .filter(p -> p.getFileName().toString().startsWith("brand-mentions-"))
                .sorted()
                .toList()) {
          String lang = f.getFileName().toString().contains("-id") ? "id" : "en";
          out.add(
              new EvalSet(
                  "brand mentions " + f.getFileName(),
                  lang,
                  "team-written (see each file's header)",
                  Datasets.brandMentions(f)));
        }
      }
    }
    return out;
  }

  /** The review sentences: {@code amazon.json}, {@code imdb.json}, {@code yelp.json}. */
  static List<Datasets.Example> reviews(Path dir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Datasets.Example> out = new ArrayList<>();
    for (String source : List.of("amazon", "imdb", "yelp")) {
      int i = 0;
      for (JsonNode n : json.readTree(dir.resolve(source + ".json").toFile())) {
        i++;
        if (n.hasNonNull("class") && n.hasNonNull("text")) {
          out.add(
              new Datasets.Example(
                  n.get("text").asText(),
                  n.get("class").asInt() == 1 ? 2 : 0,
                  "reviews/" + source,
                  i));
        }
      }
    }
    return out;
  }

  static int classOf(Sentiment.Label label) {
    return switch (label) {
      case NEGATIVE -> 0;
      case NEUTRAL -> 1;
      case POSITIVE -> 2;
      case UNSCORED -> throw new IllegalArgumentException("unscored");
    };
  }

  static Metrics score(SentimentScorer scorer, EvalSet set) {
    Metrics m = new Metrics();
    for (Datasets.Example e : set.examples()) {
      m.add(e.gold(), classOf(scorer.score(e.text(), set.lang()).label()));
    }
    return m;
  }

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    Map<String, SentimentScorer> scorers = new LinkedHashMap<>();
    scorers.put("shipped (trained models)", SentimentScorer.create());
    scorers.put(
        "English rules alone (the scorer before the models)",
        SentimentScorer.create(SentimentScorer.Engine.ENGLISH_RULES));
    scorers.put(
        "models without the Indonesian service rules",
        SentimentScorer.create(SentimentScorer.Engine.MODELS_WITHOUT_SERVICE_RULES));
    List<EvalSet> sets = evaluationSets(data, Path.of(BRAND_MENTIONS), Path.of(DEFAULT_REVIEWS));
    for (EvalSet set : sets) {
      System.out.printf(
          "== %s [%s; %s; n=%d]%n", set.name(), set.lang(), set.split(), set.examples().size());
      for (Map.Entry<String, SentimentScorer> s : scorers.entrySet()) {
        boolean relevant =
            set.lang().equals("en")
                ? !s.getKey().startsWith("models without")
                : !s.getKey().startsWith("English rules");
        if (relevant) {
          System.out.println("  " + s.getKey() + ": " + score(s.getValue(), set).report());
        }
      }
    }
    brandSwap(scorers.get("shipped (trained models)"));
  }

  /**
   * The same words about different brands: how many mentions take another label than their
   * template's commonest.
   */
  static void brandSwap(SentimentScorer scorer) {
    swap(
        scorer,
        "id",
        List.of(
            "saya pakai %s",
            "baru beli paket %s",
            "%s umumkan promo baru",
            "lagi di kantor %s",
            "%s buka cabang baru di Bandung",
            "teman saya kerja di %s",
            "mau coba %s besok",
            "%s hari ini"),
        List.of(
            "telkomsel",
            "indosat",
            "xl",
            "indihome",
            "smartfren",
            "tokopedia",
            "shopee",
            "bukalapak",
            "lazada",
            "traveloka",
            "gojek",
            "grab",
            "bca",
            "mandiri",
            "bni"));
    swap(
        scorer,
        "en",
        List.of(
            "just landed with %s",
            "%s lost my bag",
            "%s crew was lovely",
            "switching to %s next month",
            "at the %s store downtown"),
        List.of("United", "Delta", "Virgin", "Best Buy", "Lucky Brand", "Target", "Shell"));
  }

  static void swap(
      SentimentScorer scorer, String lang, List<String> templates, List<String> brands) {
    double spreadSum = 0;
    int differing = 0;
    for (String t : templates) {
      Map<String, Integer> labels = new LinkedHashMap<>();
      double lo = Double.MAX_VALUE;
      double hi = -Double.MAX_VALUE;
      for (String b : brands) {
        // the job passes a mention's brand names; Indonesian ones also meet the model's name list
        Set<String> names = Set.of(b.toLowerCase(Locale.ROOT).split(" "));
        Sentiment s = scorer.score(String.format(t, b), lang, names);
        labels.merge(s.label().json(), 1, Integer::sum);
        lo = Math.min(lo, s.score());
        hi = Math.max(hi, s.score());
      }
      spreadSum += hi - lo;
      differing += brands.size() - Collections.max(labels.values());
    }
    System.out.printf(
        Locale.ROOT,
        "== Brand swap (%s): %d templates x %d brands, names passed as the job does: mean score spread %.3f; %d of %d mentions labelled unlike their template's commonest%n",
        lang,
        templates.size(),
        brands.size(),
        spreadSum / templates.size(),
        differing,
        templates.size() * brands.size());
  }
}
