package dev.pantau.keywords.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tokens of an Indonesian post for sentiment: lower-cased words, slang spelled out ("gak" ->
 * "tidak", "bgt" -> "banget"), letters repeated for emphasis squeezed ("bagusss" -> "bagus"),
 * reduplication folded ("enak-enak" -> "enak"), and sentence marks kept as boundaries.
 *
 * <p>Hand-written rather than Lucene's {@code IndonesianAnalyzer}: that one drops the negators,
 * intensifiers and contrast words as stop words and over-stems ("mengecewakan" -> "ecewa"), which
 * are exactly the words sentiment turns on. No stemming here: the model learns the forms it sees.
 */
final class IndonesianTokenizer {

  /** A sentence boundary token: '.', '!', '?', ',' and the like end a negation's scope. */
  static final String BOUNDARY = "|";

  static final Set<String> NEGATORS = Resources.words("id_negators.txt");

  static final Set<String> CONTRASTS = Resources.words("id_contrasts.txt");

  /** Slang and abbreviations of social posts, to the word SmSA's reviews mostly spell out. */
  static final Map<String, String> SLANG = Resources.strings("id_slang.tsv");

  private IndonesianTokenizer() {}

  static List<String> tokenize(String text) {
    String s = text.toLowerCase(Locale.ROOT);
    List<String> tokens = new ArrayList<>(s.length() / 5 + 4);
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if ((c == 'h' || c == 'w')
          && (i == 0 || Character.isWhitespace(s.charAt(i - 1)))
          && isLink(s, i)) {
        while (i < n && !Character.isWhitespace(s.charAt(i))) {
          i++;
        }
        continue;
      }
      if (Character.isLetterOrDigit(c)) {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || isInnerJoiner(s, i))) {
          i++;
        }
        addWord(tokens, s.substring(start, i));
      } else {
        if (c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == ':' || c == '\n') {
          if (tokens.isEmpty() || !tokens.get(tokens.size() - 1).equals(BOUNDARY)) {
            tokens.add(BOUNDARY);
          }
        }
        i++;
      }
    }
    return tokens;
  }

  private static boolean isLink(String s, int i) {
    return s.startsWith("http://", i) || s.startsWith("https://", i) || s.startsWith("www.", i);
  }

  /** A hyphen or apostrophe between two letters belongs to the word: "enak-enak", "jum'at". */
  private static boolean isInnerJoiner(String s, int i) {
    char c = s.charAt(i);
    return (c == '-' || c == '\'')
        && i > 0
        && i + 1 < s.length()
        && Character.isLetter(s.charAt(i - 1))
        && Character.isLetter(s.charAt(i + 1));
  }

  private static void addWord(List<String> tokens, String word) {
    int dash = word.indexOf('-');
    if (dash > 0) {
      String left = word.substring(0, dash);
      String right = word.substring(dash + 1);
      // Reduplication ("enak-enak", "pelan-pelan", "benar-benar") repeats the word.
      if (left.equals(right) || right.startsWith(left)) {
        word = left;
      } else {
        addWord(tokens, left);
        addWord(tokens, right);
        return;
      }
    }
    word = squeeze(word);
    String normal = SLANG.get(word);
    tokens.add(normal != null ? normal : word);
  }

  /** Runs of three or more of one letter are emphasis: "bagusss" -> "bagus", "lamaaa" -> "lama". */
  static String squeeze(String w) {
    int n = w.length();
    StringBuilder b = null;
    int i = 0;
    while (i < n) {
      char c = w.charAt(i);
      int j = i + 1;
      while (j < n && w.charAt(j) == c) {
        j++;
      }
      if (j - i >= 3 && b == null) {
        b = new StringBuilder(n).append(w, 0, i);
      }
      if (b != null) {
        b.append(w, i, j - i >= 3 ? i + 1 : j);
      }
      i = j;
    }
    return b == null ? w : b.toString();
  }
}
