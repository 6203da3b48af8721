package dev.pantau.keywords.sentiment;

import static dev.pantau.keywords.sentiment.EnglishTokens.B_INCR;
import static dev.pantau.keywords.sentiment.EnglishTokens.N_SCALAR;
import static dev.pantau.keywords.sentiment.EnglishTokens.endsClause;
import static dev.pantau.keywords.sentiment.EnglishTokens.negated;

import dev.pantau.keywords.sentiment.EnglishRules.Rule;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Complaints VADER reads as praise, found in product and service reviews: adverbs of certainty
 * ("definitely not worth it"), warnings and refusals ("don't waste your money", "never again"),
 * standards not met ("fair at best", "I've had better", "was supposed to arrive") and failures of
 * service ("doesn't work", "the app is down", {@link ServiceFailures}). Each is a switch of {@link
 * EnglishRules}; {@link EnglishScorer} applies them to the valences of a text after VADER's own
 * rules.
 *
 * <p>Works on the scorer's arrays: {@code raw} tokens (with their punctuation), {@code lower}
 * (lower-cased, punctuation stripped), {@code question} (in a question clause) and {@code
 * sentiments} (the valence of each token). Immutable and thread-safe.
 */
final class ComplaintSenses {

  private final EnglishRules rules;

  /** The rules switched on, by ordinal: looked up per token, faster than the set. */
  private final boolean[] on;

  private boolean on(Rule rule) {
    return on[rule.ordinal()];
  }

  ComplaintSenses(EnglishRules rules) {
    this.rules = rules;
    this.on = new boolean[Rule.values().length];
    for (Rule r : rules.on()) {
      on[r.ordinal()] = true;
    }
  }

  /** Adverbs of how sure the writer is ("definitely not worth it"), not of how good a thing is. */
  static final Set<String> CERTAINTY_ADVERBS = Resources.list("ComplaintSenses.CERTAINTY_ADVERBS");

  /** What a warning tells a buyer to keep: "save your money", "don't waste your time". */
  static final Set<String> SPENDINGS = Resources.list("ComplaintSenses.SPENDINGS");

  /** "stay away", "steer clear", "look elsewhere", "keep away": warnings, rated as "avoid". */
  static final Map<String, String> WARNINGS =
      Resources.lookupMap(
          Map.of("stay", "away", "keep", "away", "steer", "clear", "look", "elsewhere"));

  /** What a warning tells a buyer not to do: "don't buy", "do not order". */
  static final Set<String> PURCHASES = Resources.list("ComplaintSenses.PURCHASES");

  /** "your" as typed: "don't waste ur money". */
  static final Set<String> YOUR = Resources.list("ComplaintSenses.YOUR");

  /** Words that may open an order before its "don't": "just don't", "otherwise, don't". */
  static final Set<String> ORDER_OPENERS = Resources.list("ComplaintSenses.ORDER_OPENERS");

  /** The perfect of "I've had better", "we have had better". */
  static final Set<String> PERFECT = Resources.list("ComplaintSenses.PERFECT");

  /** Subjects of a reference clause: "as I had hoped", "than we expected", "than expected". */
  static final Set<String> REFERENCE_SUBJECTS =
      Resources.list("ComplaintSenses.REFERENCE_SUBJECTS");

  /** VADER's rating of "avoid", given to the warnings that mean it. */
  static final double AVOID = -1.2;

  /** Verbs after which "better" is a standard not met: "I've had better", "we expected better". */
  static final Set<String> STANDARD_VERBS = Resources.list("ComplaintSenses.STANDARD_VERBS");

  /** "better than it was", "than this used to be": a thing against its past self. */
  static final Set<String> PAST_SELF = Resources.list("ComplaintSenses.PAST_SELF");

  /** Words of the reference in "as good as I had hoped", "than we expected". */
  static final Set<String> REFERENCE_VERBS = Resources.list("ComplaintSenses.REFERENCE_VERBS");

  /** What "better than …" compares the subject of a review against. */
  static final Set<String> DEMONSTRATIVES = Resources.list("ComplaintSenses.DEMONSTRATIVES");

  /**
   * Applies the senses switched on in the rules to the valences of one text, in place. Senses of
   * complaint that VADER reads as praise: adverbs of certainty ({@link
   * EnglishRules.Rule#CERTAINTY_ADVERBS}), warnings to other buyers and refusals to come back
   * ({@link EnglishRules.Rule#ADVICE_IDIOMS}), standards not met ({@link
   * EnglishRules.Rule#EXPECTATIONS}) and functions not performed ({@link
   * EnglishRules.Rule#FAILURES}).
   */
  void apply(
      String[] raw, String[] lower, boolean[] question, double[] sentiments, boolean[] ruleWord) {
    int n = lower.length;
    for (int i = 0; i < n; i++) {
      String w = lower[i];
      if (!ruleWord[i] || !TRIGGERS.contains(w)) {
        continue;
      }
      if (on(Rule.CERTAINTY_ADVERBS)
          && CERTAINTY_ADVERBS.contains(w)
          && (negationFollows(raw, lower, i) | boostNextOpinion(raw, lower, sentiments, i))) {
        sentiments[i] = 0;
      }
      if (on(Rule.ADVICE_IDIOMS)) {
        adviceIdiom(raw, lower, sentiments, i);
      }
      if (on(Rule.EXPECTATIONS)) {
        expectation(raw, lower, question, sentiments, i);
      }
      if (on(Rule.FAILURES)) {
        ServiceFailures.apply(raw, lower, sentiments, i);
      }
    }
  }

  /**
   * Boosts the first opinion word within three words after {@code i} in the same clause, and says
   * whether there was one: "definitely not worth it", "honestly the worst"; alone ("Definitely!")
   * the adverb agrees, and keeps its own valence.
   */
  private static boolean boostNextOpinion(
      String[] raw, String[] lower, double[] sentiments, int i) {
    for (int j = i + 1; j < Math.min(lower.length, i + 4) && !endsClause(raw[j - 1]); j++) {
      if (sentiments[j] != 0) {
        sentiments[j] += Math.signum(sentiments[j]) * B_INCR;
        return true;
      }
    }
    return false;
  }

  /** "definitely would not", "certainly don't": sure of a negation, which is no praise. */
  private static boolean negationFollows(String[] raw, String[] lower, int i) {
    for (int j = i + 1; j < Math.min(lower.length, i + 4) && !endsClause(raw[j - 1]); j++) {
      if (negated(lower[j])) {
        return true;
      }
    }
    return false;
  }

  /** Verbs of coming back: "won't be back", "never going back". */
  static final Set<String> RETURNS = Resources.list("ComplaintSenses.RETURNS");

  /**
   * A refusal to come back: "never again", "won't be back", "will not eat here again". True for
   * "again", or "back" after a verb of coming, with a negation earlier in the clause (not "can't
   * wait to go back").
   */
  private static boolean refusal(String[] raw, String[] lower, int i) {
    String w = lower[i];
    if (!(w.equals("again") || (w.equals("back") && i > 0 && RETURNS.contains(lower[i - 1])))) {
      return false;
    }
    for (int j = i - 1; j >= Math.max(0, i - 6) && !endsClause(raw[j]); j--) {
      if (negated(lower[j])) {
        return !(j + 1 < lower.length && lower[j + 1].equals("wait"));
      }
    }
    return false;
  }

  private void adviceIdiom(String[] raw, String[] lower, double[] sentiments, int i) {
    int n = lower.length;
    String w = lower[i];
    boolean clauseEnd = i + 1 >= n || endsClause(raw[i]);
    if ((w.equals("waste") || w.equals("bother"))
        && imperativeNegation(raw, lower, i)
        && (w.equals("bother") || (i + 2 < n && YOUR.contains(lower[i + 1])))) {
      // "don't waste your money", "don't bother": the negation warns, it does not praise
      sentiments[i] = -Math.abs(sentiments[i]);
    } else if (w.equals("save")
        && i + 2 < n
        && YOUR.contains(lower[i + 1])
        && SPENDINGS.contains(lower[i + 2])
        && (i + 3 == n || endsClause(raw[i + 2]) || lower[i + 3].equals("and"))) {
      // "Save your money." / "save your money and go elsewhere" (not "save your money on fuel")
      sentiments[i] = N_SCALAR * Math.abs(sentiments[i]);
    } else if (!clauseEnd && WARNINGS.containsKey(w) && WARNINGS.get(w).equals(lower[i + 1])) {
      sentiments[i] = 0;
      sentiments[i + 1] = AVOID;
    } else if (refusal(raw, lower, i)) {
      sentiments[i] = AVOID;
    } else if (PURCHASES.contains(w) && imperativeNegation(raw, lower, i)) {
      // "Don't buy this product", "do not order from here"
      sentiments[i] = AVOID;
    } else if (sentiments[i] == 0 && sendingBack(lower, i)) {
      sentiments[i] = AVOID;
    } else if (w.equals("joke") && derision(lower, i)) {
      // "customer service is a joke", "what a joke"
      sentiments[i] = -Math.abs(sentiments[i]);
    }
  }

  /** Copulas and "what" before "a joke": "is a joke", "was a total joke", "what a joke". */
  static final Set<String> DERIDING = Resources.list("ComplaintSenses.DERIDING");

  /**
   * Words that may stand in "is a … joke": "a total joke", "a complete joke", "an absolute joke".
   */
  static final Set<String> JOKE_FILLERS = Resources.list("ComplaintSenses.JOKE_FILLERS");

  private static boolean derision(String[] lower, int i) {
    int j = i - 1;
    while (j >= 0 && JOKE_FILLERS.contains(lower[j])) {
      j--;
    }
    return j < i - 1 && j >= 0 && DERIDING.contains(lower[j]);
  }

  /** Verbs of sending a purchase back: "sending it back", "took them back". */
  static final Set<String> SENDS = Resources.list("ComplaintSenses.SENDS");

  /** Forms of "return" that send a purchase back: "returned it", "returning this phone". */
  static final Set<String> RETURN_VERBS = Resources.list("ComplaintSenses.RETURN_VERBS");

  /** What is sent back: "it", "them", "this (phone)". */
  static final Set<String> PURCHASED = Resources.list("ComplaintSenses.PURCHASED");

  /**
   * A purchase sent back, or money asked back: "Sending it back.", "I returned it", "I want my
   * money back" (not "money back guarantee", nor "returned home").
   */
  private static boolean sendingBack(String[] lower, int i) {
    int n = lower.length;
    String w = lower[i];
    if (w.equals("back") && i > 0) {
      if (lower[i - 1].equals("money")) {
        return i + 1 >= n || !lower[i + 1].startsWith("guarantee");
      }
      return i > 1 && PURCHASED.contains(lower[i - 1]) && SENDS.contains(lower[i - 2]);
    }
    return RETURN_VERBS.contains(w) && i + 1 < n && PURCHASED.contains(lower[i + 1]);
  }

  /** "don't", "do not", "never" opening a clause: an order, not a statement about oneself. */
  private static boolean imperativeNegation(String[] raw, String[] lower, int i) {
    for (int j = i - 1; j >= Math.max(0, i - 3) && !endsClause(raw[j]); j--) {
      String l = lower[j];
      int opener = -1;
      if (l.equals("don't") || l.equals("dont") || l.equals("never")) {
        opener = j;
      } else if (l.equals("not") && j > 0 && lower[j - 1].equals("do")) {
        opener = j - 1;
      }
      if (opener >= 0) {
        return opener == 0
            || endsClause(raw[opener - 1])
            || ORDER_OPENERS.contains(lower[opener - 1]);
      }
    }
    return false;
  }

  /** An expectation not met, rated as VADER's "unfulfilled". */
  static final double UNFULFILLED = -1.8;

  private void expectation(
      String[] raw, String[] lower, boolean[] question, double[] sentiments, int i) {
    int n = lower.length;
    String w = lower[i];
    if (w.equals("supposed")
        && i > 0
        && (lower[i - 1].equals("was") || lower[i - 1].equals("were"))
        && i + 2 < n
        && lower[i + 1].equals("to")
        && !question[i]) {
      // "my order was supposed to arrive Monday": what was promised did not happen
      sentiments[i] = UNFULFILLED;
      return;
    }
    if (w.equals("at") && i + 1 < n && lower[i + 1].equals("best") && !endsClause(raw[i])) {
      // "mediocre at best", "fair at best": the grade is a ceiling, and "best" is not praise
      sentiments[i + 1] = 0;
      for (int j = i - 1; j >= Math.max(0, i - 3) && !endsClause(raw[j]); j--) {
        if (sentiments[j] > 0) {
          sentiments[j] *= N_SCALAR;
          break;
        } else if (sentiments[j] < 0) {
          break;
        }
      }
    } else if (w.equals("than")
        && i + 1 < n
        && DEMONSTRATIVES.contains(lower[i + 1])
        && (i + 2 == n || !PAST_SELF.contains(lower[i + 2]))
        && i > 0
        && !endsClause(raw[i - 1])) {
      // "sounds better than these", "more intelligent than this movie": the other one is praised
      // ("better than it was" compares the thing with its past self, and keeps its praise)
      for (int j = i - 1; j >= Math.max(0, i - 4) && !endsClause(raw[j]); j--) {
        if (sentiments[j] != 0) {
          if (!question[j] && comparative(lower, j)) {
            sentiments[j] *= N_SCALAR;
          }
          break;
        }
      }
    } else if (w.equals("better") && i > 0 && sentiments[i] > 0 && standardNotMet(lower, i)) {
      // "I've had better", "we expected better", "you deserve better"
      sentiments[i] *= N_SCALAR;
    } else if ((w.equals("hoping") || w.equals("hoped"))
        && i + 2 < n
        && lower[i + 1].equals("for")
        && (lower[i + 2].equals("more") || lower[i + 2].equals("better"))) {
      // "I was hoping for more"
      sentiments[i] *= N_SCALAR;
      sentiments[i + 2] = 0;
    } else if (REFERENCE_VERBS.contains(w) && referenceClause(lower, i)) {
      // "not as good as I had hoped": the hope is the standard, not the opinion
      sentiments[i] = 0;
    }
  }

  /** "better", "worse", or an opinion word after "more": a comparison ("no real reason" is not). */
  private static boolean comparative(String[] lower, int j) {
    return lower[j].equals("better")
        || lower[j].equals("worse")
        || (j > 0 && lower[j - 1].equals("more"));
  }

  private static boolean standardNotMet(String[] lower, int i) {
    String before = lower[i - 1];
    if (STANDARD_VERBS.contains(before)) {
      return true;
    }
    return before.equals("had") && i > 1 && PERFECT.contains(lower[i - 2]);
  }

  /** "as I had hoped", "than we expected": a reference verb after "as"/"than" and a subject. */
  private static boolean referenceClause(String[] lower, int i) {
    for (int j = i - 1; j >= Math.max(0, i - 4); j--) {
      if (lower[j].equals("as") || lower[j].equals("than")) {
        return j + 1 < i && REFERENCE_SUBJECTS.contains(lower[j + 1]);
      }
    }
    return false;
  }

  /** The words a sense can start at; every other token is skipped at one lookup. */
  static final Set<String> TRIGGERS = triggers();

  private static Set<String> triggers() {
    Set<String> t = new HashSet<>();
    t.addAll(CERTAINTY_ADVERBS);
    t.addAll(
        List.of(
            "waste", "bother", "save", "again", "back", "at", "than", "better", "hoping", "hoped"));
    t.addAll(WARNINGS.keySet());
    t.addAll(PURCHASES);
    t.addAll(RETURN_VERBS);
    t.addAll(List.of("joke", "supposed"));
    t.addAll(REFERENCE_VERBS);
    t.addAll(ServiceFailures.TRIGGERS);
    return Resources.lookupSet(t);
  }
}
