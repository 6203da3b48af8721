package dev.pantau.keywords.sentiment;

import static dev.pantau.keywords.sentiment.EnglishTokens.endsClause;
import static dev.pantau.keywords.sentiment.EnglishTokens.negated;

import java.util.Map;
import java.util.Set;

/**
 * A problem put right is not a complaint: in "@acme fixed my broken screen", "thank you for
 * resolving the billing problem" and "the outage is now resolved", the negative words name what was
 * remedied, and VADER counts them against the brand. With {@link EnglishRules.Rule#REMEDIES} the
 * scorer gives them no valence, and the remedy the valence of VADER's "solved" when it has none of
 * its own ("fixed"). A remedy that did not happen ("still haven't fixed the problem", "wasn't
 * resolved") is a complaint: its negation denies the remedy, not the problem, so the problem keeps
 * its negative valence where VADER's negation would flip it into praise.
 *
 * <p>Stateless; works on the scorer's arrays ({@code raw} tokens with their punctuation, {@code
 * lower} lower-cased and stripped, {@code sentiments} the valence of each token).
 */
final class Remedies {

  private Remedies() {}

  /**
   * Verbs that put a problem right, in the forms that take the problem as object ("fixed my
   * screen", "resolving the issue"). "sort" is left out: "sort of bad" hedges.
   */
  static final Set<String> VERBS = Resources.list("Remedies.VERBS");

  /** Participles of a passive remedy: "the outage is now resolved", "my issue got sorted". */
  static final Set<String> PARTICIPLES = Resources.list("Remedies.PARTICIPLES");

  /** Auxiliaries of a passive: "is fixed", "has been resolved", "got sorted". */
  private static final Set<String> PASSIVE = Resources.list("Remedies.PASSIVE");

  /** How many words after its verb the problem may stand ("fixed my cracked phone screen"). */
  static final int OBJECT_REACH = 4;

  /** How many words before a passive participle the problem may stand. */
  static final int SUBJECT_REACH = 5;

  /** Whether {@code lower} is a remedy verb: "thanks for fixing my broken screen" is no sarcasm. */
  static boolean isVerb(String lower) {
    return VERBS.contains(lower);
  }

  /** A problem put right is good news, rated as VADER's "solved" when the verb has no valence. */
  static final double REMEDIED = 1.1;

  /** What follows a remedy but is not its problem: "replaced with a worse one", "fixed by". */
  private static final Set<String> OBJECT_ENDS = Resources.list("Remedies.OBJECT_ENDS");

  /**
   * Zeroes the negative valences of problems put right, and keeps negative the problems of a remedy
   * denied.
   *
   * @param lexicon the valences of the words, to tell a problem VADER's negation flipped
   */
  static void apply(
      String[] raw,
      String[] lower,
      double[] sentiments,
      Map<String, Double> lexicon,
      boolean[] ruleWord) {
    int n = lower.length;
    for (int i = 0; i < n; i++) {
      if (!ruleWord[i] || !VERBS.contains(lower[i])) {
        continue;
      }
      boolean denied = negatedBefore(raw, lower, i);
      boolean remedied = false;
      // active: the problem follows in the same clause
      for (int k = i + 1;
          k < Math.min(n, i + 1 + OBJECT_REACH)
              && !endsClause(raw[k - 1])
              && !OBJECT_ENDS.contains(lower[k]);
          k++) {
        if (denied) {
          Double base = lexicon.get(lower[k]);
          if (base != null && base < 0 && sentiments[k] > 0) {
            sentiments[k] = -sentiments[k];
          }
        } else if (sentiments[k] < 0) {
          sentiments[k] = 0;
          remedied = true;
        }
      }
      if (denied) {
        continue;
      }
      if (PARTICIPLES.contains(lower[i]) && passive(lower, i)) {
        // passive: the problem stands before it, in the same clause
        for (int k = i - 1; k >= Math.max(0, i - SUBJECT_REACH) && !endsClause(raw[k]); k--) {
          if (sentiments[k] < 0) {
            sentiments[k] = 0;
            remedied = true;
          }
        }
      }
      if (remedied && sentiments[i] == 0) {
        sentiments[i] = REMEDIED;
      }
    }
  }

  /** "is fixed", "is now fixed", "has been resolved", "got sorted". */
  private static boolean passive(String[] lower, int i) {
    return (i > 0 && PASSIVE.contains(lower[i - 1])) || (i > 1 && PASSIVE.contains(lower[i - 2]));
  }

  /**
   * "didn't fix", "still haven't fixed", "hasn't been resolved", "never replaced": not put right.
   */
  private static boolean negatedBefore(String[] raw, String[] lower, int i) {
    for (int j = i - 1; j >= Math.max(0, i - 3); j--) {
      if (endsClause(raw[j])) {
        return false;
      }
      if (negated(lower[j])) {
        return true;
      }
    }
    return false;
  }
}
