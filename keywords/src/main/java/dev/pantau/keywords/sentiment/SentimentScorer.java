package dev.pantau.keywords.sentiment;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores the sentiment of a mention in English or Indonesian; other languages are {@link
 * Sentiment#UNSCORED}.
 *
 * <ul>
 *   <li>English: VADER's lexicon and rules, plus the rules brand mentions need ({@link
 *       EnglishRules#PANTAU}); the score is VADER's compound, positive from {@link
 *       #NEUTRAL_BAND}, negative from {@code -NEUTRAL_BAND}.
 *   <li>Indonesian: a logistic regression trained on SmSA ({@link SentimentTrainer}); the label is
 *       the likeliest class, the score P(positive) - P(negative). A post with no word the model
 *       knows (emoji only, or English) is scored by the English rules. Service complaints the
 *       model calls neutral are negative, and a single question to a brand is neutral ({@link
 *       IndonesianServiceRules}).
 * </ul>
 *
 * <p>Immutable and thread-safe: resources are read from the class path once, in {@link #create()}.
 * No downloads.
 */
public final class SentimentScorer {

  /** VADER's recommended threshold on the compound score. */
  public static final double NEUTRAL_BAND = 0.05;

  static final String VADER_LEXICON = "vader_lexicon.tsv";
  static final String EMOJI_LEXICON = "emoji_lexicon.tsv";
  static final String PANTAU_LEXICON = "pantau_lexicon.tsv";
  static final String REVIEW_LEXICON = "review_lexicon.tsv";
  static final String INDONESIAN_MODEL = "id_model.tsv";

  private final EnglishScorer english;
  private final LinearModel indonesian;
  private final boolean serviceRules;

  private SentimentScorer(EnglishScorer english, LinearModel indonesian, boolean serviceRules) {
    this.english = english;
    this.indonesian = indonesian;
    this.serviceRules = serviceRules;
  }

  /** The scorer with the resources shipped in this jar. */
  public static SentimentScorer create() {
    return create(true);
  }

  /** With or without {@link IndonesianServiceRules} (for the evaluation's ablation). */
  static SentimentScorer create(boolean indonesianServiceRules) {
    return new SentimentScorer(
        EnglishSupport.scorer(), LinearModel.load(INDONESIAN_MODEL), indonesianServiceRules);
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
   * matched terms, lower-case words ("united", "best", "buy"). They count for nothing, so a brand
   * whose name is an opinion word ("United" +1.8, "Best Buy") does not lend it to every mention,
   * and swapping one brand's name for another's never changes a mention's sentiment.
   */
  public Sentiment score(String text, String lang, Set<String> names) {
    java.util.Objects.requireNonNull(names, "names (empty when none)");
    String language = language(lang);
    if (language == null) {
      return Sentiment.UNSCORED;
    }
    String t = text == null ? "" : text;
    if (language.equals("en")) {
      double compound = english.compound(t, names);
      return new Sentiment(compound, label(compound, NEUTRAL_BAND));
    }
    return indonesian(t, names);
  }

  private Sentiment indonesian(String text, Set<String> names) {
    double en = english.compound(text, names);
    List<String> tokens = IndonesianTokenizer.tokenize(text);
    Map<String, Double> features =
        IndonesianFeatures.extract(text, tokens, en, IndonesianFeatures.Options.ALL, names);
    if (!indonesian.knowsAnyWord(features)) {
      return new Sentiment(en, label(en, NEUTRAL_BAND));
    }
    double[] p = indonesian.probabilities(features);
    double score = Math.max(-1.0, Math.min(1.0, p[2] - p[0]));
    Sentiment.Label label =
        p[0] >= p[1] && p[0] >= p[2]
            ? Sentiment.Label.NEGATIVE
            : p[1] >= p[2] ? Sentiment.Label.NEUTRAL : Sentiment.Label.POSITIVE;
    if (!serviceRules) {
      return new Sentiment(score, label);
    }
    // what SmSA's reviews cannot teach: service complaints, and questions put to a brand
    switch (IndonesianServiceRules.read(text, tokens)) {
      case COMPLAINT -> {
        if (label == Sentiment.Label.NEUTRAL) {
          return new Sentiment(
              Math.min(score, IndonesianServiceRules.COMPLAINT_SCORE), Sentiment.Label.NEGATIVE);
        }
      }
      case QUESTION -> {
        return new Sentiment(0.0, Sentiment.Label.NEUTRAL);
      }
      case ASKS -> {
        if (label == Sentiment.Label.NEGATIVE) {
          return new Sentiment(0.0, Sentiment.Label.NEUTRAL);
        }
      }
      case OTHER -> {}
    }
    return new Sentiment(score, label);
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
