package dev.pantau.keywords.sentiment;

import java.util.Set;

/**
 * What the English rules share about tokens: where a clause or a sentence ends, which words negate,
 * and the booster and negation constants of VADER. The rule classes ({@link ComplaintSenses},
 * {@link Remedies}, {@link ServiceFailures}, {@link BrandIdioms}, {@link ImplicitComplaints}) read
 * them here, so none imports back from {@link EnglishScorer}, which calls them.
 */
final class EnglishTokens {

  private EnglishTokens() {}

  /** The booster increment of VADER. */
  static final double B_INCR = 0.293;

  /** The negation factor of VADER. */
  static final double N_SCALAR = -0.74;

  /** The negation words of VADER. */
  static final Set<String> NEGATE =
      Set.of(
          "aint",
          "arent",
          "cannot",
          "cant",
          "couldnt",
          "darent",
          "didnt",
          "doesnt",
          "ain't",
          "aren't",
          "can't",
          "couldn't",
          "daren't",
          "didn't",
          "doesn't",
          "dont",
          "hadnt",
          "hasnt",
          "havent",
          "isnt",
          "mightnt",
          "mustnt",
          "neither",
          "don't",
          "hadn't",
          "hasn't",
          "haven't",
          "isn't",
          "mightn't",
          "mustn't",
          "neednt",
          "needn't",
          "never",
          "none",
          "nope",
          "nor",
          "not",
          "nothing",
          "nowhere",
          "oughtnt",
          "shant",
          "shouldnt",
          "uhuh",
          "wasnt",
          "werent",
          "oughtn't",
          "shan't",
          "shouldn't",
          "uh-uh",
          "wasn't",
          "weren't",
          "without",
          "wont",
          "wouldnt",
          "won't",
          "wouldn't",
          "rarely",
          "seldom",
          "despite");

  /** A token that closes a clause: it ends with . ! ? , ; or :. */
  static boolean endsClause(String token) {
    char last = token.isEmpty() ? ' ' : token.charAt(token.length() - 1);
    return last == '.' || last == '!' || last == '?' || last == ',' || last == ';' || last == ':';
  }

  /** A token that closes a sentence: it ends with . ! or ?. */
  static boolean endsSentence(String token) {
    char last = token.isEmpty() ? ' ' : token.charAt(token.length() - 1);
    return last == '.' || last == '!' || last == '?';
  }

  /** A negation word, or a word with n't. */
  static boolean negated(String lower) {
    return NEGATE.contains(lower) || lower.contains("n't");
  }
}
