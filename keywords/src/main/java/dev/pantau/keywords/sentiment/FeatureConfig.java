package dev.pantau.keywords.sentiment;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What {@link SentimentFeatures} extracts for one language: written into the model file's header by
 * the trainer and read back at load time, so a model is always scored with the features it was
 * trained on.
 *
 * @param language "en" or "id"
 * @param bits the hashing space is {@code 2^bits} buckets
 * @param wordNgrams word n-grams up to this length (1 unigrams only, 2 with pairs, 3 with triples)
 * @param charMin shortest character n-gram (0: none)
 * @param charMax longest character n-gram
 * @param negation mark the words after a negator within its clause ("not good" gives "good_NEG")
 * @param rules the rule scorer's sub-scores as features (compound, positive and negative shares,
 *     the compound's band); {@code ruleWeight} multiplies them
 * @param ruleWeight scale of the rule features (their effective regularisation)
 * @param charWeight scale of the character n-gram block (each block has unit norm before it)
 * @param ruleDetail also the rules' per-token figures: strongest positive and negative valence, the
 *     last one, how many of each sign, both signs present
 * @param lexiconClasses each lexicon word also read as its class ({@code <+2>}: positive, valence
 *     about 2), alone (negated in a negated clause) and beside its neighbours, so what is learnt of
 *     one opinion word carries to the others of its strength
 * @param rulesLed English: where the model's likeliest class is neutral and the rules' compound is
 *     at least this far from 0, the rules' sign decides (0: never); chosen by cross-validation on
 *     the training data as the widest setting that costs nothing there
 * @param vectors English: the GloVe vectors of the words ({@link WordVectors}) as dense features,
 *     {@link VectorMode}; each block is scaled to unit norm
 * @param vectorWeight scale of the word-vector blocks
 */
public record FeatureConfig(
    String language,
    int bits,
    int wordNgrams,
    int charMin,
    int charMax,
    boolean negation,
    boolean rules,
    double ruleWeight,
    double charWeight,
    boolean ruleDetail,
    boolean lexiconClasses,
    double rulesLed,
    String vectors,
    double vectorWeight) {

  /**
   * The word-vector features ({@code vectors}): {@code none}, or {@code mean} followed by options
   * joined with {@code +}: {@code max} (also the element-wise maximum and minimum), {@code neg}
   * (the vectors of the words after a negator in its clause flipped in sign), {@code sifN} (each
   * word weighted by {@code rank / (rank + N)}, its rank in GloVe's order of frequency: the smooth
   * inverse frequency of Arora et al., so "the" and "," weigh little), {@code skipN} (the N most
   * frequent words left out: they would weigh little, and each costs a pass over its vector).
   */
  public record VectorMode(boolean on, boolean extremes, boolean negation, int sif, int skip) {
    public static VectorMode parse(String s) {
      if (s.equals("none")) {
        return new VectorMode(false, false, false, 0, 0);
      }
      String[] parts = s.split("\\+");
      if (!parts[0].equals("mean")) {
        throw new IllegalArgumentException(
            "vectors must be none or mean[+max][+neg][+sifN][+skipN]: " + s);
      }
      boolean extremes = false;
      boolean negation = false;
      int sif = 0;
      int skip = 0;
      for (int i = 1; i < parts.length; i++) {
        if (parts[i].equals("max")) {
          extremes = true;
        } else if (parts[i].equals("neg")) {
          negation = true;
        } else if (parts[i].startsWith("skip")) {
          skip = Integer.parseInt(parts[i].substring(4));
        } else if (parts[i].startsWith("sif")) {
          sif = Integer.parseInt(parts[i].substring(3));
        } else {
          throw new IllegalArgumentException("unknown vectors option " + parts[i] + " in " + s);
        }
      }
      return new VectorMode(true, extremes, negation, sif, skip);
    }
  }

  /** As the canonical constructor, without word vectors. */
  public FeatureConfig(
      String language,
      int bits,
      int wordNgrams,
      int charMin,
      int charMax,
      boolean negation,
      boolean rules,
      double ruleWeight,
      double charWeight,
      boolean ruleDetail,
      boolean lexiconClasses,
      double rulesLed) {
    this(
        language,
        bits,
        wordNgrams,
        charMin,
        charMax,
        negation,
        rules,
        ruleWeight,
        charWeight,
        ruleDetail,
        lexiconClasses,
        rulesLed,
        "none",
        1.0);
  }

  public FeatureConfig {
    VectorMode.parse(vectors);
    if (!vectors.equals("none") && !language.equals("en")) {
      throw new IllegalArgumentException("word vectors are English only");
    }
    if (!language.equals("en") && !language.equals("id")) {
      throw new IllegalArgumentException("language must be en or id: " + language);
    }
    if (bits < 10 || bits > 24) {
      throw new IllegalArgumentException("bits out of [10, 24]: " + bits);
    }
    if (wordNgrams < 1 || wordNgrams > 3) {
      throw new IllegalArgumentException("wordNgrams out of [1, 3]: " + wordNgrams);
    }
    if (charMin < 0 || (charMin > 0 && charMax < charMin) || charMax > 8) {
      throw new IllegalArgumentException("character n-grams: " + charMin + ".." + charMax);
    }
  }

  /** The number of hashing buckets. */
  public int buckets() {
    return 1 << bits;
  }

  /** Whether the features read word vectors ({@link WordVectors}). */
  public boolean usesVectors() {
    return !vectors.equals("none");
  }

  public VectorMode vectorMode() {
    return VectorMode.parse(vectors);
  }

  /**
   * The header form: {@code key=value} pairs separated by {@code ;}, in a fixed order ({@code
   * rulesLed} only when set, so the models without it keep their bytes).
   */
  public String format() {
    return String.format(
            Locale.ROOT,
            "language=%s;bits=%d;wordNgrams=%d;charMin=%d;charMax=%d;negation=%b;rules=%b;ruleWeight=%s;charWeight=%s;ruleDetail=%b;lexiconClasses=%b",
            language,
            bits,
            wordNgrams,
            charMin,
            charMax,
            negation,
            rules,
            number(ruleWeight),
            number(charWeight),
            ruleDetail,
            lexiconClasses)
        + (rulesLed > 0 ? ";rulesLed=" + number(rulesLed) : "")
        + (usesVectors() ? ";vectors=" + vectors + ";vectorWeight=" + number(vectorWeight) : "");
  }

  private static String number(double x) {
    return String.format(Locale.ROOT, "%.4f", x);
  }

  /** Reads {@link #format()}. */
  public static FeatureConfig parse(String s) {
    Map<String, String> kv = new LinkedHashMap<>();
    for (String part : s.trim().split(";")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("not key=value: " + part);
      }
      kv.put(part.substring(0, eq), part.substring(eq + 1));
    }
    try {
      return new FeatureConfig(
          kv.get("language"),
          Integer.parseInt(kv.get("bits")),
          Integer.parseInt(kv.get("wordNgrams")),
          Integer.parseInt(kv.get("charMin")),
          Integer.parseInt(kv.get("charMax")),
          Boolean.parseBoolean(kv.get("negation")),
          Boolean.parseBoolean(kv.get("rules")),
          Double.parseDouble(kv.get("ruleWeight")),
          Double.parseDouble(kv.get("charWeight")),
          Boolean.parseBoolean(kv.getOrDefault("ruleDetail", "false")),
          Boolean.parseBoolean(kv.getOrDefault("lexiconClasses", "false")),
          Double.parseDouble(kv.getOrDefault("rulesLed", "0")),
          kv.getOrDefault("vectors", "none"),
          Double.parseDouble(kv.getOrDefault("vectorWeight", "1")));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("bad feature configuration: " + s, e);
    }
  }
}
