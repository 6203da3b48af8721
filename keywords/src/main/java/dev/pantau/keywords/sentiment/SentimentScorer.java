package dev.pantau.keywords.sentiment;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scores the sentiment of a mention in English or Indonesian; other languages are {@link
 * Sentiment#UNSCORED}.
 *
 * <p>Both languages: a trained multinomial logistic regression ({@link SentimentModel}) over hashed
 * word and character n-grams and the English rules' scores ({@link SentimentFeatures}); English
 * trained on SemEval 2013-2016 tweets, Indonesian on SmSA train and PRDECT-ID (the trainer lives in
 * the tools module). The label is the likeliest class, the score P(positive) - P(negative);
 * English, where the model says neutral and the rules' compound is at least the model's {@link
 * FeatureConfig#rulesLed()} from 0, the rules' sign and compound. Indonesian: a post with no word
 * is scored by the English rules (emoji), and after the model service complaints it calls neutral
 * are negative and a question put to a brand is neutral ({@link IndonesianServiceRules}). {@link
 * Engine#ENGLISH_RULES} keeps the English rules alone (the scorer before the models).
 * docs/sentiment.md has the figures.
 *
 * <p>Immutable and thread-safe: resources are read from the class path once, in {@link #create()}.
 * No downloads.
 */
public final class SentimentScorer {

  /** VADER's recommended threshold on the compound score (the rule scorer's labels). */
  public static final double NEUTRAL_BAND = 0.05;

  static final String VADER_LEXICON = "vader_lexicon.tsv";
  static final String EMOJI_LEXICON = "emoji_lexicon.tsv";
  static final String PANTAU_LEXICON = "pantau_lexicon.tsv";
  static final String REVIEW_LEXICON = "review_lexicon.tsv";
  static final String ENGLISH_MODEL = "en_model.bin";
  static final String INDONESIAN_MODEL = "id_model.bin";

  /** Which scorer: the trained models (shipped), or the English rules alone (before them). */
  public enum Engine {
    /** The trained models over n-grams and the rules' scores, with the Indonesian service rules. */
    MODELS,
    /** As {@link #MODELS}, without the Indonesian service rules (for the evaluation). */
    MODELS_WITHOUT_SERVICE_RULES,
    /**
     * English: the rules alone, VADER's compound labelled at {@link #NEUTRAL_BAND} (Pantau's scorer
     * before the trained model); Indonesian: the trained model as in {@link #MODELS}.
     */
    ENGLISH_RULES
  }

  private final EnglishScorer english;
  private final Engine engine;
  private final SentimentModel englishModel;
  private final SentimentFeatures englishFeatures;
  private final SentimentModel indonesianModel;
  private final SentimentFeatures indonesianFeatures;

  /**
   * One feature vector per thread, emptied and filled for each mention: a fresh one per mention
   * (about a thousand entries) cost its allocation, its zeroing and, for Indonesian, its growth.
   */
  private final ThreadLocal<FeatureVector> vectors =
      ThreadLocal.withInitial(() -> new FeatureVector(INITIAL_FEATURES));

  /** Enough for a mention of a few hundred characters. */
  private static final int INITIAL_FEATURES = 4096;

  /** A vector grown larger than this (a very long text) is not kept for the next mention. */
  private static final int KEPT_FEATURES = 1 << 16;

  private SentimentScorer(Engine engine) {
    this.engine = engine;
    this.english = EnglishSupport.scorer();
    this.englishModel = SentimentModel.load(ENGLISH_MODEL);
    this.englishFeatures = SentimentFeatures.create(englishModel.config(), english);
    this.indonesianModel = SentimentModel.load(INDONESIAN_MODEL);
    this.indonesianFeatures = SentimentFeatures.create(indonesianModel.config(), english);
  }

  /** The scorer with the models shipped in this jar. */
  public static SentimentScorer create() {
    return create(Engine.MODELS);
  }

  /** The scorer of the given engine (the evaluation compares them). */
  public static SentimentScorer create(Engine engine) {
    return new SentimentScorer(java.util.Objects.requireNonNull(engine));
  }

  /**
   * @param text the mention (title and text joined by a line break when both exist); null is empty
   * @param lang an ISO 639-1 code, "en" or "id" (case and region ignored: "en-GB"); anything else,
   *     null included, gives {@link Sentiment#UNSCORED}
   */
  public Sentiment score(String text, String lang) {
    return score(text, lang, Set.of());
  }

  /**
   * As {@link #score(String, String)}, with the names this mention is about: its brands' names and
   * matched terms, lower-case words ("united", "best", "buy"). They count for nothing (the model
   * reads each as the same placeholder), so a brand whose name is an opinion word ("United", "Best
   * Buy") does not lend it to every mention, and swapping one brand's name for another's never
   * changes a mention's sentiment.
   */
  public Sentiment score(String text, String lang, Set<String> names) {
    java.util.Objects.requireNonNull(names, "names (empty when none)");
    String language = language(lang);
    if (language == null) {
      return Sentiment.UNSCORED;
    }
    String t = text == null ? "" : text;
    if (t.isBlank()) {
      return new Sentiment(0.0, Sentiment.Label.NEUTRAL);
    }
    if (language.equals("en")) {
      if (engine == Engine.ENGLISH_RULES) {
        double compound = english.compound(t, names);
        return new Sentiment(compound, label(compound, NEUTRAL_BAND));
      }
      double[] compound = new double[1];
      FeatureVector v = englishFeatures.extract(t, names, compound, vectors.get());
      Sentiment s = fromModel(englishModel.probabilities(v));
      release(v);
      double led = englishModel.config().rulesLed();
      if (led > 0 && s.label() == Sentiment.Label.NEUTRAL && Math.abs(compound[0]) >= led) {
        // the rules are sure where the model is not: their sign, and their score
        return new Sentiment(
            compound[0], compound[0] > 0 ? Sentiment.Label.POSITIVE : Sentiment.Label.NEGATIVE);
      }
      return s;
    }
    return indonesian(t, names);
  }

  private void release(FeatureVector v) {
    if (v.capacity() > KEPT_FEATURES) {
      vectors.remove();
    }
  }

  private static Sentiment fromModel(double[] p) {
    double score = Math.max(-1.0, Math.min(1.0, p[2] - p[0]));
    Sentiment.Label label =
        p[0] >= p[1] && p[0] >= p[2]
            ? Sentiment.Label.NEGATIVE
            : p[1] >= p[2] ? Sentiment.Label.NEUTRAL : Sentiment.Label.POSITIVE;
    return new Sentiment(score, label);
  }

  private Sentiment indonesian(String text, Set<String> names) {
    List<String> tokens = IndonesianTokenizer.tokenize(text);
    if (!SentimentFeatures.hasWords(tokens)) {
      // emoji only, or marks: the English rules read emoji
      double en = english.compound(text, names);
      return new Sentiment(en, label(en, NEUTRAL_BAND));
    }
    FeatureVector v = indonesianFeatures.indonesianFeatures(text, tokens, names, vectors.get());
    Sentiment s = fromModel(indonesianModel.probabilities(v));
    release(v);
    if (engine == Engine.MODELS_WITHOUT_SERVICE_RULES) {
      return s;
    }
    // what reviews cannot teach: service complaints, and questions put to a brand
    switch (IndonesianServiceRules.read(text, tokens)) {
      case COMPLAINT -> {
        if (s.label() == Sentiment.Label.NEUTRAL) {
          return new Sentiment(
              Math.min(s.score(), IndonesianServiceRules.COMPLAINT_SCORE),
              Sentiment.Label.NEGATIVE);
        }
      }
      case QUESTION -> {
        return new Sentiment(0.0, Sentiment.Label.NEUTRAL);
      }
      case ASKS -> {
        if (s.label() == Sentiment.Label.NEGATIVE) {
          return new Sentiment(0.0, Sentiment.Label.NEUTRAL);
        }
      }
      case OTHER -> {}
    }
    return s;
  }

  private static String language(String lang) {
    if (lang == null) {
      return null;
    }
    String l = lang.trim().toLowerCase(Locale.ROOT);
    int dash = l.indexOf('-');
    if (dash < 0) {
      dash = l.indexOf('_');
    }
    if (dash > 0) {
      l = l.substring(0, dash);
    }
    if (l.equals("en")) {
      return "en";
    }
    // "in" is the code Java's Locale long used for Indonesian
    return l.equals("id") || l.equals("in") ? "id" : null;
  }

  static Sentiment.Label label(double score, double band) {
    if (score >= band) {
      return Sentiment.Label.POSITIVE;
    }
    if (score <= -band) {
      return Sentiment.Label.NEGATIVE;
    }
    return Sentiment.Label.NEUTRAL;
  }
}
