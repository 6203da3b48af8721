package dev.pantau.keywords.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;
import org.apache.lucene.analysis.id.IndonesianStemmer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * The indexed forms of one word, shared by the mention side and the query side so both agree.
 *
 * <ul>
 *   <li>{@link #fold}: lowercase and ASCII folding ({@code Café} is {@code cafe}).
 *   <li>{@link #variants}: a word with a run of three or more equal letters ({@code bagusss}) also
 *       stands for the run cut to two and to one ({@code baguss}, {@code bagus}).
 *   <li>{@link #stem}: the light stem for the mention's language (English: Lucene's {@code
 *       EnglishMinimalStemmer}, plurals only; Indonesian: Lucene's {@code IndonesianStemmer} in its
 *       inflectional mode, particles and possessive clitics such as {@code -nya} only), indexed
 *       only when it differs from the word. A query word matches its own forms and its stems in
 *       both languages.
 * </ul>
 */
public final class WordForms {

  private static final int CACHE_LIMIT = 200_000;

  private static final ConcurrentHashMap<String, String> EN_CACHE = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<String, String> ID_CACHE = new ConcurrentHashMap<>();
  private static final EnglishMinimalStemmer EN = new EnglishMinimalStemmer();
  private static final ThreadLocal<IndonesianStemmer> ID =
      ThreadLocal.withInitial(IndonesianStemmer::new);

  private WordForms() {}

  /** Lowercase and fold accents to ASCII where Lucene's {@link ASCIIFoldingFilter} knows how. */
  public static String fold(String s) {
    boolean ascii = true;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        ascii = false;
        break;
      }
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (ascii) {
      return lower;
    }
    char[] in = lower.toCharArray();
    char[] out = new char[in.length * 4];
    int len = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
    return new String(out, 0, len);
  }

  /** The word itself first, then its repeated-letter reductions (if any). */
  public static List<String> variants(String folded) {
    if (!hasRun(folded)) {
      return List.of(folded);
    }
    List<String> out = new ArrayList<>(3);
    out.add(folded);
    String two = collapse(folded, 2);
    if (!two.equals(folded)) {
      out.add(two);
    }
    String one = collapse(folded, 1);
    if (!out.contains(one)) {
      out.add(one);
    }
    return out;
  }

  /** The word a stemmer should see: runs of repeated letters cut to one. */
  public static String stemInput(String folded) {
    return hasRun(folded) ? collapse(folded, 1) : folded;
  }

  static boolean hasRun(String s) {
    for (int i = 2; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == s.charAt(i - 1) && c == s.charAt(i - 2) && Character.isLetter(c)) {
        return true;
      }
    }
    return false;
  }

  private static String collapse(String s, int keep) {
    StringBuilder sb = new StringBuilder(s.length());
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      run = i > 0 && s.charAt(i - 1) == c && Character.isLetter(c) ? run + 1 : 1;
      if (run <= keep) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The stem of a folded word for {@code lang} ({@code en} or {@code id}), else null. */
  public static String stem(String folded, String lang) {
    if ("en".equals(lang)) {
      return cached(EN_CACHE, folded, WordForms::stemEnglish);
    }
    if ("id".equals(lang)) {
      return cached(ID_CACHE, folded, WordForms::stemIndonesian);
    }
    return null;
  }

  /** Whether the language has a stemmer here. */
  public static boolean stems(String lang) {
    return "en".equals(lang) || "id".equals(lang);
  }

  private static String cached(
      ConcurrentHashMap<String, String> cache,
      String word,
      java.util.function.UnaryOperator<String> f) {
    String s = cache.get(word);
    if (s == null) {
      s = f.apply(word);
      if (cache.size() > CACHE_LIMIT) {
        cache.clear();
      }
      cache.put(word, s);
    }
    return s;
  }

  private static String stemEnglish(String word) {
    char[] buf = word.toCharArray();
    return new String(buf, 0, EN.stem(buf, buf.length));
  }

  private static String stemIndonesian(String word) {
    char[] buf = word.toCharArray();
    // Inflectional only (-lah, -kah, -pun, -ku, -mu, -nya): derivational stemming strips prefixes
    // such as per- and me-, which turns brand names into other words (pertamina -> tamina).
    int len = ID.get().stem(buf, buf.length, false);
    return new String(buf, 0, len);
  }
}
