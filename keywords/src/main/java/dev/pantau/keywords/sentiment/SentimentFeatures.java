package dev.pantau.keywords.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a text into the hashed features a {@link SentimentModel} reads, the same in training (the
 * tools module) and in scoring. Immutable and thread-safe.
 *
 * <ul>
 *   <li><b>English</b>: tokens lower-cased, with links, handles, numbers and the mention's own
 *       names replaced by {@code <url>}, {@code <user>}, {@code <num>}, {@code <brand>}; letters
 *       repeated three times or more squeezed to two; emoticons and emoji kept whole. Words (a word
 *       after a negator, within its clause, marked negated), word n-grams, character n-grams of the
 *       normalised text, a few marks of style (capitals, elongation, the last mark).
 *   <li><b>Indonesian</b>: {@link IndonesianFeatures} (words and pairs, negation, contrast weights,
 *       a question mark, names dropped) and character n-grams of {@link IndonesianTokenizer}'s
 *       tokens.
 *   <li><b>Rules</b> (both): the English rule scorer's compound, positive and negative shares and
 *       the compound's band, so a model keeps what the rules know ({@link EnglishScorer}).
 * </ul>
 *
 * <p>Each block (words, characters) is scaled to unit norm (1/&radic;count), so long and short
 * texts weigh alike.
 */
public final class SentimentFeatures {

  private static final int SEED_WORD = WordVectors.KEY_SEED;
  private static final int SEED_PAIR = 0x2b4d6e8;
  private static final int SEED_TRIPLE = 0x3c5e7f9;
  private static final int SEED_CHAR = 0x4d6f80a;
  private static final int SEED_RULE = 0x5e7091b;
  private static final int SEED_ID = 0x6f81a2c;
  private static final int SEED_LEX = 0x7092b3d;
  private static final int SEED_VEC = 0x81a3c4e;
  private static final String[] CLASSES = {
    "<-4>", "<-3>", "<-2>", "<-1>", "", "<+1>", "<+2>", "<+3>", "<+4>"
  };

  /** Words that negate what follows in their clause. */
  static final Set<String> NEGATORS = Resources.words("en_negators.txt");

  /** Bands of the compound score, each an indicator feature. */
  private static final double[] BANDS = {-0.75, -0.5, -0.25, -0.05, 0.05, 0.25, 0.5, 0.75};

  private final FeatureConfig config;
  private final EnglishScorer english;
  private final Set<String> emoticons;
  private final Map<String, Double> lexicon;
  private final int mask;
  private final float ruleWeight;
  private final WordVectors vectors;
  private final boolean vectorExtremes;
  private final boolean vectorNegation;
  private final int vectorSif;
  private final int vectorSkip;

  /**
   * The buckets of the word-vector features: the mean's dimensions, then the maximum's, the
   * minimum's.
   */
  private final int[] vectorBuckets;

  /**
   * The bucket of each of {@link #DENSE}, by its position there: hashed once, not per mention (the
   * rules' dozen features were a twentieth of an Indonesian mention's time).
   */
  private final int[] dense;

  private SentimentFeatures(FeatureConfig config, EnglishScorer english, WordVectors vectors) {
    this.config = config;
    this.english = english;
    this.lexicon = EnglishSupport.lexicon();
    this.emoticons = emoticons(lexicon);
    this.mask = config.buckets() - 1;
    this.ruleWeight = (float) config.ruleWeight();
    this.vectors = config.usesVectors() ? vectors : null;
    FeatureConfig.VectorMode mode = config.vectorMode();
    this.vectorExtremes = mode.extremes();
    this.vectorNegation = mode.negation();
    this.vectorSif = mode.sif();
    this.vectorSkip = mode.skip();
    int blocks = this.vectors == null ? 0 : vectorExtremes ? 3 : 1;
    this.vectorBuckets = new int[blocks * (this.vectors == null ? 0 : this.vectors.dims())];
    for (int k = 0; k < vectorBuckets.length; k++) {
      vectorBuckets[k] = FeatureHash.hash("^vec" + k, SEED_VEC) & mask;
    }
    this.dense = new int[DENSE.size()];
    for (int k = 0; k < dense.length; k++) {
      dense[k] = FeatureHash.hash(DENSE.get(k), SEED_RULE) & mask;
    }
  }

  /** An extractor for the configuration, with the shipped English rules and word vectors. */
  public static SentimentFeatures create(FeatureConfig config) {
    return new SentimentFeatures(
        config, EnglishSupport.scorer(), config.usesVectors() ? WordVectors.shipped() : null);
  }

  static SentimentFeatures create(FeatureConfig config, EnglishScorer english) {
    return new SentimentFeatures(
        config, english, config.usesVectors() ? WordVectors.shipped() : null);
  }

  /** An extractor reading the given word vectors (tests, and tables not yet shipped). */
  public static SentimentFeatures create(FeatureConfig config, WordVectors vectors) {
    return new SentimentFeatures(config, EnglishSupport.scorer(), vectors);
  }

  public FeatureConfig config() {
    return config;
  }

  private static Set<String> emoticons(Map<String, Double> lexicon) {
    java.util.HashSet<String> out = new java.util.HashSet<>();
    for (String k : lexicon.keySet()) {
      if (k.length() >= 2
          && k.length() <= 6
          && !k.chars().allMatch(Character::isLetterOrDigit)
          && k.charAt(0) < 0x2000) {
        out.add(k);
      }
    }
    return Resources.lookupSet(out);
  }

  /**
   * The features of a text.
   *
   * @param names the mention's own names (lower-case words), which become {@code <brand>}
   */
  public FeatureVector extract(String text, Set<String> names) {
    return extract(text, names, null);
  }

  /**
   * As {@link #extract(String, Set)}; English also puts the rules' compound, which the features
   * already computed, into {@code compound[0]} when {@code compound} is not null.
   */
  FeatureVector extract(String text, Set<String> names, double[] compound) {
    return extract(text, names, compound, null);
  }

  /**
   * As {@link #extract(String, Set, double[])}, into {@code into} (emptied first) when it is not
   * null: the scorer fills one vector per thread instead of allocating and zeroing one per mention.
   */
  FeatureVector extract(String text, Set<String> names, double[] compound, FeatureVector into) {
    String t = text == null ? "" : text;
    if (!names.isEmpty()) {
      t = collapseNames(t, names);
    }
    return config.language().equals("en")
        ? englishFeatures(t, names, compound, into)
        : indonesianFeatures(t, IndonesianTokenizer.tokenize(t), names, into);
  }

  /**
   * A run of the mention's names written one after another ("Best Buy", "Lucky Brand") kept as its
   * first word only, so a brand of two words reads exactly as a brand of one: swapping one brand
   * for another in the same words gives the same features.
   */
  static String collapseNames(String text, Set<String> names) {
    StringBuilder b = new StringBuilder(text.length());
    int n = text.length();
    int i = 0;
    boolean previousName = false;
    while (i < n) {
      int start = i;
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int wordStart = i;
      while (i < n && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (wordStart == i) {
        b.append(text, start, i);
        break;
      }
      int coreStart = wordStart;
      int coreEnd = i;
      while (coreStart < coreEnd && !Character.isLetterOrDigit(text.charAt(coreStart))) {
        coreStart++;
      }
      while (coreEnd > coreStart && !Character.isLetterOrDigit(text.charAt(coreEnd - 1))) {
        coreEnd--;
      }
      boolean name =
          coreStart == wordStart
              && coreEnd > coreStart
              && names.contains(
                  text.substring(coreStart, coreEnd).toLowerCase(java.util.Locale.ROOT));
      if (name && previousName) {
        b.append(text, coreEnd, i); // the word goes, its closing marks stay
      } else {
        b.append(text, start, i);
      }
      previousName = name && coreEnd == i;
    }
    return b.toString();
  }

  /** The English rule scorer's compound of the text (what the features see of the rules). */
  double compound(String text, Set<String> names) {
    return english.compound(text, names);
  }

  // ---------------------------------------------------------------- English

  /** English tokens as the features read them (without negation marks). */
  List<String> englishTokens(String text, Set<String> names) {
    String s = text.indexOf('&') >= 0 ? EnglishScorer.unescapeHtml(text) : text;
    List<String> tokens = new ArrayList<>(s.length() / 4 + 4);
    int n = s.length();
    int i = 0;
    while (i < n) {
      while (i < n && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (start < i) {
        rawToken(s, start, i, names, tokens);
      }
    }
    return tokens;
  }

  private void rawToken(String s, int start, int end, Set<String> names, List<String> out) {
    char c0 = s.charAt(start);
    if ((c0 == 'h' || c0 == 'H' || c0 == 'w')
        && (s.startsWith("http", start) || s.startsWith("www.", start))) {
      out.add("<url>");
      return;
    }
    if (c0 == '@' && end - start > 1) {
      out.add("<user>");
      // what follows a handle's name ("@acme's", "@acme:") is not a word
      return;
    }
    if (end - start <= 6 && end - start >= 2 && !lettersOrDigits(s, start, end)) {
      // every emoticon has a mark in it: a word of letters alone is none, and needs no substring
      String raw = s.substring(start, end);
      if (emoticons.contains(raw)) {
        out.add(raw);
        return;
      }
    }
    int i = start;
    while (i < end) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)
          || (c == '\'' || c == '\u2019')
              && i > start
              && i + 1 < end
              && Character.isLetter(s.charAt(i + 1))
              && Character.isLetter(s.charAt(i - 1))) {
        int ws = i;
        while (i < end) {
          char d = s.charAt(i);
          if (Character.isLetterOrDigit(d)) {
            i++;
          } else if ((d == '\'' || d == '\u2019')
              && i + 1 < end
              && Character.isLetter(s.charAt(i + 1))
              && i > ws) {
            i++;
          } else {
            break;
          }
        }
        out.add(word(s, ws, i, names));
      } else if (c == '!' || c == '?') {
        int rs = i;
        while (i < end && (s.charAt(i) == '!' || s.charAt(i) == '?')) {
          i++;
        }
        out.add(
            i - rs > 1
                ? (s.indexOf('?', rs) >= 0 && s.indexOf('?', rs) < i ? "??" : "!!")
                : String.valueOf(c));
      } else if (c == '.' || c == ',' || c == ';' || c == ':') {
        if (out.isEmpty() || !out.get(out.size() - 1).equals(".")) {
          out.add(c == ',' ? "," : ".");
        }
        i++;
      } else if (Character.isSurrogate(c) || c >= 0x2190) {
        int cp = s.codePointAt(i);
        i += Character.charCount(cp);
        if (cp == 0xFE0F
            || cp == 0x200D
            || (cp >= 0x1F3FB && cp <= 0x1F3FF)
            || Character.isLetterOrDigit(cp)) {
          continue;
        }
        if (Character.isSurrogate(c) || Character.getType(cp) == Character.OTHER_SYMBOL) {
          out.add(new String(Character.toChars(cp)));
        }
      } else {
        i++;
      }
    }
  }

  private static boolean lettersOrDigits(String s, int start, int end) {
    for (int k = start; k < end; k++) {
      if (!Character.isLetterOrDigit(s.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@link #word} would change the characters of {@code s[start, end)}: an upper-case
   * letter, a typographic apostrophe or a run of three.
   */
  private static boolean changes(String s, int start, int end) {
    char prev = 0;
    int run = 0;
    for (int k = start; k < end; k++) {
      char c = s.charAt(k);
      if (c == '\u2019' || Character.toLowerCase(c) != c) {
        return true;
      }
      run = c == prev ? run + 1 : 1;
      prev = c;
      if (run > 2) {
        return true;
      }
    }
    return false;
  }

  private static String word(String s, int start, int end, Set<String> names) {
    boolean digits = true;
    for (int k = start; k < end; k++) {
      if (!Character.isDigit(s.charAt(k))) {
        digits = false;
        break;
      }
    }
    if (digits) {
      return "<num>";
    }
    if (!changes(s, start, end)) {
      String w = s.substring(start, end);
      return !names.isEmpty() && names.contains(w) ? "<brand>" : w;
    }
    StringBuilder b = new StringBuilder(end - start);
    char prev = 0;
    int run = 0;
    for (int k = start; k < end; k++) {
      char c = Character.toLowerCase(s.charAt(k));
      if (c == '\u2019') {
        c = '\'';
      }
      run = c == prev ? run + 1 : 1;
      prev = c;
      if (run <= 2) {
        b.append(c);
      }
    }
    String w = b.toString();
    if (!names.isEmpty() && names.contains(w)) {
      return "<brand>";
    }
    return w;
  }

  private static boolean negator(String w) {
    return NEGATORS.contains(w) || w.endsWith("n't");
  }

  private static boolean clauseEnd(String t) {
    return t.equals(".")
        || t.equals(",")
        || t.equals("!")
        || t.equals("?")
        || t.equals("!!")
        || t.equals("??");
  }

  private FeatureVector englishFeatures(
      String text, Set<String> names, double[] compound, FeatureVector into) {
    List<String> tokens = englishTokens(text, names);
    int n = tokens.size();
    FeatureVector v = vector(into, n * 3 + text.length() * 3 + 24);
    // words, negated within their clause
    int from = v.size();
    boolean negated = false;
    boolean[] negators = new boolean[n];
    float[] acc = vectors == null ? null : new float[vectorBuckets.length];
    int known = 0;
    for (int i = 0; i < n; i++) {
      String t = tokens.get(i);
      if (clauseEnd(t)) {
        negated = false;
      }
      int h = FeatureHash.hash(t, SEED_WORD);
      v.add((negated ? FeatureHash.fmix(h ^ 0x7fffffff) : h) & mask, 1f);
      if (acc != null && Character.isLetterOrDigit(t.charAt(0))) {
        // SEED_WORD is the table's key seed: the word's hash finds its row
        int r = vectors.tokenRow(t, h);
        if (r >= vectorSkip) {
          accumulate(acc, r, negated, known == 0);
          known++;
        }
      }
      if (config.negation() && negator(t)) {
        negated = true;
        negators[i] = true;
      }
    }
    if (config.lexiconClasses()) {
      lexiconClasses(v, tokens, negators);
    }
    if (config.wordNgrams() >= 2 && n > 1) {
      // each token's two hashes once, not once as a pair's first word and again as its second
      int[] first = new int[n];
      int[] second = new int[n];
      for (int i = 0; i < n; i++) {
        first[i] = FeatureHash.hash(tokens.get(i), SEED_PAIR);
        second[i] = FeatureHash.hash(tokens.get(i), FeatureHash.secondSeed(SEED_PAIR));
      }
      for (int i = 0; i + 1 < n; i++) {
        v.add(FeatureHash.pair(first[i], second[i + 1]) & mask, 1f);
      }
    }
    if (config.wordNgrams() >= 3) {
      for (int i = 0; i + 2 < n; i++) {
        v.add(
            FeatureHash.hash3(tokens.get(i), tokens.get(i + 1), tokens.get(i + 2), SEED_TRIPLE)
                & mask,
            1f);
      }
    }
    normalise(v, from, 1f);
    if (acc != null) {
      addVectors(v, acc, known);
    }
    characters(v, tokens);
    style(v, text, tokens);
    if (config.rules()) {
      VaderScores s = english.analyse(text, names);
      rules(v, s);
      if (compound != null) {
        compound[0] = s.compound();
      }
    } else if (compound != null) {
      compound[0] = english.compound(text, names);
    }
    rule(v, BIAS, 1f);
    return v;
  }

  /**
   * Adds one known word's vector to the sums (and with {@code max} to the element-wise maximum and
   * minimum): {@code acc} holds the sum, then the maximum, then the minimum.
   */
  private void accumulate(float[] acc, int r, boolean negated, boolean first) {
    float sign = vectorNegation && negated ? -1f : 1f;
    if (vectorSif > 0) {
      // rows are in GloVe's order of frequency: rank r + 1
      sign *= (float) (r + 1) / (r + 1 + vectorSif);
    }
    if (!vectorExtremes) {
      vectors.addTo(r, sign, acc);
      return;
    }
    int dims = vectors.dims();
    for (int d = 0; d < dims; d++) {
      float x = vectors.get(r, d) * sign;
      acc[d] += x;
      if (first || x > acc[dims + d]) {
        acc[dims + d] = x;
      }
      if (first || x < acc[2 * dims + d]) {
        acc[2 * dims + d] = x;
      }
    }
  }

  /**
   * The word-vector blocks (the mean, and with {@code max} the maximum and minimum), each scaled to
   * unit norm times {@code vectorWeight}; a text with no known word adds nothing (all zeros).
   */
  private void addVectors(FeatureVector v, float[] acc, int known) {
    if (known == 0) {
      return;
    }
    int dims = vectors.dims();
    float weight = (float) config.vectorWeight();
    for (int off = 0; off < acc.length; off += dims) {
      double norm = 0;
      for (int d = off; d < off + dims; d++) {
        norm += (double) acc[d] * acc[d];
      }
      if (norm > 0) {
        float f = (float) (weight / Math.sqrt(norm));
        for (int d = off; d < off + dims; d++) {
          v.add(vectorBuckets[d], acc[d] * f);
        }
      }
    }
  }

  /** The class of a lexicon word ({@code <+2>}), or null. */
  private String lexiconClass(String token) {
    Double v = lexicon.get(token);
    if (v == null || Math.abs(v) < 0.5) {
      return null;
    }
    int c = (int) Math.min(4, Math.round(Math.abs(v)));
    return CLASSES[4 + (v > 0 ? c : -c)];
  }

  /**
   * @param negators which tokens negate (what the word features found, with {@link
   *     FeatureConfig#negation()})
   */
  private void lexiconClasses(FeatureVector v, List<String> tokens, boolean[] negators) {
    boolean negated = false;
    int n = tokens.size();
    for (int i = 0; i < n; i++) {
      String t = tokens.get(i);
      if (clauseEnd(t)) {
        negated = false;
      }
      String c = lexiconClass(t);
      if (c != null) {
        int h = FeatureHash.hash(c, SEED_LEX);
        v.add((negated ? FeatureHash.fmix(h ^ 0x7fffffff) : h) & mask, 1f);
        if (i > 0) {
          v.add(FeatureHash.hash2(tokens.get(i - 1), c, SEED_LEX) & mask, 1f);
        }
        if (i + 1 < n) {
          v.add(FeatureHash.hash2(c, tokens.get(i + 1), SEED_LEX + 1) & mask, 1f);
        }
      }
      if (negators[i]) {
        negated = true;
      }
    }
  }

  private void style(FeatureVector v, String text, List<String> tokens) {
    int caps = 0;
    int letters = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        if (Character.isUpperCase(c)) {
          caps++;
        }
      }
    }
    if (letters >= 8 && caps * 2 > letters) {
      rule(v, SHOUTING, 1f);
    }
    if (!tokens.isEmpty()) {
      String last = tokens.get(tokens.size() - 1);
      if (last.equals("!")) {
        rule(v, LAST_BANG, 1f);
      } else if (last.equals("!!")) {
        rule(v, LAST_BANGS, 1f);
      } else if (last.equals("?")) {
        rule(v, LAST_QUESTION, 1f);
      } else if (last.equals("??")) {
        rule(v, LAST_QUESTIONS, 1f);
      }
    }
  }

  private void characters(FeatureVector v, List<String> tokens) {
    if (config.charMin() <= 0) {
      return;
    }
    int len = 1;
    for (String t : tokens) {
      len += t.length() + 1;
    }
    char[] b = new char[len];
    b[0] = ' ';
    int at = 1;
    for (String t : tokens) {
      t.getChars(0, t.length(), b, at);
      at += t.length();
      b[at++] = ' ';
    }
    int from = v.size();
    int[] pairs = FeatureHash.pairKeys(b, len);
    int[] tails = FeatureHash.tailKeys(b, len);
    for (int k = config.charMin(); k <= config.charMax(); k++) {
      int seed = SEED_CHAR + k;
      for (int i = 0; i + k <= len; i++) {
        v.add(FeatureHash.hash(pairs, tails, i, k, seed) & mask, 1f);
      }
    }
    normalise(v, from, (float) config.charWeight());
  }

  private static void normalise(FeatureVector v, int from, float weight) {
    int count = v.size() - from;
    if (count > 0) {
      v.scale(from, (float) (weight / Math.sqrt(count)));
    }
  }

  private void rules(FeatureVector v, VaderScores s) {
    float w = ruleWeight;
    rule(v, COMPOUND, (float) s.compound() * w);
    rule(v, POSITIVE, (float) s.positive() * w);
    rule(v, NEGATIVE, (float) s.negative() * w);
    if (s.positive() == 0.0 && s.negative() == 0.0) {
      rule(v, NO_OPINION_WORD, w);
    }
    if (config.ruleDetail()) {
      rule(v, STRONGEST_POSITIVE, (float) (s.strongestPositive() / 4.0) * w);
      rule(v, STRONGEST_NEGATIVE, (float) (s.strongestNegative() / 4.0) * w);
      rule(v, LAST, (float) (s.last() / 4.0) * w);
      rule(v, WORDS_POSITIVE, (float) Math.min(1.0, s.positiveWords() / 4.0) * w);
      rule(v, WORDS_NEGATIVE, (float) Math.min(1.0, s.negativeWords() / 4.0) * w);
      if (s.positiveWords() > 0 && s.negativeWords() > 0) {
        rule(v, MIXED, w);
      }
    }
    int band = 0;
    while (band < BANDS.length && s.compound() >= BANDS[band]) {
      band++;
    }
    rule(v, BAND0 + band, w);
  }

  /** Names of the dense features: the rules' scores, marks of style and the bias. */
  private static final List<String> DENSE =
      List.of(
          "^compound",
          "^positive",
          "^negative",
          "^no-opinion-word",
          "^strongest+",
          "^strongest-",
          "^last",
          "^words+",
          "^words-",
          "^mixed",
          "^band0",
          "^band1",
          "^band2",
          "^band3",
          "^band4",
          "^band5",
          "^band6",
          "^band7",
          "^band8",
          "^bias",
          "^shouting",
          "^last!",
          "^last!!",
          "^last?",
          "^last??",
          "^question");

  // positions in DENSE, found by name so the two cannot drift apart
  private static final int COMPOUND = DENSE.indexOf("^compound");
  private static final int POSITIVE = DENSE.indexOf("^positive");
  private static final int NEGATIVE = DENSE.indexOf("^negative");
  private static final int NO_OPINION_WORD = DENSE.indexOf("^no-opinion-word");
  private static final int STRONGEST_POSITIVE = DENSE.indexOf("^strongest+");
  private static final int STRONGEST_NEGATIVE = DENSE.indexOf("^strongest-");
  private static final int LAST = DENSE.indexOf("^last");
  private static final int WORDS_POSITIVE = DENSE.indexOf("^words+");
  private static final int WORDS_NEGATIVE = DENSE.indexOf("^words-");
  private static final int MIXED = DENSE.indexOf("^mixed");
  private static final int BAND0 = DENSE.indexOf("^band0");
  private static final int BIAS = DENSE.indexOf("^bias");
  private static final int SHOUTING = DENSE.indexOf("^shouting");
  private static final int LAST_BANG = DENSE.indexOf("^last!");
  private static final int LAST_BANGS = DENSE.indexOf("^last!!");
  private static final int LAST_QUESTION = DENSE.indexOf("^last?");
  private static final int LAST_QUESTIONS = DENSE.indexOf("^last??");
  private static final int QUESTION = DENSE.indexOf("^question");

  /**
   * The buckets of the dense features (rule scores, style, bias): the trainer leaves them out of
   * its naive-Bayes scaling, which is for the sparse n-grams.
   */
  public int[] denseBuckets() {
    return java.util.stream.IntStream.concat(
            DENSE.stream().mapToInt(n -> FeatureHash.hash(n, SEED_RULE) & mask),
            java.util.Arrays.stream(vectorBuckets))
        .toArray();
  }

  private void rule(FeatureVector v, int denseFeature, float value) {
    v.add(dense[denseFeature], value);
  }

  // ---------------------------------------------------------------- Indonesian

  private static final IndonesianFeatures.Options ID_OPTIONS = IndonesianFeatures.Options.ALL;

  /** Whether the text has any Indonesian word token (else the English rules score it). */
  static boolean hasWords(List<String> idTokens) {
    for (String t : idTokens) {
      if (!t.equals(IndonesianTokenizer.BOUNDARY)) {
        return true;
      }
    }
    return false;
  }

  private static FeatureVector vector(FeatureVector into, int capacity) {
    if (into == null) {
      return new FeatureVector(capacity);
    }
    into.clear();
    return into;
  }

  FeatureVector indonesianFeatures(String text, List<String> tokens, Set<String> names) {
    return indonesianFeatures(text, tokens, names, null);
  }

  /** As {@link #indonesianFeatures(String, List, Set)}, into {@code into} when not null. */
  FeatureVector indonesianFeatures(
      String text, List<String> tokens, Set<String> names, FeatureVector into) {
    VaderScores en = config.rules() ? english.analyse(text, names) : VaderScores.EMPTY;
    IndonesianFeatures.Options options =
        new IndonesianFeatures.Options(
            config.negation(), config.wordNgrams() >= 2, true, false, true);
    Map<String, Double> words = IndonesianFeatures.extract(text, tokens, 0.0, options, names);
    FeatureVector v = vector(into, words.size() + text.length() * 3 + 24);
    int from = v.size();
    for (Map.Entry<String, Double> f : words.entrySet()) {
      String k = f.getKey();
      if (!k.startsWith("^")) {
        v.add(FeatureHash.hash(k, SEED_ID) & mask, f.getValue().floatValue());
      }
    }
    normalise(v, from, 1f);
    if (config.charMin() > 0) {
      List<String> kept = new ArrayList<>(tokens.size());
      for (String t : tokens) {
        if (!IndonesianFeatures.NAMES.contains(t) && !names.contains(t)) {
          kept.add(t.equals(IndonesianTokenizer.BOUNDARY) ? "." : t);
        }
      }
      characters(v, kept);
    }
    if (text.indexOf('?') >= 0) {
      rule(v, QUESTION, 1f);
    }
    if (config.rules()) {
      rules(v, en);
    }
    rule(v, BIAS, 1f);
    return v;
  }
}
