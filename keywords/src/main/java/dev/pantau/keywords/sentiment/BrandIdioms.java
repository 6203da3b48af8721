package dev.pantau.keywords.sentiment;

import static dev.pantau.keywords.sentiment.EnglishTokens.endsClause;
import static dev.pantau.keywords.sentiment.EnglishTokens.endsSentence;

import java.util.Set;

/**
 * Idioms of customers that VADER's word-by-word reading gets wrong, applied with {@link
 * EnglishRules.Rule#IDIOMS}:
 *
 * <ul>
 *   <li>eagerness: "can't wait to try the new menu!" (VADER: 0), rated as VADER's "eager";
 *   <li>"you had one job", rated as VADER's "incompetent";
 *   <li>sarcastic relish: "love a good 2 hour delay", "nothing like a good outage": the praise
 *       turns negative when the thing relished is;
 *   <li>"just what I needed" beside a complaint ("another cancelled flight, just what I needed"),
 *       rated as VADER's "lame";
 *   <li>"love how" a bad thing happens: "Love how @acme cancels my flight";
 *   <li>"you guys rock", rated as VADER's "cool"; "went above and beyond" as "outstanding"; slang
 *       "… is fire" as "awesome"; "hung up on me" as "rude";
 *   <li>"great timing" beside a complaint is sarcasm; "out of control" is rated as
 *       "uncontrollable"; "give 'em hell" cheers, rated as "encourage".
 * </ul>
 *
 * <p>Stateless; works on the scorer's arrays ({@code raw} tokens with their punctuation, {@code
 * lower} lower-cased and stripped, {@code sentiments} the valence of each token).
 */
final class BrandIdioms {

  private BrandIdioms() {}

  /** VADER's "eager". */
  static final double EAGER = 1.5;

  /** VADER's "incompetent". */
  static final double INCOMPETENT = -2.1;

  /** VADER's "lame". */
  static final double LAME = -1.8;

  private static final Set<String> CANNOT = Resources.list("BrandIdioms.CANNOT");

  /** Who relishes in "love a good delay", "nothing like a good outage", "gotta love a good…". */
  private static final Set<String> RELISH = Resources.list("BrandIdioms.RELISH");

  /** What was needed in "just what I needed", "exactly what we wanted". */
  private static final Set<String> NEEDED = Resources.list("BrandIdioms.NEEDED");

  /** How far after "a good" the thing relished may stand: "a good last minute emergency". */
  static final int RELISHED_REACH = 4;

  /** The words an idiom turns on; every other token is skipped at one lookup. */
  static final Set<String> TRIGGERS = Resources.list("BrandIdioms.TRIGGERS");

  static void apply(String[] raw, String[] lower, double[] sentiments, boolean[] ruleWord) {
    int n = lower.length;
    // whether the text complains, as it stood before these idioms
    boolean negative = hasNegative(sentiments);
    for (int i = 1; i < n; i++) {
      String w = lower[i];
      if (!ruleWord[i] || !TRIGGERS.contains(w)) {
        continue;
      }
      if (w.equals("wait") && CANNOT.contains(lower[i - 1]) && sentiments[i] == 0) {
        sentiments[i] = EAGER;
      } else if (w.equals("job")
          && i >= 3
          && lower[i - 1].equals("one")
          && lower[i - 2].equals("had")
          && (lower[i - 3].equals("you") || lower[i - 3].equals("u"))) {
        sentiments[i] = INCOMPETENT;
      } else if (w.equals("good")
          && i >= 2
          && lower[i - 1].equals("a")
          && RELISH.contains(lower[i - 2])
          && !endsClause(raw[i - 1])) {
        relish(raw, sentiments, i);
      } else if (negative && NEEDED.contains(w) && neededIdiom(raw, lower, i)) {
        sentiments[i] = LAME;
      } else if (w.equals("rock") && ROCKERS.contains(lower[i - 1]) && sentiments[i] == 0) {
        sentiments[i] = ROCK;
      } else if (negative
          && w.equals("how")
          && RELISH.contains(lower[i - 1])
          && sentiments[i - 1] > 0) {
        loveHow(raw, sentiments, i);
      } else if (w.equals("hell")
          && i >= 2
          && THEM.contains(lower[i - 1])
          && lower[i - 2].equals("give")) {
        sentiments[i] = ENCOURAGE; // "give 'em hell!": cheering, not damnation
      } else if (w.equals("control")
          && i >= 2
          && lower[i - 1].equals("of")
          && lower[i - 2].equals("out")) {
        sentiments[i] = UNCONTROLLABLE; // "prices are out of control"
      } else if (w.equals("beyond")
          && i >= 2
          && lower[i - 1].equals("and")
          && lower[i - 2].equals("above")) {
        sentiments[i] = OUTSTANDING;
      } else if (w.equals("up")
          && HUNG.contains(lower[i - 1])
          && i + 1 < n
          && lower[i + 1].equals("on")) {
        sentiments[i] = RUDE;
      } else if (w.equals("fire") && COPULAS.contains(lower[i - 1]) && !endsClause(raw[i - 1])) {
        // "the new nuggets are fire": slang praise; "on fire", "fire alarm" are not after a copula
        sentiments[i] = AWESOME;
      } else if (negative
          && w.equals("timing")
          && sentiments[i - 1] > 0
          && !endsClause(raw[i - 1])) {
        // "servers down during the tournament, great timing"
        sentiments[i - 1] = -sentiments[i - 1];
      }
    }
  }

  private static boolean hasNegative(double[] sentiments) {
    for (double v : sentiments) {
      if (v < 0) {
        return true;
      }
    }
    return false;
  }

  /** VADER's "encourage": "give 'em hell". */
  static final double ENCOURAGE = 2.3;

  private static final Set<String> THEM = Resources.list("BrandIdioms.THEM");

  /** VADER's "uncontrollable": "out of control". */
  static final double UNCONTROLLABLE = -1.5;

  /** VADER's "outstanding": "went above and beyond". */
  static final double OUTSTANDING = 3.0;

  /** VADER's "rude": "customer service hung up on me". */
  static final double RUDE = -2.0;

  /** VADER's "awesome": "the new nuggets are fire". */
  static final double AWESOME = 3.1;

  private static final Set<String> HUNG = Resources.list("BrandIdioms.HUNG");

  private static final Set<String> COPULAS = Resources.list("BrandIdioms.COPULAS");

  /** Who rocks in "you rock", "you guys rock". */
  private static final Set<String> ROCKERS = Resources.list("BrandIdioms.ROCKERS");

  /** "you guys rock", rated as VADER's "cool". */
  static final double ROCK = 1.3;

  /**
   * "Love how @acme cancels my flight and offers me a voucher": praise of how a bad thing happens
   * is sarcasm, when the bad thing is in the same sentence.
   */
  private static void loveHow(String[] raw, double[] sentiments, int how) {
    for (int k = how; k < raw.length; k++) {
      if (sentiments[k] < 0) {
        sentiments[how - 1] = -sentiments[how - 1];
        return;
      }
      if (endsSentence(raw[k])) {
        return;
      }
    }
  }

  /** "love a good 2 hour delay": the praise of a bad thing is sarcasm. */
  private static void relish(String[] raw, double[] sentiments, int good) {
    for (int k = good + 1;
        k < Math.min(raw.length, good + 1 + RELISHED_REACH) && !endsClause(raw[k - 1]);
        k++) {
      if (sentiments[k] < 0) {
        sentiments[good] = -Math.abs(sentiments[good]);
        sentiments[good - 2] = -Math.abs(sentiments[good - 2]);
        return;
      }
      if (sentiments[k] > 0) {
        return;
      }
    }
  }

  /** "just what I needed", "exactly what we wanted", opening its clause or closing the text. */
  private static boolean neededIdiom(String[] raw, String[] lower, int i) {
    if (i < 3 || !lower[i - 2].equals("what")) {
      return false;
    }
    String opener = lower[i - 3];
    if (!opener.equals("just") && !opener.equals("exactly")) {
      return false;
    }
    String subject = lower[i - 1];
    return (subject.equals("i") || subject.equals("we"))
        && (i == raw.length - 1 || endsSentence(raw[i]) || endsClause(raw[i]));
  }
}
