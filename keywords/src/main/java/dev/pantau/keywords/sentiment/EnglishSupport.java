package dev.pantau.keywords.sentiment;

/** The English scorer built from the shipped resources, for the tools of this package. */
final class EnglishSupport {
  private EnglishSupport() {}

  static EnglishScorer scorer() {
    return scorer(EnglishRules.PANTAU);
  }

  static EnglishScorer scorer(EnglishRules rules) {
    return new EnglishScorer(lexicon(), Resources.strings(SentimentScorer.EMOJI_LEXICON), rules);
  }

  /**
   * VADER's lexicon and, taking precedence, Pantau's additions: emoji and service failures ({@code
   * pantau_lexicon.tsv}) and review words ({@code review_lexicon.tsv}).
   */
  static java.util.Map<String, Double> lexicon() {
    return lexicon(true);
  }

  /** As {@link #lexicon()}, with or without the review words (for the evaluation's ablation). */
  static java.util.Map<String, Double> lexicon(boolean reviewWords) {
    java.util.Map<String, Double> lexicon =
        new java.util.HashMap<>(Resources.numbers(SentimentScorer.VADER_LEXICON));
    lexicon.putAll(Resources.numbers(SentimentScorer.PANTAU_LEXICON));
    if (reviewWords) {
      lexicon.putAll(Resources.numbers(SentimentScorer.REVIEW_LEXICON));
    }
    return java.util.Collections.unmodifiableMap(lexicon);
  }
}
