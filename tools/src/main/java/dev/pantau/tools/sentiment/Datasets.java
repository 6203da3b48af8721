package dev.pantau.tools.sentiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The labelled sets in {@code ../shared/data} and {@code keywords/eval}, read as {@link Example}s
 * (classes 0 negative, 1 neutral, 2 positive), and the text normalisation the leak check compares
 * them by.
 */
public final class Datasets {

  private Datasets() {}

  /** One labelled text; {@code source} names its file, {@code line} its line there (from 1). */
  public record Example(String text, int gold, String source, int line) {}

  /** The SemEval files trained on: 2013 to 2016, every split. */
  public static final List<String> SEMEVAL_TRAIN =
      List.of(
          "twitter-2013train-A.tsv",
          "twitter-2013dev-A.tsv",
          "twitter-2013test-A.tsv",
          "twitter-2014test-A.tsv",
          "twitter-2014sarcasm-A.tsv",
          "twitter-2015train-A.tsv",
          "twitter-2015test-A.tsv",
          "twitter-2016train-A.tsv",
          "twitter-2016dev-A.tsv",
          "twitter-2016devtest-A.tsv");

  /** The SemEval file evaluated on only. */
  public static final String SEMEVAL_TEST = "twitter-2017test-A.tsv";

  /** SemEval: {@code id<TAB>label<TAB>text}; {@code \\uXXXX} escapes decoded. */
  public static List<Example> semeval(Path file) throws IOException {
    List<Example> out = new ArrayList<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNo++;
      String[] f = line.split("\t", 3);
      if (f.length < 3) {
        continue;
      }
      out.add(
          new Example(unescape(f[2]), classOf(f[1].trim()), file.getFileName().toString(), lineNo));
    }
    return out;
  }

  public static List<Example> semevalTrain(Path data) throws IOException {
    List<Example> out = new ArrayList<>();
    for (String f : SEMEVAL_TRAIN) {
      out.addAll(semeval(data.resolve("semeval2017").resolve(f)));
    }
    return out;
  }

  public static List<Example> semevalTest(Path data) throws IOException {
    return semeval(data.resolve("semeval2017").resolve(SEMEVAL_TEST));
  }

  /** VADER's tweets: gold = mean rating / 4, labels at +-0.05 (as the rules were measured). */
  public static List<Example> vaderTweets(Path data) throws IOException {
    Path file = data.resolve("vader/tweets_GroundTruth.txt");
    List<Example> out = new ArrayList<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNo++;
      String[] f = line.split("\t", 3);
      if (f.length < 3) {
        continue;
      }
      double gold = Double.parseDouble(f[1]) / 4.0;
      out.add(
          new Example(
              f[2],
              gold >= 0.05 ? 2 : gold <= -0.05 ? 0 : 1,
              "vader/tweets_GroundTruth.txt",
              lineNo));
    }
    return out;
  }

  /** SmSA: {@code text<TAB>label}. */
  public static List<Example> smsa(Path data, String split) throws IOException {
    Path file = data.resolve("smsa").resolve(split + "_preprocess.tsv");
    List<Example> out = new ArrayList<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      int tab = line.lastIndexOf('\t');
      out.add(
          new Example(
              line.substring(0, tab),
              classOf(line.substring(tab + 1).trim()),
              "smsa/" + split,
              lineNo));
    }
    return out;
  }

  /**
   * PRDECT-ID reviews (CSV, the review in column "Customer Review", the label in "Sentiment",
   * Positive or Negative), split by a fixed rule: a review whose record number (from 1) is 0 mod 5
   * is held out for evaluation ({@code heldOut} true), the rest is trained on.
   */
  public static List<Example> prdect(Path data, boolean heldOut) throws IOException {
    Path file = data.resolve("prdect-id/prdect-id.csv");
    String all = Files.readString(file, StandardCharsets.UTF_8);
    List<List<String>> records = Csv.parse(all);
    List<String> header = records.get(0);
    int review = header.indexOf("Customer Review");
    int sentiment = header.indexOf("Sentiment");
    List<Example> out = new ArrayList<>();
    for (int r = 1; r < records.size(); r++) {
      List<String> rec = records.get(r);
      if (rec.size() <= Math.max(review, sentiment)) {
        continue;
      }
      boolean held = r % 5 == 0;
      if (held != heldOut) {
        continue;
      }
      String label = rec.get(sentiment).trim().toLowerCase(Locale.ROOT);
      out.add(
          new Example(
              rec.get(review),
              classOf(label),
              heldOut ? "prdect-id/held-out" : "prdect-id/train",
              r));
    }
    return out;
  }

  /** The team's brand mentions: {@code neg|neu|pos<TAB>text}, {@code #} comments. */
  public static List<Example> brandMentions(Path file) throws IOException {
    List<Example> out = new ArrayList<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t", 2);
      int gold =
          switch (c[0]) {
            case "neg" -> 0;
            case "neu" -> 1;
            case "pos" -> 2;
            default -> throw new IllegalArgumentException(file + ": unknown label " + c[0]);
          };
      out.add(new Example(c[1], gold, file.getFileName().toString(), lineNo));
    }
    return out;
  }

  static int classOf(String label) {
    return switch (label) {
      case "negative" -> 0;
      case "neutral" -> 1;
      case "positive" -> 2;
      default -> throw new IllegalArgumentException("unknown label " + label);
    };
  }

  /** Decodes the {@code \\uXXXX} escapes of the SemEval files. */
  static String unescape(String s) {
    if (s.indexOf("\\u") < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 5 < s.length() + 0 && s.charAt(i + 1) == 'u' && hex(s, i + 2, i + 6)) {
        b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
        i += 5;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean hex(String s, int from, int to) {
    if (to > s.length()) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The form two texts are compared in by the leak check: NFKC, lower case, links, handles, "RT"
   * and every character that is not a letter or digit removed, whitespace collapsed. Two tweets
   * that differ only in a link, a handle, punctuation or case are the same text.
   */
  public static String normalise(String text) {
    String s = Normalizer.normalize(unescape(text), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(s.length());
    for (String w : s.split("\\s+")) {
      if (w.isEmpty()
          || w.startsWith("http")
          || w.startsWith("www.")
          || w.startsWith("@")
          || w.equals("rt")) {
        continue;
      }
      for (int i = 0; i < w.length(); i++) {
        char c = w.charAt(i);
        if (Character.isLetterOrDigit(c)) {
          b.append(c);
        }
      }
      b.append(' ');
    }
    return b.toString().trim();
  }
}
