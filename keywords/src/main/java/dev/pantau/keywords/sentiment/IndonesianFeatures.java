package dev.pantau.keywords.sentiment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The features the Indonesian model reads, shared by training and scoring so both see the same:
 * words and word pairs within a sentence; a word within two of a negator as its negated form
 * ("tidak bagus" gives "!bagus"); after a contrast word the clause that follows weighs {@link
 * #AFTER_CONTRAST} and the one before {@link #BEFORE_CONTRAST}; a question mark; the English
 * lexicon's score of the text (English words and emoji inside Indonesian posts). Names of brands
 * and public figures ({@link #NAMES}) are no feature.
 */
final class IndonesianFeatures {

  static final String BIAS = "^bias";
  static final String QUESTION = "^question";
  static final String ENGLISH = "^english";

  /** How many words after a negator it negates. */
  static final int NEGATION_SCOPE = 2;

  static final double BEFORE_CONTRAST = 0.5;
  static final double AFTER_CONTRAST = 1.5;

  /**
   * Which features are on; all on is the shipped model.
   *
   * @param names when on, the names of {@link #NAMES} are dropped: a brand is not an opinion
   */
  record Options(
      boolean negation, boolean bigrams, boolean contrast, boolean english, boolean names) {
    static final Options ALL = new Options(true, true, true, true, true);
  }

  /** Brands and public figures, read as no opinion ({@code id_names.txt}). */
  static final java.util.Set<String> NAMES = names();

  private static java.util.Set<String> names() {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Resources.Row row : Resources.rows("id_names.txt")) {
      names.add(row.cells()[0].strip());
    }
    return Resources.lookupSet(names);
  }

  private IndonesianFeatures() {}

  /**
   * @param englishScore the English scorer's compound for the same text, or 0
   */
  static Map<String, Double> extract(String text, double englishScore, Options options) {
    return extract(text, IndonesianTokenizer.tokenize(text), englishScore, options);
  }

  /** As {@link #extract(String, double, Options)}, from the text's tokens already made. */
  static Map<String, Double> extract(
      String text, List<String> tokens, double englishScore, Options options) {
    return extract(text, tokens, englishScore, options, java.util.Set.of());
  }

  /**
   * As {@link #extract(String, List, double, Options)}, with the names of this mention (its
   * brands), which are no feature either.
   */
  static Map<String, Double> extract(
      String text,
      List<String> tokens,
      double englishScore,
      Options options,
      java.util.Set<String> names) {
    Map<String, Double> features = new HashMap<>(tokens.size() * 4);
    features.put(BIAS, 1.0);
    if (text.indexOf('?') >= 0) {
      features.put(QUESTION, 1.0);
    }
    if (options.english() && englishScore != 0.0) {
      features.put(ENGLISH, englishScore);
    }
    int lastContrast = -1;
    if (options.contrast()) {
      for (int i = 0; i < tokens.size(); i++) {
        if (IndonesianTokenizer.CONTRASTS.contains(tokens.get(i))) {
          lastContrast = i;
        }
      }
    }
    int negatedUntil = -1;
    String previous = null;
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (t.equals(IndonesianTokenizer.BOUNDARY)) {
        negatedUntil = -1;
        previous = null;
        continue;
      }
      if ((options.names() && NAMES.contains(t)) || names.contains(t)) {
        previous = null; // a name is no feature, and pairs do not reach across it
        continue;
      }
      double weight =
          lastContrast < 0
              ? 1.0
              : i < lastContrast ? BEFORE_CONTRAST : i > lastContrast ? AFTER_CONTRAST : 1.0;
      boolean negator = IndonesianTokenizer.NEGATORS.contains(t);
      String unigram = options.negation() && i <= negatedUntil && !negator ? "!" + t : t;
      put(features, unigram, weight);
      if (options.bigrams() && previous != null) {
        put(features, previous + " " + t, weight);
      }
      if (IndonesianTokenizer.CONTRASTS.contains(t)) {
        negatedUntil = -1;
      }
      if (negator) {
        negatedUntil = i + NEGATION_SCOPE;
      }
      previous = t;
    }
    return features;
  }

  private static void put(Map<String, Double> features, String key, double weight) {
    Double old = features.get(key);
    if (old == null || old < weight) {
      features.put(key, weight);
    }
  }
}
