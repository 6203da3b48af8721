package dev.pantau.keywords.sentiment;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the Indonesian model cannot learn from SmSA, whose texts are restaurant and product reviews
 * and political comments: the customer-service mentions brands receive. Applied after the model,
 * two rules:
 *
 * <ul>
 *   <li><b>Service complaints are negative.</b> A mention the model calls neutral is negative when
 *       it reports a failure of service: an outage or an error ("listrik padam lagi", "aplikasi
 *       error terus", "transfer gagal"), something not delivered or not answered ("paket belum
 *       sampai", "refund belum diproses", "tidak ada yang balas"), or an access refused ("gak bisa
 *       login"). SmSA has almost none of these words: the model gives them little weight.
 *   <li><b>Questions to a brand are neutral.</b> A mention that is one question worded as such and
 *       put to someone, by a handle or a word of address ("@tokopedia cara ganti alamat gimana
 *       ya?", "kak, kantor cabang buka jam berapa?", "mau tanya, biayanya berapa?"), and reports no
 *       failure is neutral, score 0. In SmSA the questions are rhetorical complaints (three in four
 *       are negative), so the model reads every question, and words such as "pengiriman" (delivery)
 *       and "pesanan" (order) that SmSA meets in complaints, as negative. Questions of complaint
 *       ("kenapa", "kok") are left to the model.
 * </ul>
 *
 * <p>Works on the tokens of {@link IndonesianTokenizer} (slang spelt out: "gak" is "tidak", "lemot"
 * is "lambat"). Stateless.
 */
final class IndonesianServiceRules {

  private IndonesianServiceRules() {}

  /** The score a complaint gets at most when the model called it neutral. */
  static final double COMPLAINT_SCORE = -0.5;

  /** Words that report a failure of service whatever surrounds them. */
  static final Set<String> FAILURES = Resources.list("IndonesianServiceRules.FAILURES");

  /** What goes dead in an outage: "listrik mati", "wifi mati lagi" ("harga mati" is a vow). */
  static final Set<String> SERVICES = Resources.list("IndonesianServiceRules.SERVICES");

  /** Words that deny a failure before it: "tidak ada gangguan", "tanpa error", "bebas lag". */
  static final Set<String> DENIALS = Resources.list("IndonesianServiceRules.DENIALS");

  /** What a customer waits for: "belum sampai", "refund belum diproses", "belum dibalas". */
  static final Set<String> AWAITED = Resources.list("IndonesianServiceRules.AWAITED");

  /** What a customer cannot do: "gak bisa login", "tidak bisa transfer". */
  static final Set<String> ACCESS = Resources.list("IndonesianServiceRules.ACCESS");

  /** Answers that do not come: "tidak ada yang balas", "tidak ada respon". */
  static final Set<String> ANSWERS = Resources.list("IndonesianServiceRules.ANSWERS");

  /** Words that word a question to a brand, after slang is spelt out ("gimana" is "bagaimana"). */
  static final Set<String> QUESTION_WORDS = Resources.list("IndonesianServiceRules.QUESTION_WORDS");

  /**
   * Words that address a brand's staff ("min", "kak", "gan") or ask to ask ("mau tanya"). A
   * question with none of these and no @handle is not taken as put to a brand: SmSA's one-sentence
   * questions are rhetorical ("apa yang sudah dilakukan oleh anies selain pencitraan?").
   */
  static final Set<String> ADDRESSES = Resources.list("IndonesianServiceRules.ADDRESSES");

  /** Questions of complaint, left to the model: "kenapa belum sampai?", "kok lama?". */
  static final Set<String> COMPLAINT_QUESTIONS =
      Resources.list("IndonesianServiceRules.COMPLAINT_QUESTIONS");

  /** Whether the tokens report a failure of service. */
  static boolean complaint(List<String> tokens) {
    int n = tokens.size();
    for (int i = 0; i < n; i++) {
      String w = tokens.get(i);
      if (FAILURES.contains(w) && !denied(tokens, i)) {
        return true;
      }
      if (w.equals("mati")
          && ((i > 0 && SERVICES.contains(tokens.get(i - 1)))
              || (i + 1 < n
                  && (tokens.get(i + 1).equals("lagi") || tokens.get(i + 1).equals("terus"))))) {
        return true;
      }
      String next = i + 1 < n ? tokens.get(i + 1) : "";
      String after = i + 2 < n ? tokens.get(i + 2) : "";
      if (w.equals("belum") && (AWAITED.contains(next) || AWAITED.contains(after))) {
        return true;
      }
      if (w.equals("tidak")
          && next.equals("bisa")
          && (ACCESS.contains(after) || (i + 3 < n && ACCESS.contains(tokens.get(i + 3))))) {
        return true;
      }
      if (w.equals("tidak")
          && (ANSWERS.contains(next)
              || next.equals("dibalas")
              || next.equals("direspon")
              || (next.equals("ada") && (ANSWERS.contains(after) || yangAnswers(tokens, i + 2))))) {
        return true;
      }
    }
    return false;
  }

  /** "tidak ada gangguan", "tanpa error sama sekali": a failure denied within two words. */
  private static boolean denied(List<String> tokens, int i) {
    for (int j = i - 1; j >= Math.max(0, i - 2); j--) {
      String w = tokens.get(j);
      if (w.equals(IndonesianTokenizer.BOUNDARY)) {
        return false;
      }
      if (DENIALS.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** "tidak ada yang balas": "yang" then an answer. */
  private static boolean yangAnswers(List<String> tokens, int i) {
    return i + 1 < tokens.size()
        && tokens.get(i).equals("yang")
        && ANSWERS.contains(tokens.get(i + 1));
  }

  /** What a mention is, to these rules. */
  enum Reading {
    /** Reports a failure of service: negative when the model says neutral. */
    COMPLAINT,
    /** The whole mention is one question put to a brand or about buying: neutral. */
    QUESTION,
    /** Asks an @handle something among other sentences: not negative. */
    ASKS,
    /** None of these: the model decides. */
    OTHER
  }

  /**
   * Words that say a question is about buying or choosing, whoever it is put to: "mau beli paket
   * yang 60GB, harga berapa?", "ada yang pakai Indosat di Bogor? sinyalnya gimana".
   */
  static final Set<String> INTENTS = Resources.list("IndonesianServiceRules.INTENTS");

  /** Reads a mention (its text and its tokens from {@link IndonesianTokenizer}). */
  static Reading read(String text, List<String> tokens) {
    if (complaint(tokens)) {
      return Reading.COMPLAINT;
    }
    if (text.indexOf('?') < 0) {
      return Reading.OTHER;
    }
    boolean handle = text.indexOf('@') >= 0;
    boolean addressed = handle;
    for (String w : tokens) {
      addressed |= ADDRESSES.contains(w) || INTENTS.contains(w);
    }
    if (!addressed) {
      return Reading.OTHER;
    }
    int questions = 0;
    int sentences = 0;
    for (String sentence : SENTENCE.split(text.strip())) {
      if (sentence.isBlank()) {
        continue;
      }
      sentences++;
      if (sentence.strip().endsWith("?") && worded(IndonesianTokenizer.tokenize(sentence))) {
        questions++;
      }
    }
    if (questions == 0) {
      return Reading.OTHER;
    }
    if (questions == sentences) {
      return Reading.QUESTION;
    }
    return handle ? Reading.ASKS : Reading.OTHER;
  }

  /** A sentence with its closing mark: "harga berapa ya?" and " mau beli buat kado". */
  private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?\\n])(?![.!?])");

  /** Holds a question word and no question of complaint. */
  private static boolean worded(List<String> tokens) {
    boolean worded = false;
    for (String w : tokens) {
      if (COMPLAINT_QUESTIONS.contains(w)) {
        return false;
      }
      worded |= QUESTION_WORDS.contains(w);
    }
    return worded;
  }
}
