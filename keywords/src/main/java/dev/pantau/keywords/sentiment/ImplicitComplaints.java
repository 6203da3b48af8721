package dev.pantau.keywords.sentiment;

import java.util.Set;

/**
 * Complaints with no opinion word ({@link EnglishRules.Rule#IMPLICIT_COMPLAINTS}): a mention with
 * no opinion word at all that reproaches ("why haven't you upgraded?", "why must you…"), says
 * something is not enough ("not enough staff"), or says something goes on or comes back ("still",
 * "again", "twice", "every time", "3 times", "after 2 months", "since the update"), or falls short
 * ("lasts only a few hours", "only one person working"; not "only 8 bucks") is complaining: "@acme
 * charged me twice", "bike screen went black after 2 months", "Why do people still use facsimile
 * machines?". The first such marker is rated {@link #PERSISTENT}, mildly negative. A mention with
 * any opinion word is left to it ("still love it"), and a repetition the writer chooses is loyalty,
 * not a complaint: "Will order from them again!", "would come back again", "watching them over and
 * over again".
 *
 * <p>Stateless; works on the scorer's arrays.
 */
final class ImplicitComplaints {

  private ImplicitComplaints() {}

  /** Rated as Pantau's mildest service-failure word, "slow". */
  static final double PERSISTENT = -1.0;

  /** Markers on their own. */
  static final Set<String> MARKERS = Resources.list("ImplicitComplaints.MARKERS");

  /** Units of "after 2 months", "for 3 weeks", "3 times". */
  static final Set<String> UNITS = Resources.list("ImplicitComplaints.UNITS");

  private static final Set<String> NUMBERS = Resources.list("ImplicitComplaints.NUMBERS");

  static void apply(String[] raw, String[] lower, boolean[] question, double[] sentiments) {
    for (double v : sentiments) {
      if (v != 0) {
        return;
      }
    }
    int n = lower.length;
    for (int i = 0; i < n; i++) {
      if (marker(lower, i) && !discourse(raw, i) && !chosen(raw, lower, i)) {
        sentiments[i] = PERSISTENT;
        return;
      }
    }
  }

  /**
   * Words of a writer's will: repetition chosen ("will order again", "would come back") is loyalty.
   */
  static final Set<String> VOLITION = Resources.list("ImplicitComplaints.VOLITION");

  /** Who comes back of their own will: "come back", "be back", "go back to". */
  private static final Set<String> RETURNING = Resources.list("ImplicitComplaints.RETURNING");

  /** A repetition the writer chooses, said in its clause: "Will be back again!". */
  private static boolean chosen(String[] raw, String[] lower, int i) {
    int start = i;
    while (start > 0 && !EnglishTokens.endsClause(raw[start - 1])) {
      start--;
    }
    for (int k = start; k < lower.length; k++) {
      if (VOLITION.contains(lower[k])
          || (lower[k].equals("back") && k > 0 && RETURNING.contains(lower[k - 1]))) {
        return true;
      }
      if (k >= i && EnglishTokens.endsClause(raw[k])) {
        break;
      }
    }
    return false;
  }

  /**
   * "Still, it was the sets…": "still" opening a clause before a comma concedes, it does not
   * persist.
   */
  private static boolean discourse(String[] raw, int i) {
    return raw[i].endsWith(",") && (i == 0 || EnglishTokens.endsClause(raw[i - 1]));
  }

  private static boolean marker(String[] lower, int i) {
    String w = lower[i];
    if (MARKERS.contains(w)) {
      return true;
    }
    int n = lower.length;
    String next = i + 1 < n ? lower[i + 1] : "";
    if (w.equals("only") && shortfall(lower, i)) {
      return true; // "lasts only a few hours", "only one person working"
    }
    if (w.equals("why")
        && (next.equals("must") || EnglishTokens.negated(next))
        && !(next.equals("don't") || next.equals("dont"))) {
      return true; // "why haven't you…", "why can't I…", "why must you…"; "why don't you" suggests
    }
    if (w.equals("enough") && (negatedBefore(lower, i, 1) || negatedBefore(lower, i, 2))) {
      return true; // "not enough staff", "isn't enough", "don't have enough time"
    }
    if (w.equals("every") && next.equals("time")) {
      return true;
    }
    if (next.equals("times") && count(w)) {
      return true; // "3 times", "several times"
    }
    if (w.equals("after") && i + 2 < n && count(next) && UNITS.contains(lower[i + 2])) {
      return true; // "after 2 months" ("for 3 years" is a duration, not a relapse)
    }
    return w.equals("since")
        && (next.equals("the") || next.equals("updating") || next.equals("update"))
        && (next.startsWith("updat") || (i + 2 < n && lower[i + 2].startsWith("updat")));
  }

  /** What "only" may count: "only a few hours", "only one", "only 2 days". */
  private static final Set<String> FEW = Resources.list("ImplicitComplaints.FEW");

  /** Money after "only": "only 8 bucks", "only $5" is a bargain, not a shortfall. */
  private static final Set<String> MONEY = Resources.list("ImplicitComplaints.MONEY");

  /** "only" then, within two words, a count, and no money within three. */
  private static boolean shortfall(String[] lower, int i) {
    int n = lower.length;
    boolean counted = false;
    for (int k = i + 1; k < Math.min(n, i + 3); k++) {
      counted |= count(lower[k]) || FEW.contains(lower[k]);
    }
    for (int k = i + 1; k < Math.min(n, i + 4); k++) {
      if (MONEY.contains(lower[k]) || lower[k].startsWith("$") || lower[k].startsWith("€")) {
        return false;
      }
    }
    return counted;
  }

  private static boolean negatedBefore(String[] lower, int i, int back) {
    return i - back >= 0 && EnglishTokens.negated(lower[i - back]);
  }

  private static boolean count(String w) {
    return NUMBERS.contains(w) || (!w.isEmpty() && Character.isDigit(w.charAt(0)));
  }
}
