package dev.pantau.keywords.sentiment;

import dev.pantau.keywords.sentiment.EnglishRules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * English sentiment: a port of VADER's rules (Hutto and Gilbert, 2014; vaderSentiment 3.3.2) over
 * its lexicon, plus the rules brand mentions need that VADER lacks (see {@link EnglishRules}).
 *
 * <p>Thread-safe: all state is read-only after construction; each call works on its own arrays.
 */
final class EnglishScorer {

  // VADER's empirically derived constants, kept as published.
  static final double B_INCR = EnglishTokens.B_INCR;
  static final double B_DECR = -0.293;
  static final double C_INCR = 0.733;
  static final double N_SCALAR = EnglishTokens.N_SCALAR;
  static final double NORMALIZE_ALPHA = 15.0;

  static final Set<String> NEGATE = EnglishTokens.NEGATE;

  static final Map<String, Double> BOOSTERS = boosters();

  static final Map<String, Double> SPECIAL_CASES =
      Resources.lookupMap(
          Map.ofEntries(
              Map.entry("the shit", 3.0),
              Map.entry("the bomb", 3.0),
              Map.entry("bad ass", 1.5),
              Map.entry("badass", 1.5),
              Map.entry("bus stop", 0.0),
              Map.entry("yeah right", -2.0),
              Map.entry("kiss of death", -1.5),
              Map.entry("to die for", 3.0),
              Map.entry("beating heart", 3.1),
              Map.entry("broken heart", -2.9)));

  /** Words of courtesy or request: polite, not pleased (see {@link EnglishRules.Rule#COURTESY}). */
  static final Set<String> COURTESY = Resources.list("EnglishScorer.COURTESY");

  private static final Set<String> THANKS = Resources.list("EnglishScorer.THANKS");

  /**
   * Every word a rule of {@link ComplaintSenses}, {@link Remedies}, {@link BrandIdioms} or the
   * sarcastic thanks turns on.
   */
  private static final Set<String> RULE_WORDS = ruleWords();

  private static Set<String> ruleWords() {
    java.util.Set<String> words = new java.util.HashSet<>(ComplaintSenses.TRIGGERS);
    words.addAll(Remedies.VERBS);
    words.addAll(BrandIdioms.TRIGGERS);
    words.addAll(THANKS);
    return Resources.lookupSet(words);
  }

  /**
   * Stands around an emoji's words after {@link #expandEmoji} (with {@link Rule#FACES}): a
   * private-use character, removed from the input first.
   */
  private static final String FACE_MARK = "\uE000";

  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  private final Map<String, Double> lexicon;
  private final Map<String, String> emoji;

  /**
   * The longest emoji key starting with each character from U+2000 on (index {@code c - 0x2000}), 0
   * for none: most characters there start no key, and {@link #expandEmoji} need not try every
   * length up to the longest key for them.
   */
  private final int[] longestEmojiFrom;

  private final EnglishRules rules;

  /** The rules switched on, by ordinal: looked up per token, faster than the set. */
  private final boolean[] on;

  private boolean on(Rule rule) {
    return on[rule.ordinal()];
  }

  /** Complaints VADER reads as praise ({@link ComplaintSenses}). */
  private final ComplaintSenses complaints;

  /**
   * @param lexicon word (or emoticon, or emoji) to valence on VADER's -4..+4 scale
   * @param emoji emoji to the words that describe it; an emoji that is itself in the lexicon is
   *     kept as it is instead
   */
  EnglishScorer(Map<String, Double> lexicon, Map<String, String> emoji, EnglishRules rules) {
    this.lexicon = lexicon;
    java.util.Map<String, String> e = new java.util.HashMap<>(emoji);
    for (String k : lexicon.keySet()) {
      if (!k.isEmpty() && k.charAt(0) >= 0x2000) {
        e.put(k, k);
      }
    }
    this.emoji = e;
    this.longestEmojiFrom = new int[0x10000 - 0x2000];
    for (String k : e.keySet()) {
      if (!k.isEmpty() && k.charAt(0) >= 0x2000) {
        int at = k.charAt(0) - 0x2000;
        longestEmojiFrom[at] = Math.max(longestEmojiFrom[at], k.length());
      }
    }
    this.rules = rules;
    this.on = new boolean[Rule.values().length];
    for (Rule r : rules.on()) {
      on[r.ordinal()] = true;
    }
    this.complaints = new ComplaintSenses(rules);
  }

  /** VADER's compound score in [-1, 1]. */
  double compound(String text) {
    return analyse(text).compound();
  }

  /** As {@link #analyse(String, Set)}, with the names of the mention given. */
  double compound(String text, Set<String> names) {
    return analyse(text, names).compound();
  }

  /** As {@link #analyse(String, Set)} with no names given. */
  VaderScores analyse(String text) {
    return analyse(text, Set.of());
  }

  /**
   * VADER's scores of a text: the compound and the positive, negative and neutral proportions
   * ({@code polarity_scores} in vaderSentiment), with the number of tokens.
   */
  /**
   * @param names lower-case words that name something in this mention (its brands: "united",
   *     "delta"), which count nothing whatever their valence
   */
  /**
   * The runs of characters between whitespace ({@code \\s}: space, tab, line breaks, form feed), as
   * {@code Pattern.split("\\s+")} gives them for a trimmed text ({@code [""]} for an empty one). By
   * hand: the regular expression was a sixth of scoring a mention with the rules.
   */
  static String[] words(String trimmed) {
    if (trimmed.isEmpty()) {
      return new String[] {""};
    }
    java.util.ArrayList<String> out = new java.util.ArrayList<>(trimmed.length() / 4 + 4);
    int start = -1;
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
      if (space) {
        if (start >= 0) {
          out.add(trimmed.substring(start, i));
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
    }
    if (start >= 0) {
      out.add(trimmed.substring(start));
    }
    return out.toArray(String[]::new);
  }

  VaderScores analyse(String text, Set<String> names) {
    String unescaped = text.indexOf('&') >= 0 ? unescapeHtml(text) : text;
    // phone keyboards type "don’t": VADER's negation looks for "n't"
    unescaped = unescaped.indexOf('\u2019') >= 0 ? unescaped.replace('\u2019', '\'') : unescaped;
    if (unescaped.indexOf(FACE_MARK.charAt(0)) >= 0) {
      unescaped = unescaped.replace(FACE_MARK.charAt(0), ' ');
    }
    String expanded = on(Rule.EMOJI) ? expandEmoji(unescaped) : unescaped;
    String[] raw = words(expanded.trim());
    boolean[] emojiWord = null;
    if (expanded != unescaped && on(Rule.FACES)) {
      emojiWord = new boolean[raw.length];
      raw = withoutFaceMarks(raw, emojiWord);
    }
    if (raw.length == 0 || (raw.length == 1 && raw[0].isEmpty())) {
      return VaderScores.EMPTY;
    }
    int n = raw.length;
    String[] words = new String[n];
    String[] lower = new String[n];
    boolean[] elongated = new boolean[n];
    boolean[] question = new boolean[n];
    for (int i = 0; i < n; i++) {
      words[i] = stripPunctuationIfWord(emoticon(raw[i]));
      // an emoticon rated in its own case ("D:", dismay) is not its lower-case twin ("d:", a
      // tongue)
      lower[i] =
          lexicon.containsKey(words[i]) ? words[i] : words[i].toLowerCase(java.util.Locale.ROOT);
      // squeezing can change only a word with a run of three letters or a dropped g ("lovin"):
      // test that first, it costs less than the three lookups of known()
      if (on(Rule.REPEATED_LETTERS)
          && (hasRunOfThree(lower[i]) || lower[i].endsWith("in"))
          && !known(lower[i])) {
        String squeezed = squeezeRepeats(lower[i]);
        if (squeezed != null) {
          elongated[i] = hasRunOfThree(lower[i]);
          lower[i] = squeezed;
          words[i] = isUpper(words[i]) ? squeezed.toUpperCase(java.util.Locale.ROOT) : squeezed;
        }
      }
      if (on(Rule.SUPERLATIVES)
          && lower[i].length() > 5
          && lower[i].endsWith("est")
          && !known(lower[i])) {
        String base = superlativeBase(lower[i]);
        if (base != null) {
          lower[i] = base;
          words[i] = isUpper(words[i]) ? base.toUpperCase(java.util.Locale.ROOT) : base;
        }
      }
    }
    if (on(Rule.QUESTIONS)) {
      markQuestions(raw, lower, question);
    }
    boolean capDiff = allCapDifferential(words);
    // one lookup tells the tokens any later rule turns on from the rest, which every rule skips
    boolean[] ruleWord = new boolean[n];
    for (int i = 0; i < n; i++) {
      ruleWord[i] = RULE_WORDS.contains(lower[i]);
    }
    boolean[] name = on(Rule.NAMES) ? markNames(raw) : new boolean[n];
    if (!names.isEmpty()) {
      for (int i = 0; i < n; i++) {
        name[i] |= names.contains(lower[i]);
      }
    }

    double[] sentiments = new double[n];
    for (int i = 0; i < n; i++) {
      if (BOOSTERS.containsKey(lower[i]) && !predicate(raw, lower, i)) {
        continue;
      }
      if (i < n - 1 && lower[i].equals("kind") && lower[i + 1].equals("of")) {
        continue;
      }
      if (name[i] || (on(Rule.LIKE_AS_PREPOSITION) && isPrepositionLike(lower, i))) {
        continue;
      }
      sentiments[i] = valence(raw, words, lower, i, capDiff, emojiWord != null && emojiWord[i]);
      if (elongated[i] && sentiments[i] != 0) {
        sentiments[i] += Math.signum(sentiments[i]) * B_INCR;
      }
      if (ruleWord[i] && on(Rule.IDIOMS) && sarcasticThanks(lower, i)) {
        sentiments[i] = -Math.abs(sentiments[i]);
      }
    }
    wordSenses(raw, lower, sentiments);
    complaints.apply(raw, lower, question, sentiments, ruleWord);
    if (on(Rule.REMEDIES)) {
      Remedies.apply(raw, lower, sentiments, lexicon, ruleWord);
    }
    butCheck(lower, sentiments);
    if (on(Rule.COURTESY)) {
      applyCourtesy(raw, lower, question, sentiments);
    }
    if (on(Rule.IDIOMS)) {
      sarcasticInterjections(raw, lower, sentiments);
      BrandIdioms.apply(raw, lower, sentiments, ruleWord);
    }
    if (on(Rule.IMPLICIT_COMPLAINTS)) {
      ImplicitComplaints.apply(raw, lower, question, sentiments);
    }
    if (on(Rule.QUESTIONS)) {
      for (int i = 0; i < n; i++) {
        if (question[i]) {
          sentiments[i] *=
              sentiments[i] > 0 ? rules.questionPositiveWeight() : rules.questionNegativeWeight();
        }
      }
    }
    double headline = on(Rule.HEADLINES) && isHeadline(words) ? EnglishRules.HEADLINE_WEIGHT : 1.0;
    double sum = 0;
    double positiveSum = 0;
    double negativeSum = 0;
    int neutralCount = 0;
    double strongestPositive = 0;
    double strongestNegative = 0;
    double last = 0;
    int positiveWords = 0;
    int negativeWords = 0;
    for (double s : sentiments) {
      if (s != 0) {
        last = s * headline;
        if (s > 0) {
          positiveWords++;
          strongestPositive = Math.max(strongestPositive, s * headline);
        } else {
          negativeWords++;
          strongestNegative = Math.min(strongestNegative, s * headline);
        }
      }
      sum += s;
      // VADER's proportions: each opinion word adds its valence plus one, each other token one
      if (s > 0) {
        positiveSum += s * headline + 1;
      } else if (s < 0) {
        negativeSum += s * headline - 1;
      } else {
        neutralCount++;
      }
    }
    sum *= headline;
    double emphasis = punctuationEmphasis(expanded);
    if (sum > 0) {
      sum += emphasis;
    } else if (sum < 0) {
      sum -= emphasis;
    }
    if (positiveSum > -negativeSum) {
      positiveSum += emphasis;
    } else if (positiveSum < -negativeSum) {
      negativeSum -= emphasis;
    }
    double total = positiveSum - negativeSum + neutralCount;
    return new VaderScores(
        normalize(sum),
        positiveSum / total,
        -negativeSum / total,
        neutralCount / total,
        n,
        strongestPositive,
        strongestNegative,
        last,
        positiveWords,
        negativeWords);
  }

  /**
   * A booster that closes its clause modifies nothing: it is the adjective ("the speed is
   * incredible"), and reads as its lexicon word when it has one (with {@link Rule#DEGREE_ADVERBS}).
   */
  private boolean predicate(String[] raw, String[] lower, int i) {
    return on(Rule.DEGREE_ADVERBS)
        && (i == lower.length - 1 || endsClause(raw[i]))
        && lexicon.containsKey(lower[i]);
  }

  /**
   * The adjective of a superlative VADER lacks, when the lexicon rates it at least 1 either way:
   * "coolest" is "cool", "nicest" "nice", "happiest" "happy", "hottest" "hot"; null otherwise
   * ("forest", "interest", "protest" have no rated base).
   */
  private String superlativeBase(String w) {
    String stem = w.substring(0, w.length() - 3);
    String[] candidates = {
      stem,
      stem + "e",
      stem.endsWith("i") ? stem.substring(0, stem.length() - 1) + "y" : null,
      stem.length() > 2 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)
          ? stem.substring(0, stem.length() - 1)
          : null
    };
    for (String c : candidates) {
      if (c != null && c.length() >= 3) {
        Double v = lexicon.get(c);
        if (v != null && Math.abs(v) >= 1.0) {
          return c;
        }
      }
    }
    return null;
  }

  private boolean known(String lower) {
    return lexicon.containsKey(lower) || BOOSTERS.containsKey(lower) || NEGATE.contains(lower);
  }

  /**
   * "goooood" -> "good", "sooo" -> "so": runs of three or more letters, to two then one; and the
   * dropped g of "lovin" / "chillin".
   */
  /**
   * ":DDD", "=(((", ";))": an emoticon with a stroke repeated for emphasis reads as the emoticon
   * (with {@link EnglishRules.Rule#REPEATED_LETTERS}); any other token is returned as it is.
   */
  private String emoticon(String token) {
    if (!on(Rule.REPEATED_LETTERS) || !isEmoticonLike(token) || lexicon.containsKey(token)) {
      return token;
    }
    String once = squeezeAll(token);
    return !once.equals(token) && lexicon.containsKey(once) ? once : token;
  }

  private String squeezeRepeats(String lower) {
    if (!hasRunOfThree(lower)) {
      return lower.length() > 3 && lower.endsWith("in") && known(lower + "g") ? lower + "g" : null;
    }
    String two = squeeze(lower, 2);
    if (known(two)) {
      return two;
    }
    String one = squeeze(lower, 1);
    return known(one) ? one : null;
  }

  /** Starts like an emoticon's eyes or mouth, and is short: ":dd", "=(((", ";))", "^__^". */
  private static boolean isEmoticonLike(String s) {
    return s.length() >= 3 && s.length() <= 8 && EMOTICON_STARTS.indexOf(s.charAt(0)) >= 0;
  }

  private static final String EMOTICON_STARTS = ":;=^()<>";

  /** Every run of one character down to one: "=(((" -> "=(", ":ddd" -> ":d". */
  private static String squeezeAll(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      if (i == 0 || s.charAt(i) != s.charAt(i - 1)) {
        b.append(s.charAt(i));
      }
    }
    return b.toString();
  }

  private static boolean hasRunOfThree(String s) {
    for (int i = 2; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c) && c == s.charAt(i - 1) && c == s.charAt(i - 2)) {
        return true;
      }
    }
    return false;
  }

  private static String squeeze(String s, int keep) {
    StringBuilder b = new StringBuilder(s.length());
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      run = (i > 0 && c == s.charAt(i - 1)) ? run + 1 : 1;
      if (run <= keep || !Character.isLetter(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** Degree adverbs that VADER's lexicon rates as the adjectives they also are. */
  static final Set<String> DEGREE_ADVERBS = Resources.list("EnglishScorer.DEGREE_ADVERBS");

  /** Words after which "sure" is certainty ("I'm sure", "make sure", "not sure", "pretty sure"). */
  static final Set<String> CERTAINTY_BEFORE_SURE =
      Resources.list("EnglishScorer.CERTAINTY_BEFORE_SURE");

  /**
   * Words whose lexicon valence belongs to another sense than the one used: "Well," as a discourse
   * marker ({@link EnglishRules.Rule#DISCOURSE_WELL}), "pretty"/"super" as degree adverbs ({@link
   * EnglishRules.Rule#DEGREE_ADVERBS}), "sure" of certainty ({@link
   * EnglishRules.Rule#EPISTEMIC_SURE}).
   */
  private void wordSenses(String[] raw, String[] lower, double[] sentiments) {
    int n = lower.length;
    for (int i = 0; i < n; i++) {
      String w = lower[i];
      boolean opensClause = i == 0 || endsClause(raw[i - 1]);
      if (on(Rule.DISCOURSE_WELL) && w.equals("well") && opensClause && endsClause(raw[i])) {
        sentiments[i] = 0;
      } else if (on(Rule.DEGREE_ADVERBS)
          && DEGREE_ADVERBS.contains(w)
          && i + 1 < n
          && !endsClause(raw[i])
          && gradable(lower[i + 1])) {
        sentiments[i] = 0;
        if (sentiments[i + 1] != 0) {
          sentiments[i + 1] += Math.signum(sentiments[i + 1]) * B_INCR;
        }
      } else if (on(Rule.DEVICE_FAN) && w.equals("fan") && machineFan(lower, i)) {
        sentiments[i] = 0;
      } else if (on(Rule.EPISTEMIC_SURE)
          && w.equals("sure")
          && !opensClause
          && CERTAINTY_BEFORE_SURE.contains(lower[i - 1])) {
        sentiments[i] = 0;
      }
    }
  }

  /** Machines with a fan: "laptop fan", "ceiling fan". */
  static final Set<String> FAN_MACHINES = Resources.list("EnglishScorer.FAN_MACHINES");

  /** What a machine's fan does: "fan noise", "fan is loud", "fan keeps spinning". */
  static final Set<String> FAN_DOINGS = Resources.list("EnglishScorer.FAN_DOINGS");

  private static boolean machineFan(String[] lower, int i) {
    return (i > 0 && FAN_MACHINES.contains(lower[i - 1]))
        || (i + 1 < lower.length && FAN_DOINGS.contains(lower[i + 1]));
  }

  /** A word a degree adverb can grade: an opinion word, a booster, "much", an adverb in -ly. */
  private boolean gradable(String next) {
    return lexicon.containsKey(next)
        || BOOSTERS.containsKey(next)
        || next.equals("much")
        || (next.length() > 3 && next.endsWith("ly"));
  }

  /**
   * Handles and links are names, not opinions: {@code @united}, {@code @AmazonHelp} and the words
   * of a URL score nothing. (Title-case words inside a sentence were tried as names too, "flying
   * United": on tweets they are as often emphasis, "Best url ever", and it cost 0.007 macro-F1.)
   */
  private static boolean[] markNames(String[] raw) {
    boolean[] name = new boolean[raw.length];
    for (int i = 0; i < raw.length; i++) {
      String r = raw[i];
      name[i] =
          r.startsWith("@") || r.startsWith(".@") || r.contains("://") || r.startsWith("www.");
    }
    markCheckIns(raw, name);
    return name;
  }

  /**
   * A check-in names a place: "I'm at Spirit Mountain Casino (27100 SW Salmon River Hwy) http://…"
   * and "(@ True Fitness)". The place and its address count nothing: at a brand's store ("I'm at
   * Best Buy", "I'm at United Club") a check-in is no praise.
   */
  private static void markCheckIns(String[] raw, boolean[] name) {
    int n = raw.length;
    for (int i = 0; i + 1 < n; i++) {
      String r = raw[i];
      if (r.equals("(@")) {
        // "(@ Tessie McDaids Irish Pub)", the check-in's own form: up to the closing parenthesis
        for (int k = i; k < n; k++) {
          name[k] = true;
          if (raw[k].endsWith(")")) {
            break;
          }
        }
      } else if ((r.equalsIgnoreCase("I'm") || r.equalsIgnoreCase("Im"))
          && raw[i + 1].equalsIgnoreCase("at")
          && (i == 0 || endsSentence(raw[i - 1]) || raw[i - 1].startsWith("@"))) {
        int link = -1;
        for (int k = i + 2; k < n && link < 0; k++) {
          if (raw[k].contains("://")) {
            link = k;
          }
        }
        if (link < 0) {
          continue; // "I'm at work, so tired": no check-in without its link
        }
        for (int k = i + 2; k < link; k++) {
          name[k] = true;
        }
      }
    }
  }

  /** Most of at least three words Title-case: "Drunk Priest's Sermon Goes Viral". */
  private static boolean isHeadline(String[] words) {
    int title = 0;
    int alphabetic = 0;
    for (String w : words) {
      if (!w.isEmpty() && Character.isLetter(w.charAt(0))) {
        alphabetic++;
        if (isTitleCase(w)) {
          title++;
        }
      }
    }
    return alphabetic >= 3 && title * 2 > alphabetic;
  }

  /** "Amazon": an upper-case letter, then lower-case ones or marks ("Priest's"), no upper-case. */
  private static boolean isTitleCase(String w) {
    if (w.length() < 2 || !Character.isUpperCase(w.charAt(0))) {
      return false;
    }
    boolean lowerSeen = false;
    for (int i = 1; i < w.length(); i++) {
      char c = w.charAt(i);
      if (Character.isUpperCase(c)) {
        return false;
      }
      lowerSeen |= Character.isLowerCase(c);
    }
    return lowerSeen;
  }

  /** Words after which "like" compares ("looks like rain") rather than likes. */
  static final Set<String> LIKE_COMPARES = Resources.list("EnglishScorer.LIKE_COMPARES");

  private static boolean isPrepositionLike(String[] lower, int i) {
    return lower[i].equals("like") && i > 0 && LIKE_COMPARES.contains(lower[i - 1]);
  }

  /**
   * Words that make a clause a question ("is it any good?", "can you help?", "anyone tried it?"):
   * an auxiliary or modal opening the clause, or a question word anywhere in it. A clause that only
   * ends with '?' ("Congrats?", "Hooray for cops?") is an exclamation in a questioning tone and
   * keeps its valence.
   */
  static final Set<String> QUESTION_OPENERS = Resources.list("EnglishScorer.QUESTION_OPENERS");

  static final Set<String> QUESTION_WORDS = Resources.list("EnglishScorer.QUESTION_WORDS");

  /**
   * Words of a question clause: a clause ending with '?' (clauses end at '.', '!', '?', ',', ';' or
   * ':', so in "it's pretty amazing, isn't it?" only "isn't it" asks) that is worded as a question
   * ({@link #QUESTION_OPENERS}, {@link #QUESTION_WORDS}); or, when the sentence opens with such a
   * word, the whole sentence up to the '?' ("can anyone recommend a good plan, something fast?").
   * Emoticons and laughter are not asked about and stay out.
   */
  private static void markQuestions(String[] raw, String[] lower, boolean[] question) {
    int end = raw.length - 1;
    while (end >= 0) {
      int start = end;
      while (start > 0 && !endsClause(raw[start - 1])) {
        start--;
      }
      String last = raw[end];
      boolean mark = !last.isEmpty() && last.charAt(last.length() - 1) == '?';
      int from = start;
      if (mark) {
        int sentence = sentenceStart(raw, start);
        if (sentence < start && opensWithQuestion(raw, lower, sentence, end)) {
          from = sentence;
        } else {
          mark = worded(raw, lower, start, end);
        }
      }
      if (mark) {
        for (int i = from; i <= end; i++) {
          String t = raw[i];
          question[i] = !t.isEmpty() && Character.isLetter(t.charAt(0)) && !isLaughter(t);
        }
      }
      end = start - 1;
    }
  }

  /**
   * The first token of the sentence holding the clause that starts at {@code start}: clauses end at
   * commas too, sentences only at '.', '!' and '?'.
   */
  private static int sentenceStart(String[] raw, int start) {
    int s = start;
    while (s > 0 && !endsSentence(raw[s - 1])) {
      s--;
    }
    return s;
  }

  /**
   * A sentence opened by an auxiliary or a question word ("can anyone recommend a good plan,
   * something cheap?", "why is the app, which was fine, so slow now?") asks throughout, commas and
   * all; a tag question ("it's pretty amazing, isn't it?") opens with a statement and only its last
   * clause asks.
   */
  private static boolean opensWithQuestion(String[] raw, String[] lower, int start, int end) {
    int first = start;
    while (first < end && (raw[first].startsWith("@") || lower[first].equals("rt"))) {
      first++;
    }
    return QUESTION_OPENERS.contains(lower[first]) || QUESTION_WORDS.contains(lower[first]);
  }

  static boolean endsClause(String token) {
    return EnglishTokens.endsClause(token);
  }

  private static boolean worded(String[] raw, String[] lower, int start, int end) {
    int first = start;
    // "@acme is it down?", "RT @x can you": handles and retweet marks come before the question
    while (first < end && (raw[first].startsWith("@") || lower[first].equals("rt"))) {
      first++;
    }
    if (QUESTION_OPENERS.contains(lower[first])) {
      return true;
    }
    for (int i = start; i <= end; i++) {
      if (QUESTION_WORDS.contains(lower[i])) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLaughter(String t) {
    String l = t.toLowerCase(java.util.Locale.ROOT);
    return l.startsWith("lol")
        || l.startsWith("haha")
        || l.startsWith("hehe")
        || l.startsWith("lmao")
        || l.startsWith("rofl");
  }

  /**
   * A request is not praise: please / pls / help always ask ("please fix the app, it keeps
   * crashing"), and "kindly" asks in a question or beside a complaint. Thanks closing a complaint
   * ("…still hasn't arrived. Thanks.") count nothing; thanks for something bad are left to {@link
   * #sarcasticThanks}.
   */
  private static void applyCourtesy(
      String[] raw, String[] lower, boolean[] question, double[] sentiments) {
    boolean negative = false;
    boolean asked = false;
    for (int i = 0; i < lower.length; i++) {
      if (sentiments[i] < 0 && !COURTESY.contains(lower[i])) {
        negative = true;
      }
      asked |= question[i];
    }
    for (int i = 0; i < lower.length; i++) {
      if (sentiments[i] <= 0) {
        continue; // only praise is courtesy: most tokens leave here
      }
      if (COURTESY.contains(lower[i])) {
        if (negative || asked || !lower[i].equals("kindly")) {
          sentiments[i] = 0;
        }
      }
      if (negative && sentiments[i] > 0 && THANKS.contains(lower[i]) && closing(raw, lower, i)) {
        // "my order still hasn't arrived. Thanks." closes a complaint politely
        sentiments[i] = 0;
      }
    }
  }

  /** "…still hasn't arrived. Thanks." / "… thank you": thanks closing the text, without "!". */
  private static boolean closing(String[] raw, String[] lower, int i) {
    int n = raw.length;
    int last = lower[i].equals("thank") && i + 1 < n && lower[i + 1].equals("you") ? i + 1 : i;
    while (last + 1 < n && (raw[last + 1].startsWith("@") || raw[last + 1].startsWith("#"))) {
      last++;
    }
    boolean opens = i == 0 || endsClause(raw[i - 1]);
    return opens && last == n - 1 && !raw[last].contains("!") && !raw[i].contains("!");
  }

  /** Praise said as a sentence of its own: "Great.", "Perfect.", "Yay." */
  static final Set<String> INTERJECTIONS = Resources.list("EnglishScorer.INTERJECTIONS");

  /**
   * "Great. Another delay.", "Yay. A wasp sting.": praise that is a sentence of its own, closed by
   * a full stop (not "!"), beside a negative word elsewhere in the text, is sarcasm.
   */
  private static void sarcasticInterjections(String[] raw, String[] lower, double[] sentiments) {
    boolean negative = false;
    for (double v : sentiments) {
      negative |= v < 0;
    }
    if (!negative) {
      return;
    }
    for (int i = 0; i < raw.length; i++) {
      // cheapest tests first: most tokens are not praise closed by a full stop
      if (sentiments[i] > 0
          && (raw[i].endsWith(".") || anotherFollows(raw, lower, i))
          && INTERJECTIONS.contains(lower[i])) {
        int before = i;
        while (before > 0 && raw[before - 1].startsWith("@") && !endsClause(raw[before - 1])) {
          before--; // "@acme great, another delay": the handle addresses, it does not open
        }
        boolean alone =
            before == 0
                || endsSentence(raw[before - 1])
                || ((lower[before - 1].equals("oh") || lower[before - 1].equals("just"))
                    && (before == 1 || endsSentence(raw[before - 2])));
        if (alone) {
          sentiments[i] = -sentiments[i];
        }
      }
    }
  }

  /** "Great, another delay", "Awesome! More fees.": praise closed and followed by more of it. */
  private static boolean anotherFollows(String[] raw, String[] lower, int i) {
    return endsClause(raw[i])
        && i + 1 < lower.length
        && (lower[i + 1].equals("another") || lower[i + 1].equals("more"));
  }

  static boolean endsSentence(String token) {
    return EnglishTokens.endsSentence(token);
  }

  /**
   * Thanks for something bad is a complaint: "thanks for nothing", "thanks @acme for losing my
   * bag", "thank you for ruining my week". True when "for" follows the thanks within three words
   * and "nothing" or a negative word follows the "for" within four.
   */
  private boolean sarcasticThanks(String[] lower, int i) {
    if (!THANKS.contains(lower[i])) {
      return false;
    }
    for (int j = i + 1; j < Math.min(lower.length, i + 4); j++) {
      if (lower[j].equals("for")) {
        for (int k = j + 1; k < Math.min(lower.length, j + 5); k++) {
          if (on(Rule.REMEDIES) && Remedies.isVerb(lower[k])) {
            return false;
          }
          Double v = lexicon.get(lower[k]);
          if (lower[k].equals("nothing") || (v != null && v < 0)) {
            return true;
          }
        }
        return false;
      }
    }
    return false;
  }

  /**
   * How many of the three words before {@code i} can negate or boost it. VADER looks at all three;
   * with {@link EnglishRules.Rule#SCOPE} the look-back stops at the end of a clause (a word ending
   * in . , ! ? ; :) and at another opinion word, which takes the modifiers before it: in "not bad,
   * great" the "not" is bad's, and in "DON'T CARE DON'T CARE" the second CARE is negated once.
   */
  private int reach(String[] raw, String[] lower, int i) {
    if (!on(Rule.SCOPE)) {
      return Math.min(3, i);
    }
    int reach = 0;
    for (int j = i - 1; j >= 0 && reach < 3; j--) {
      String r = raw[j];
      char last = r.isEmpty() ? ' ' : r.charAt(r.length() - 1);
      if (last == '.' || last == ',' || last == '!' || last == '?' || last == ';' || last == ':') {
        break;
      }
      boolean kindOf = lower[j].equals("kind") && j + 1 < lower.length && lower[j + 1].equals("of");
      if (lexicon.containsKey(lower[j]) && !lower[j].equals("no") && !kindOf) {
        break;
      }
      reach++;
    }
    return reach;
  }

  /**
   * @param emojiWord the token is one of an emoji's words ("angry" of "angry face")
   */
  private double valence(
      String[] raw, String[] words, String[] lower, int i, boolean capDiff, boolean emojiWord) {
    Double base = lexicon.get(lower[i]);
    if (base == null) {
      return 0.0;
    }
    // an emoticon or an emoji's word: no negation flips it (with Rule.FACES)
    boolean face = on(Rule.FACES) && (emojiWord || isFace(words[i]));
    int n = words.length;
    int reach = reach(raw, lower, i);
    double valence = base;
    if (lower[i].equals("no") && i != n - 1 && lexicon.containsKey(lower[i + 1])) {
      valence = 0.0;
    }
    boolean chainedNo = on(Rule.SCOPE) && lower[i].equals("no");
    if (!face
        && !chainedNo
        && ((reach > 0 && lower[i - 1].equals("no"))
            || (reach > 1 && lower[i - 2].equals("no"))
            || (reach > 2
                && lower[i - 3].equals("no")
                && (lower[i - 1].equals("or") || lower[i - 1].equals("nor"))))) {
      valence = base * N_SCALAR;
    }
    if (capDiff && isUpper(words[i])) {
      valence += valence > 0 ? C_INCR : -C_INCR;
    }
    for (int start = 0; start < 3; start++) {
      if (start < reach && !lexicon.containsKey(lower[i - (start + 1)])) {
        double s = scalarIncDec(words[i - (start + 1)], lower[i - (start + 1)], valence, capDiff);
        if (start == 1 && s != 0) {
          s *= 0.95;
        }
        if (start == 2 && s != 0) {
          s *= 0.9;
        }
        valence += s;
        if (!face) {
          valence = negationCheck(valence, lower, start, i);
        }
        if (start == 2) {
          valence = specialIdiomsCheck(valence, lower, i);
        }
      }
    }
    if (on(Rule.LONG_NEGATION) && !face && reach == 3 && negatedAcrossFillers(raw, lower, i)) {
      valence *= N_SCALAR;
    }
    return leastCheck(valence, lower, i);
  }

  /** Words a negation reaches across beyond VADER's three: "wouldn't be such a bad idea". */
  static final Set<String> FILLERS = Resources.list("EnglishScorer.FILLERS");

  /** How far back {@link Rule#LONG_NEGATION} looks for a negation. */
  static final int LONG_NEGATION_REACH = 7;

  /**
   * A negation four to seven words before {@code i}, in the same clause, with no opinion word and
   * only {@link #FILLERS} between, and none within VADER's own three words.
   */
  private boolean negatedAcrossFillers(String[] raw, String[] lower, int i) {
    for (int j = i - 1; j >= i - 3; j--) {
      if (negated(lower[j])) {
        return false;
      }
    }
    for (int j = i - 4; j >= Math.max(0, i - LONG_NEGATION_REACH); j--) {
      if (endsClause(raw[j]) || lexicon.containsKey(lower[j])) {
        return false;
      }
      if (negated(lower[j])) {
        for (int k = j + 1; k < i; k++) {
          if (!FILLERS.contains(lower[k])) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }

  /**
   * An emoticon: ":(", ":D", "D:", "<3", or an emoji rated in the lexicon itself; a token that
   * opens or closes with something other than a letter or digit ("can't" does neither).
   */
  private static boolean isFace(String word) {
    return !word.isEmpty()
        && (!Character.isLetterOrDigit(word.codePointAt(0))
            || !Character.isLetterOrDigit(word.charAt(word.length() - 1)));
  }

  /**
   * Drops the marks {@link #expandEmoji} puts around an emoji's words and flags those words in
   * {@code emojiWord} (as long as the tokens, indexed like the result).
   */
  private static String[] withoutFaceMarks(String[] raw, boolean[] emojiWord) {
    int kept = 0;
    boolean inside = false;
    for (String r : raw) {
      if (r.equals(FACE_MARK)) {
        inside = !inside;
      } else {
        emojiWord[kept] = inside;
        raw[kept++] = r;
      }
    }
    return kept == raw.length ? raw : java.util.Arrays.copyOf(raw, kept);
  }

  private static double scalarIncDec(String word, String lower, double valence, boolean capDiff) {
    Double boost = BOOSTERS.get(lower);
    if (boost == null) {
      return 0.0;
    }
    double scalar = valence < 0 ? -boost : boost;
    if (capDiff && isUpper(word)) {
      scalar += valence > 0 ? C_INCR : -C_INCR;
    }
    return scalar;
  }

  static boolean negated(String lower) {
    return EnglishTokens.negated(lower);
  }

  private static double negationCheck(double valence, String[] w, int start, int i) {
    if (start == 0) {
      if (negated(w[i - 1])) {
        valence *= N_SCALAR;
      }
    } else if (start == 1) {
      if (w[i - 2].equals("never") && (w[i - 1].equals("so") || w[i - 1].equals("this"))) {
        valence *= 1.25;
      } else if (w[i - 2].equals("without") && w[i - 1].equals("doubt")) {
        // "without doubt" affirms
      } else if (negated(w[i - 2])) {
        valence *= N_SCALAR;
      }
    } else {
      if ((w[i - 3].equals("never") && (w[i - 2].equals("so") || w[i - 2].equals("this")))
          || w[i - 1].equals("so")
          || w[i - 1].equals("this")) {
        valence *= 1.25;
      } else if (w[i - 3].equals("without")
          && (w[i - 2].equals("doubt") || w[i - 1].equals("doubt"))) {
        // affirms
      } else if (negated(w[i - 3])) {
        valence *= N_SCALAR;
      }
    }
    return valence;
  }

  /**
   * The words of the idioms of several words ({@link #SPECIAL_CASES}, {@link #BOOSTERS}): a run of
   * tokens with a word outside them is no idiom, so {@link #specialIdiomsCheck} joins and looks up
   * only runs of these (tokens hold no space, so a run matches a key only word for word).
   */
  private static final Set<String> IDIOM_WORDS = idiomWords();

  private static Set<String> idiomWords() {
    java.util.Set<String> words = new java.util.HashSet<>();
    for (Set<String> keys : List.of(SPECIAL_CASES.keySet(), BOOSTERS.keySet())) {
      for (String k : keys) {
        if (k.indexOf(' ') >= 0) {
          words.addAll(List.of(k.split(" ")));
        }
      }
    }
    return Resources.lookupSet(words);
  }

  private static double specialIdiomsCheck(double valence, String[] w, int i) {
    boolean three = IDIOM_WORDS.contains(w[i - 3]);
    boolean two = IDIOM_WORDS.contains(w[i - 2]);
    boolean one = IDIOM_WORDS.contains(w[i - 1]);
    boolean zero = IDIOM_WORDS.contains(w[i]);
    // VADER's order: the first of these sequences that is a special case sets the valence
    Double special = null;
    if (one && zero) {
      special = SPECIAL_CASES.get(w[i - 1] + " " + w[i]);
    }
    if (special == null && two && one && zero) {
      special = SPECIAL_CASES.get(w[i - 2] + " " + w[i - 1] + " " + w[i]);
    }
    if (special == null && two && one) {
      special = SPECIAL_CASES.get(w[i - 2] + " " + w[i - 1]);
    }
    if (special == null && three && two && one) {
      special = SPECIAL_CASES.get(w[i - 3] + " " + w[i - 2] + " " + w[i - 1]);
    }
    if (special == null && three && two) {
      special = SPECIAL_CASES.get(w[i - 3] + " " + w[i - 2]);
    }
    if (special != null) {
      valence = special;
    }
    boolean next = zero && w.length - 1 > i && IDIOM_WORDS.contains(w[i + 1]);
    if (next) {
      Double after = SPECIAL_CASES.get(w[i] + " " + w[i + 1]);
      if (after != null) {
        valence = after;
      }
    }
    if (next && w.length - 1 > i + 1 && IDIOM_WORDS.contains(w[i + 2])) {
      Double after = SPECIAL_CASES.get(w[i] + " " + w[i + 1] + " " + w[i + 2]);
      if (after != null) {
        valence = after;
      }
    }
    if (three && two && one) {
      valence = boost(valence, w[i - 3] + " " + w[i - 2] + " " + w[i - 1]);
    }
    if (three && two) {
      valence = boost(valence, w[i - 3] + " " + w[i - 2]);
    }
    if (two && one) {
      valence = boost(valence, w[i - 2] + " " + w[i - 1]);
    }
    return valence;
  }

  private static double boost(double valence, String seq) {
    Double boost = BOOSTERS.get(seq);
    return boost != null ? valence + boost : valence;
  }

  private double leastCheck(double valence, String[] w, int i) {
    if (i > 1 && w[i - 1].equals("least") && !lexicon.containsKey(w[i - 1])) {
      if (!w[i - 2].equals("at") && !w[i - 2].equals("very")) {
        valence *= N_SCALAR;
      }
    } else if (i > 0 && w[i - 1].equals("least") && !lexicon.containsKey(w[i - 1])) {
      valence *= N_SCALAR;
    }
    return valence;
  }

  /** Contrast: what follows the first "but" outweighs what precedes it. */
  private static void butCheck(String[] lower, double[] sentiments) {
    for (int b = 0; b < lower.length; b++) {
      if (lower[b].equals("but")) {
        for (int i = 0; i < sentiments.length; i++) {
          if (i < b) {
            sentiments[i] *= 0.5;
          } else if (i > b) {
            sentiments[i] *= 1.5;
          }
        }
        return;
      }
    }
  }

  private static double punctuationEmphasis(String text) {
    int ep = 0;
    int qm = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '!') {
        ep++;
      } else if (c == '?') {
        qm++;
      }
    }
    double amplifier = Math.min(ep, 4) * 0.292;
    if (qm > 1) {
      amplifier += qm <= 3 ? qm * 0.18 : 0.96;
    }
    return amplifier;
  }

  static double normalize(double score) {
    double norm = score / Math.sqrt(score * score + NORMALIZE_ALPHA);
    return Math.max(-1.0, Math.min(1.0, norm));
  }

  /** Python's str.isupper(): at least one cased character and no lower-case one. */
  static boolean isUpper(String s) {
    boolean cased = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      cased |= Character.isUpperCase(c);
    }
    return cased;
  }

  private static boolean allCapDifferential(String[] words) {
    int upper = 0;
    for (String w : words) {
      if (isUpper(w)) {
        upper++;
      }
    }
    int differential = words.length - upper;
    return differential > 0 && differential < words.length;
  }

  /**
   * VADER's {@code _strip_punc_if_word}: punctuation comes off a token only when more than two
   * characters remain, so that ":)" and ":D" stay emoticons. With {@link
   * EnglishRules.Rule#SHORT_WORDS}, it comes off a core of two letters too ("no!" is "no", "ok." is
   * "ok"), unless the token is itself in the lexicon (":D", "=P" keep their valence).
   */
  private String stripPunctuationIfWord(String token) {
    int start = 0;
    int end = token.length();
    while (start < end && PUNCTUATION.indexOf(token.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && PUNCTUATION.indexOf(token.charAt(end - 1)) >= 0) {
      end--;
    }
    if (end - start > 2) {
      return token.substring(start, end);
    }
    if (on(Rule.SHORT_WORDS)
        && end - start == 2
        && end - start < token.length()
        && allLetters(token, start, end)
        && !lexicon.containsKey(token.toLowerCase(java.util.Locale.ROOT))) {
      return token.substring(start, end);
    }
    return token;
  }

  private static boolean allLetters(String s, int start, int end) {
    for (int i = start; i < end; i++) {
      if (!Character.isLetter(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Emoji become their words ("😠" -> "angry face"), longest sequence first, as VADER does. */
  String expandEmoji(String text) {
    StringBuilder out = null;
    int i = 0;
    int len = text.length();
    while (i < len) {
      char c = text.charAt(i);
      if (c < 0x2000) {
        if (out != null) {
          out.append(c);
        }
        i++;
        continue;
      }
      String description = null;
      int matched = 0;
      for (int l = Math.min(longestEmojiFrom[c - 0x2000], len - i); l > 0; l--) {
        description = emoji.get(text.substring(i, i + l));
        if (description != null) {
          matched = l;
          break;
        }
      }
      if (out == null) {
        out = new StringBuilder(len + 32).append(text, 0, i);
      }
      if (description == null) {
        out.append(c);
        i++;
      } else {
        if (on(Rule.FACES)) {
          out.append(' ')
              .append(FACE_MARK)
              .append(' ')
              .append(description)
              .append(' ')
              .append(FACE_MARK)
              .append(' ');
        } else {
          out.append(' ').append(description).append(' ');
        }
        i += matched;
      }
    }
    return out == null ? text : out.toString();
  }

  /** Posts scraped from the web often keep their HTML escapes: "&lt;3" is a heart. */
  static String unescapeHtml(String s) {
    return s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
  }

  private static Map<String, Double> boosters() {
    List<Map.Entry<String, Double>> entries = new ArrayList<>();
    for (String w :
        ("absolutely amazingly awfully completely considerable considerably decidedly deeply effing"
                + " enormous enormously entirely especially exceptional exceptionally extreme"
                + " extremely fabulously flipping flippin frackin fracking fricking frickin frigging"
                + " friggin fully fuckin fucking fuggin fugging greatly hella highly hugely"
                + " incredible incredibly intensely major majorly more most particularly purely quite"
                + " really remarkably so substantially thoroughly total totally tremendous"
                + " tremendously uber unbelievably unusually utter utterly very")
            .split(" ")) {
      entries.add(Map.entry(w, B_INCR));
    }
    for (String w :
        ("almost barely hardly kinda kindof kind-of less little marginal marginally occasional"
                + " occasionally partly scarce scarcely slight slightly somewhat sorta sortof"
                + " sort-of")
            .split(" ")) {
      entries.add(Map.entry(w, B_DECR));
    }
    for (String w : new String[] {"just enough", "kind of", "sort of"}) {
      entries.add(Map.entry(w, B_DECR));
    }
    // Map.ofEntries rejects a word given twice
    return Resources.lookupMap(Map.ofEntries(entries.toArray(Map.Entry[]::new)));
  }
}
