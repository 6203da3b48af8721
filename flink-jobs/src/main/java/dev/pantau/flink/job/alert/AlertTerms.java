package dev.pantau.flink.job.alert;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a mention that alert context counts: lowercased words of three or more characters,
 * hashtags kept with their {@code #}, URLs, handles and common English and Indonesian function
 * words left out. Each word counts once per mention.
 */
public final class AlertTerms {
  private static final Set<String> STOP =
      Set.of(
          "the", "and", "for", "you", "your", "with", "this", "that", "are", "was", "but", "not",
          "have", "has", "its", "it's", "our", "out", "all", "any", "can", "just", "from", "they",
          "what", "when", "who", "why", "how", "will", "would", "there", "their", "about", "been",
          "more", "than", "then", "them", "into", "yang", "dan", "di", "ke", "dari", "ini", "itu",
          "untuk", "dengan", "tidak", "gak", "nggak", "ada", "aja", "juga", "sudah", "udah", "saya",
          "aku", "kamu", "kami", "kita", "mereka", "karena", "jadi", "lagi", "bisa", "mau", "akan",
          "atau", "pada", "dalam", "buat", "sama", "banget", "kok", "sih", "deh", "nya", "yg",
          "utk", "dgn", "tapi", "kalau", "kalo", "https", "http", "www", "com");

  private AlertTerms() {}

  public static String[] of(String title, String text) {
    Set<String> out = new LinkedHashSet<>();
    add(title, out);
    add(text, out);
    return out.toArray(new String[0]);
  }

  private static void add(String s, Set<String> out) {
    if (s == null || s.isEmpty()) {
      return;
    }
    for (String raw : s.split("\\s+")) {
      if (raw.startsWith("http://") || raw.startsWith("https://") || raw.startsWith("@")) {
        continue;
      }
      String w = raw.toLowerCase(Locale.ROOT);
      int from = 0;
      int to = w.length();
      while (from < to && !isWordChar(w.charAt(from)) && w.charAt(from) != '#') {
        from++;
      }
      while (to > from && !isWordChar(w.charAt(to - 1))) {
        to--;
      }
      w = w.substring(from, to);
      if (w.endsWith("'s")) {
        w = w.substring(0, w.length() - 2);
      }
      int letters = w.startsWith("#") ? w.length() - 1 : w.length();
      if (letters >= 3
          && !STOP.contains(w)
          && w.chars()
              .skip(w.startsWith("#") ? 1 : 0)
              .allMatch(c -> isWordChar((char) c) || c == '\'' || c == '-')) {
        out.add(w);
      }
    }
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
