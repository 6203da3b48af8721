package dev.pantau.keywords.sentiment;

import static dev.pantau.keywords.sentiment.EnglishTokens.endsClause;
import static dev.pantau.keywords.sentiment.EnglishTokens.negated;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Failures of service, the commonest brand complaints, which VADER scores 0 for want of the verbs
 * ({@link EnglishRules.Rule#FAILURES}): a function not performed ("doesn't work", "hasn't arrived",
 * "stopped working", "never received my refund", "they never fixed the bug"), an access refused
 * ("can't log in"), an outage ("the app is down again"), lateness ("40 minutes late"), a failure
 * that recurs ("keeps dropping"), things that fell apart, a customer kept waiting ("45 minutes on
 * hold", "still waiting for my refund") and a price raised ("another price increase").
 *
 * <p>Stateless; works on the scorer's arrays ({@code raw} tokens with their punctuation, {@code
 * lower} lower-cased and stripped, {@code sentiments} the valence of each token).
 */
final class ServiceFailures {

  private ServiceFailures() {}

  /** Rates token {@code i} as a malfunction or a price rise when it is one. */
  static void apply(String[] raw, String[] lower, double[] sentiments, int i) {
    if (inability(raw, lower, i)) {
      // "can't cancel my subscription": VADER's negation would make "cancel" praise
      sentiments[i] = MALFUNCTION;
    } else if (sentiments[i] == 0
        && (failure(raw, lower, i)
            || kept(raw, lower, i)
            || outage(raw, lower, i)
            || late(raw, lower, i)
            || recurring(raw, lower, i)
            || fellApart(lower, i)
            || wentDead(lower, i)
            || notCalledBack(raw, lower, i)
            || longWait(lower, i)
            || tookLong(raw, lower, i))) {
      sentiments[i] = MALFUNCTION;
    }
    if (RISES.contains(lower[i]) && priceRise(raw, lower, i)) {
      // "the membership fee went up again", "another price increase" (VADER: "increase" +1.3)
      sentiments[i] = PRICE_RISE;
    }
  }

  /** What a product or a service is expected to do, in the forms a complaint uses. */
  static final Set<String> FUNCTIONS = Resources.list("ServiceFailures.FUNCTIONS");

  /**
   * What a customer is owed, a delivery or a remedy: "never received my order", "still haven't
   * received a refund", "they never fixed the bug", "didn't refund me". Negated, these are failures
   * whoever the subject is, the writer included. ("get" and "got" are not: "I didn't get my license
   * until I moved", "doesn't get the recognition he deserves".)
   */
  static final Set<String> RECEIPTS = Resources.list("ServiceFailures.RECEIPTS");

  /** Words that may stand between a negation and the verb: "doesn't even work", "not always". */
  static final Set<String> FAILURE_FILLERS = Resources.list("ServiceFailures.FAILURE_FILLERS");

  /** Verbs of giving up: "stopped working", "quit charging". */
  static final Set<String> STOPS = Resources.list("ServiceFailures.STOPS");

  /** Subjects of "I don't work Fridays": the writer's own doing, not a product's failure. */
  static final Set<String> PERSONS = Resources.list("ServiceFailures.PERSONS");

  /** A malfunction, rated as Pantau's "malfunction". */
  static final double MALFUNCTION = -1.7;

  /**
   * A function not performed: a verb of {@link #FUNCTIONS} negated right before it ("doesn't work",
   * "still hasn't arrived", "won't even load") or after a verb of giving up ("stopped working"),
   * unless the writer is its subject ("I don't work Fridays") or it is an infinitive ("don't have
   * to work").
   */
  private static boolean failure(String[] raw, String[] lower, int i) {
    boolean receipt = RECEIPTS.contains(lower[i]);
    if (!(receipt || FUNCTIONS.contains(lower[i])) || i == 0) {
      return false;
    }
    int j = i - 1;
    while (j >= 0 && FAILURE_FILLERS.contains(lower[j]) && !endsClause(raw[j])) {
      j--;
    }
    if (j < 0 || endsClause(raw[j])) {
      return false;
    }
    if (STOPS.contains(lower[j])) {
      return !receipt;
    }
    if (!negated(lower[j]) || lower[j].equals("to")) {
      return false;
    }
    if (receipt) {
      // "never received my order", "haven't received a refund"
      return true;
    }
    int subject = j - 1;
    if (subject >= 0 && !endsClause(raw[subject]) && lower[subject].equals("do")) {
      subject--;
    }
    return subject < 0 || endsClause(raw[subject]) || !PERSONS.contains(lower[subject]);
  }

  /**
   * What a customer tries to do with a service: "can't log in", "I can't cancel my subscription",
   * "couldn't check out". Said with "can't" or "cannot", these are failures whoever the subject is:
   * the writer is the one shut out ("I can't wait" is not among them).
   */
  static final Set<String> ACCESS = Resources.list("ServiceFailures.ACCESS");

  /** Negations of ability: "can't", "cannot", "couldn't" ("can not" and "unable to" too). */
  static final Set<String> UNABLE = Resources.list("ServiceFailures.UNABLE");

  /** "can't log in", "I still cannot access my account", "unable to check out". */
  private static boolean inability(String[] raw, String[] lower, int i) {
    if (!ACCESS.contains(lower[i]) || i < 2) {
      return false;
    }
    if (lower[i - 1].equals("to") && lower[i - 2].equals("unable")) {
      return !endsClause(raw[i - 2]);
    }
    int j = i - 1;
    while (j >= 0 && FAILURE_FILLERS.contains(lower[j]) && !endsClause(raw[j])) {
      j--;
    }
    if (j < 0 || endsClause(raw[j])) {
      return false;
    }
    return UNABLE.contains(lower[j])
        || (lower[j].equals("not") && j > 0 && lower[j - 1].equals("can"));
  }

  /** Copulas and verbs before "down" that say a service is out: "is down", "went down again". */
  static final Set<String> DOWN_VERBS = Resources.list("ServiceFailures.DOWN_VERBS");

  /** Who can be "down" without an outage: "I'm down for it" agrees, "we're down" too. */
  static final Set<String> WILLING = Resources.list("ServiceFailures.WILLING");

  /** Words that make an outage a doubt or a condition: "if the app is down", "whether". */
  static final Set<String> UNCERTAIN = Resources.list("ServiceFailures.UNCERTAIN");

  /** Pronouns for a service in "is it down?". */
  static final Set<String> SERVICE_PRONOUNS = Resources.list("ServiceFailures.SERVICE_PRONOUNS");

  /** What may follow an outage's "down": "down again", "down since 9am", "down for 3 hours". */
  static final Set<String> AFTER_DOWN = Resources.list("ServiceFailures.AFTER_DOWN");

  /**
   * An outage: "the app is down", "site went down again", "servers down again", "is it down?"; not
   * "I'm down for it", "calm down", "let you down", "down the road", "went down to Georgia".
   */
  private static boolean outage(String[] raw, String[] lower, int i) {
    if (!lower[i].equals("down") || i == 0 || endsClause(raw[i - 1])) {
      return false;
    }
    int n = lower.length;
    boolean closes = endsClause(raw[i]) || i + 1 == n;
    String next = closes ? "" : lower[i + 1];
    if (!closes
        && !AFTER_DOWN.contains(next)
        && !raw[i + 1].startsWith("@")
        && !raw[i + 1].startsWith("#")) {
      return false;
    }
    for (int j = i - 1; j >= 0 && !endsClause(raw[j]); j--) {
      if (UNCERTAIN.contains(lower[j])) {
        return false; // "not sure if the app is down": a doubt, not a report
      }
    }
    if (DOWN_VERBS.contains(lower[i - 1])) {
      // "I'm down", "we are down for it": the writer agrees
      return !(i > 1 && WILLING.contains(lower[i - 2]) && !endsClause(raw[i - 2]))
          && !WILLING.contains(lower[i - 1]);
    }
    if (i > 1 && DOWN_VERBS.contains(lower[i - 2]) && SERVICE_PRONOUNS.contains(lower[i - 1])) {
      // "is it down?", "is everything down"
      return true;
    }
    if (SERVICE_NOUNS.contains(lower[i - 1])) {
      return true; // "servers down during the tournament", "site down since 9am"
    }
    // "everything down again": no verb, but "again" says it is a failure ("let you down again" not)
    return next.equals("again")
        && !WILLING.contains(lower[i - 1])
        && !OBJECTS.contains(lower[i - 1]);
  }

  /** What goes down in an outage, named right before "down": "servers down", "site down". */
  static final Set<String> SERVICE_NOUNS = Resources.list("ServiceFailures.SERVICE_NOUNS");

  /** Whom something lets down: "let you down again" is no outage. */
  private static final Set<String> OBJECTS = Resources.list("ServiceFailures.OBJECTS");

  /** Failures that recur: "keeps dropping", "constantly freezing", "keeps logging me out". */
  static final Set<String> RECURRING = Resources.list("ServiceFailures.RECURRING");

  /** What makes a failure recur: "keeps", "kept", "constantly", "randomly". */
  static final Set<String> KEEPS = Resources.list("ServiceFailures.KEEPS");

  /** Gerunds that fail only with a particle: "logging me out", "cutting out", "shutting down". */
  private static final Set<String> WITH_PARTICLE = Resources.list("ServiceFailures.WITH_PARTICLE");

  private static final Set<String> PARTICLES = Resources.list("ServiceFailures.PARTICLES");

  /** "the internet keeps dropping", "app keeps logging me out"; not "keeps getting better". */
  private static boolean recurring(String[] raw, String[] lower, int i) {
    if (!RECURRING.contains(lower[i])
        || i == 0
        || !KEEPS.contains(lower[i - 1])
        || endsClause(raw[i - 1])) {
      return false;
    }
    if (!WITH_PARTICLE.contains(lower[i])) {
      return true;
    }
    for (int k = i + 1; k < Math.min(lower.length, i + 3); k++) {
      if (PARTICLES.contains(lower[k])) {
        return true;
      }
      if (endsClause(raw[k])) {
        return false;
      }
    }
    return false;
  }

  /** What a screen or a device goes: "the screen went black", "my phone went dead". */
  private static final Set<String> DEAD = Resources.list("ServiceFailures.DEAD");

  private static final Set<String> WENT = Resources.list("ServiceFailures.WENT");

  /** "the screen went black after 2 months", "my phone went dead". */
  private static boolean wentDead(String[] lower, int i) {
    return DEAD.contains(lower[i]) && i > 0 && WENT.contains(lower[i - 1]);
  }

  private static final Set<String> CALLS = Resources.list("ServiceFailures.CALLS");

  /**
   * A call back that does not come: "has not called back in 3 weeks", "never called me back",
   * "didn't call us back"; at "back", with the negation before the call.
   */
  private static boolean notCalledBack(String[] raw, String[] lower, int i) {
    if (!lower[i].equals("back") || i < 2) {
      return false;
    }
    int call = CALLS.contains(lower[i - 1]) ? i - 1 : CALLS.contains(lower[i - 2]) ? i - 2 : -1;
    if (call < 1) {
      return false;
    }
    for (int j = call - 1; j >= Math.max(0, call - 3) && !endsClause(raw[j]); j--) {
      if (negated(lower[j])) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> TOOK = Resources.list("ServiceFailures.TOOK");

  private static final Set<String> TAKER = Resources.list("ServiceFailures.TAKER");

  /** Endless: "took forever", "takes ages". */
  private static final Set<String> ENDLESS = Resources.list("ServiceFailures.ENDLESS");

  /** More than it should: "took over an hour", "more than 3 weeks", "nearly a month". */
  private static final Set<String> OVER = Resources.list("ServiceFailures.OVER");

  /**
   * Something that took too long: "the refund took forever", "took me over an hour to get through";
   * not "took 5 minutes" (which may be praise) nor "took me only an hour".
   */
  private static boolean tookLong(String[] raw, String[] lower, int i) {
    if (!TOOK.contains(lower[i]) || endsClause(raw[i])) {
      return false;
    }
    int k = i + 1;
    if (k < lower.length && TAKER.contains(lower[k]) && !endsClause(raw[k])) {
      k++;
    }
    if (k >= lower.length) {
      return false;
    }
    return ENDLESS.contains(lower[k]) || (OVER.contains(lower[k]) && k + 1 < lower.length);
  }

  /** "a 45 minute wait", "2 hour wait": a wait measured is a wait complained of. */
  private static boolean longWait(String[] lower, int i) {
    return (lower[i].equals("wait") || lower[i].equals("waits"))
        && i > 0
        && DELAY_UNITS.contains(lower[i - 1]);
  }

  /** "fell apart after two weeks", "is falling apart", "came apart". */
  private static boolean fellApart(String[] lower, int i) {
    return lower[i].equals("apart") && i > 0 && BROKE_APART.contains(lower[i - 1]);
  }

  private static final Set<String> BROKE_APART = Resources.list("ServiceFailures.BROKE_APART");

  /** Words of a rise: "increase", "went up", "hike", "doubled". */
  static final Set<String> RISES = Resources.list("ServiceFailures.RISES");

  /** What a customer pays. */
  static final Set<String> PRICES = Resources.list("ServiceFailures.PRICES");

  /** Verbs of "went up": "up" is a rise only after one of them. */
  private static final Set<String> GO = Resources.list("ServiceFailures.GO");

  /** A price raised, rated as Pantau's "overpriced". */
  static final double PRICE_RISE = -1.6;

  /** How far from the rise its price may stand: "raising prices", "fee went up again". */
  static final int PRICE_REACH = 4;

  /** "the membership fee went up again", "price increase", "why do you keep raising prices". */
  private static boolean priceRise(String[] raw, String[] lower, int i) {
    if (lower[i].equals("up") && !(i > 0 && GO.contains(lower[i - 1]))) {
      return false;
    }
    for (int k = i - 1; k >= Math.max(0, i - PRICE_REACH) && !endsClause(raw[k]); k--) {
      if (PRICES.contains(lower[k])) {
        return true;
      }
    }
    for (int k = i + 1;
        k < Math.min(lower.length, i + 1 + PRICE_REACH) && !endsClause(raw[k - 1]);
        k++) {
      if (PRICES.contains(lower[k])) {
        return true;
      }
    }
    return false;
  }

  /** Units of a delay: "40 minutes late", "2 hours late", "a day late". */
  static final Set<String> DELAY_UNITS = Resources.list("ServiceFailures.DELAY_UNITS");

  /** Verbs of arriving late: "arrived late", "was late", "is running late". */
  static final Set<String> LATE_VERBS = Resources.list("ServiceFailures.LATE_VERBS");

  /**
   * A delivery or a service late: "the delivery was 40 minutes late", "arrived late again"; not
   * "late night", "the late Steve Jobs", "see you later".
   */
  private static boolean late(String[] raw, String[] lower, int i) {
    if (!lower[i].equals("late") || i == 0 || endsClause(raw[i - 1])) {
      return false;
    }
    String before = lower[i - 1];
    if (DELAY_UNITS.contains(before)) {
      return true;
    }
    if (!LATE_VERBS.contains(before)) {
      return false;
    }
    // "I was late" is the writer's own doing; "the train was late" is not
    return !(i > 1 && WILLING.contains(lower[i - 2]));
  }

  /**
   * Words before "on hold" or "waiting" that say it has lasted: "been on hold", "still waiting".
   */
  static final Set<String> LASTING = Resources.list("ServiceFailures.LASTING");

  /** Whose turn a wait is for: "still waiting for my refund", "for our order". */
  static final Set<String> OWED = Resources.list("ServiceFailures.OWED");

  /**
   * A customer kept waiting: "been on hold for 45 minutes", "on hold for an hour", "still waiting
   * for my refund", "Still waiting…"; not "waiting on hold for something" nor "still waiting for
   * someone to write it".
   */
  private static boolean kept(String[] raw, String[] lower, int i) {
    int n = lower.length;
    String w = lower[i];
    String afterFor = i + 2 < n && lower[i + 1].equals("for") ? lower[i + 2] : null;
    if (w.equals("hold") && i > 0 && lower[i - 1].equals("on")) {
      // "been on hold", "45 minutes on hold", "on hold for an hour"
      return (i > 1 && (LASTING.contains(lower[i - 2]) || DELAY_UNITS.contains(lower[i - 2])))
          || (afterFor != null && (DURATIONS.contains(afterFor) || startsWithDigit(afterFor)));
    }
    if (w.equals("waiting") && i > 0 && LASTING.contains(lower[i - 1])) {
      return endsClause(raw[i])
          || i + 1 == n
          || (afterFor != null && (OWED.contains(afterFor) || startsWithDigit(afterFor)))
          || (afterFor != null && SOMEONE.contains(afterFor) && owedInClause(raw, lower, i + 3));
    }
    if ((w.equals("waited") || w.equals("waiting")) && !endsClause(raw[i]) && i + 1 < n) {
      // "waited 25 minutes for a latte", "waiting over an hour", "waited for 40 minutes"
      String next = afterFor != null ? afterFor : lower[i + 1];
      return startsWithDigit(next) || DURATIONS.contains(next);
    }
    return false;
  }

  /** Who is to act in "still waiting for someone to call me back". */
  static final Set<String> SOMEONE = Resources.list("ServiceFailures.SOMEONE");

  /** Whether the clause from {@code from} on concerns the writer: "to call me back". */
  private static boolean owedInClause(String[] raw, String[] lower, int from) {
    for (int k = from; k < lower.length; k++) {
      if (OWED_TO_WRITER.contains(lower[k])) {
        return true;
      }
      if (endsClause(raw[k])) {
        return false;
      }
    }
    return false;
  }

  /** "me", "my", "us", "our", "back": the writer is owed the act. */
  static final Set<String> OWED_TO_WRITER = Resources.list("ServiceFailures.OWED_TO_WRITER");

  /** Words that open a duration after "for": "for 45 minutes", "for an hour", "for ages". */
  static final Set<String> DURATIONS = Resources.list("ServiceFailures.DURATIONS");

  private static boolean startsWithDigit(String word) {
    return !word.isEmpty() && Character.isDigit(word.charAt(0));
  }

  /** The words a failure can be read at; {@link ComplaintSenses} skips every other token. */
  static final Set<String> TRIGGERS = triggers();

  private static Set<String> triggers() {
    Set<String> t = new HashSet<>();
    t.addAll(FUNCTIONS);
    t.addAll(RECEIPTS);
    t.addAll(ACCESS);
    t.addAll(RECURRING);
    t.addAll(RISES);
    t.addAll(
        List.of("down", "late", "apart", "hold", "waiting", "waited", "wait", "waits", "back"));
    t.addAll(DEAD);
    t.addAll(TOOK);
    return Resources.lookupSet(t);
  }
}
