package dev.pantau.keywords.sentiment;

/**
 * VADER's scores of one text, as its {@code polarity_scores} gives them.
 *
 * @param compound the normalised sum of valences, in [-1, 1]
 * @param positive share of the text's weight carried by positive words, in [0, 1]
 * @param negative share carried by negative words, in [0, 1]
 * @param neutral share carried by the other tokens, in [0, 1]
 * @param tokens the whitespace-separated tokens read (emoji spelt out in words)
 * @param strongestPositive the largest valence of a token after the rules, or 0
 * @param strongestNegative the smallest valence of a token after the rules, or 0
 * @param last the valence of the last token that has one, or 0
 * @param positiveWords tokens whose valence is positive after the rules
 * @param negativeWords tokens whose valence is negative after the rules
 */
record VaderScores(
    double compound,
    double positive,
    double negative,
    double neutral,
    int tokens,
    double strongestPositive,
    double strongestNegative,
    double last,
    int positiveWords,
    int negativeWords) {

  /** An empty text. */
  static final VaderScores EMPTY = new VaderScores(0.0, 0.0, 0.0, 0.0, 0);

  /** Without the per-token figures. */
  VaderScores(double compound, double positive, double negative, double neutral, int tokens) {
    this(compound, positive, negative, neutral, tokens, 0.0, 0.0, 0.0, 0, 0);
  }

  VaderScores {
    if (!(compound >= -1.0 && compound <= 1.0)) {
      throw new IllegalArgumentException("compound out of [-1, 1]: " + compound);
    }
    for (double share : new double[] {positive, negative, neutral}) {
      if (!(share >= 0.0 && share <= 1.0 + 1e-9)) {
        throw new IllegalArgumentException("share out of [0, 1]: " + share);
      }
    }
    if (tokens < 0) {
      throw new IllegalArgumentException("tokens negative: " + tokens);
    }
  }
}
