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
  static final Set<String> NEGATE = Resources.list("EnglishTokens.NEGATE");

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
