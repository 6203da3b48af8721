package dev.pantau.keywords.lang;

import dev.pantau.keywords.analysis.SocialToken;
import dev.pantau.keywords.analysis.SocialTokenizer;
import dev.pantau.keywords.analysis.WordForms;
import java.util.List;
import java.util.Set;

/**
 * Tells English from Indonesian (else {@code und}) by counting function words and Indonesian
 * affixes.
 *
 * <p>Hand-written instead of a general detector (such as optimaize's language-detector) because
 * Pantau only needs two languages, detection runs on every mention in the matching hot path, and a
 * general n-gram detector costs tens of megabytes of profiles and pulls in an old Guava. Short
 * social posts are mostly function words and slang, which this scorer covers in both languages
 * (Indonesian informal forms such as {@code gak}, {@code udah}, {@code banget} included).
 */
public final class LanguageDetector {

  public static final String ENGLISH = "en";
  public static final String INDONESIAN = "id";
  public static final String UNDETERMINED = "und";

  /** Fewer scored words than this gives {@code und}. */
  public static final int MIN_EVIDENCE = 1;

  private static final Set<String> EN =
      words(
          "the", "a", "an", "and", "or", "but", "is", "are", "was", "were", "be", "been", "being",
          "have", "has", "had", "do", "does", "did", "not", "no", "yes", "of", "to", "in", "on",
          "at", "for", "with", "from", "by", "about", "as", "into", "than", "then", "that", "this",
          "these", "those", "it", "its", "i", "you", "he", "she", "we", "they", "me", "him", "her",
          "us", "them", "my", "your", "his", "our", "their", "what", "which", "who", "whom", "why",
          "how", "when", "where", "there", "here", "all", "any", "some", "just", "so", "very",
          "really", "too", "can", "could", "will", "would", "should", "may", "might", "must", "if",
          "because", "while", "after", "before", "again", "more", "most", "much", "only", "own",
          "same", "such", "also", "get", "got", "still", "never", "ever", "always", "new", "good",
          "bad", "great", "love", "hate", "like", "dont", "cant", "wont", "im", "ive", "its",
          "thats", "doesnt", "didnt", "isnt", "today", "now", "out", "up", "down", "over", "please",
          "thanks", "thank", "again", "one");

  private static final Set<String> ID =
      words(
          "yang",
          "dan",
          "di",
          "ke",
          "dari",
          "ini",
          "itu",
          "untuk",
          "dengan",
          "tidak",
          "tak",
          "ada",
          "saya",
          "aku",
          "kamu",
          "anda",
          "dia",
          "kami",
          "kita",
          "mereka",
          "juga",
          "sudah",
          "udah",
          "sdh",
          "akan",
          "bisa",
          "lagi",
          "banget",
          "bgt",
          "gak",
          "nggak",
          "ga",
          "gk",
          "enggak",
          "tdk",
          "aja",
          "saja",
          "sama",
          "karena",
          "krn",
          "tapi",
          "tetapi",
          "namun",
          "kalau",
          "kalo",
          "atau",
          "buat",
          "dalam",
          "pada",
          "sangat",
          "lebih",
          "jadi",
          "mau",
          "harus",
          "belum",
          "masih",
          "sih",
          "dong",
          "deh",
          "kok",
          "kak",
          "min",
          "nih",
          "tuh",
          "ya",
          "yg",
          "dgn",
          "utk",
          "kenapa",
          "gimana",
          "bagaimana",
          "apa",
          "siapa",
          "mana",
          "kapan",
          "berapa",
          "sekali",
          "semua",
          "baru",
          "hari",
          "terus",
          "lah",
          "pun",
          "oleh",
          "seperti",
          "bagus",
          "jelek",
          "mantap",
          "parah",
          "lemot",
          "sinyal",
          "harga",
          "beli",
          "murah",
          "mahal",
          "terima",
          "kasih",
          "makasih",
          "tolong",
          "mohon",
          "cepat",
          "lambat",
          "hanya",
          "cuma",
          "belum",
          "pernah",
          "selalu",
          "setelah",
          "sebelum",
          "tanpa",
          "para",
          "bukan",
          "jangan",
          "sedang",
          "lagi",
          "sampai",
          "sampe",
          "dah");

  private LanguageDetector() {}

  private static Set<String> words(String... words) {
    return Set.copyOf(java.util.Arrays.asList(words));
  }

  /** {@code en}, {@code id} or {@code und}. */
  public static String detect(String text) {
    if (text == null || text.isEmpty()) {
      return UNDETERMINED;
    }
    return detect(List.of(), SocialTokenizer.tokenize(text));
  }

  /** Detects from already tokenised title and text. */
  public static String detect(List<SocialToken> title, List<SocialToken> text) {
    int en = 0;
    int id = 0;
    for (List<SocialToken> tokens : List.of(title, text)) {
      for (SocialToken t : tokens) {
        if (t.kind() != SocialToken.Kind.WORD) {
          continue;
        }
        String w = WordForms.fold(t.raw());
        if (EN.contains(w)) {
          en++;
        } else if (ID.contains(w)) {
          id++;
        } else if (w.length() > 5 && indonesianAffix(w)) {
          id++;
        } else if (w.length() > 4 && englishSuffix(w)) {
          en++;
        }
      }
    }
    if (Math.max(en, id) < MIN_EVIDENCE || en == id) {
      return UNDETERMINED;
    }
    return en > id ? ENGLISH : INDONESIAN;
  }

  private static boolean indonesianAffix(String w) {
    return w.endsWith("nya")
        || w.endsWith("kan")
        || (w.startsWith("meng")
                || w.startsWith("meny")
                || w.startsWith("mem")
                || w.startsWith("ber")
                || w.startsWith("ter")
                || w.startsWith("di")
                || w.startsWith("pe")
                || w.startsWith("ke"))
            && (w.endsWith("an") || w.endsWith("i"));
  }

  private static boolean englishSuffix(String w) {
    return w.endsWith("ing")
        || w.endsWith("tion")
        || w.endsWith("ly")
        || w.endsWith("ed")
        || w.endsWith("ness")
        || w.endsWith("ful");
  }
}
