package dev.pantau.flink.job.copies;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What "the same or nearly the same text" means (SPEC §6), and how candidates are found fast.
 *
 * <p>A text is lower-cased and stripped of URLs, handles, punctuation and emoji; its words make
 * word bigrams (shingles), each hashed to 64 bits. Two texts are nearly the same when the Jaccard
 * similarity of their shingle sets is at least {@link #SIMILARITY} (equal texts: 1). With bigrams
 * one word changed in a 20-word post keeps 17 of 21 shingles (0.81): "a few words" apart. Trigrams
 * would fall below 0.8 at the first change in a tweet-sized text.
 *
 * <p>Candidates are found by MinHash and LSH: {@link #HASHES} min-hashes of the shingle set, cut
 * into {@link #BANDS} bands of {@link #ROWS}; texts sharing one band's hash are candidates. A pair
 * at similarity 0.8 shares a band with probability 1 - (1 - 0.8^4)^16 = 0.9998; each candidate is
 * then checked by its exact similarity, so LSH only saves work and never decides alone. A text
 * holds its band keys, not its shingles' pairings: finding its copies is 16 look-ups, whatever the
 * burst's size.
 *
 * <p>Texts of fewer than {@link #MIN_WORDS} words are never copies: three people writing "telkomsel
 * down" are not an auto-shared post.
 */
public final class NearDuplicates {
  public static final double SIMILARITY = 0.8;
  public static final int MIN_WORDS = 5;
  public static final int BANDS = 16;
  public static final int ROWS = 4;
  public static final int HASHES = BANDS * ROWS;

  /**
   * Shingles kept of one text: enough for a long post; a longer one is compared on its first ones.
   */
  public static final int MAX_SHINGLES = 256;

  /** The seeds of the min-hash functions: fixed, so signatures are the same in every run. */
  private static final long[] SEEDS = new long[HASHES];

  static {
    long s = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < HASHES; i++) {
      s = mix(s + 0x632BE59BD9B4E019L);
      SEEDS[i] = s;
    }
  }

  private NearDuplicates() {}

  /**
   * The normalised words of a text (SPEC §6): lower-cased; URLs ({@code http://}, {@code https://},
   * {@code www.} up to the next space) and handles ({@code @} and word characters, not after a
   * letter, digit, {@code _} or {@code @}) left out; anything but letters and digits (punctuation,
   * emoji) separates words. One pass over the characters, no regular expression: it runs on every
   * mention.
   */
  public static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    int n = text.length();
    StringBuilder w = new StringBuilder();
    int i = 0;
    while (i < n) {
      int c = text.codePointAt(i);
      if (w.length() == 0
          && (startsWithIgnoreCase(text, i, "http://")
              || startsWithIgnoreCase(text, i, "https://")
              || startsWithIgnoreCase(text, i, "www."))) {
        while (i < n && !Character.isWhitespace(text.charAt(i))) {
          i++;
        }
        continue;
      }
      if (c == '@' && w.length() == 0 && (i == 0 || !isHandlePrefix(text.codePointBefore(i)))) {
        i++;
        while (i < n && isHandleChar(text.charAt(i))) {
          i++;
        }
        continue;
      }
      if (Character.isLetterOrDigit(c)) {
        w.appendCodePoint(Character.toLowerCase(c));
      } else if (w.length() > 0) {
        out.add(w.toString());
        w.setLength(0);
      }
      i += Character.charCount(c);
    }
    if (w.length() > 0) {
      out.add(w.toString());
    }
    return out;
  }

  private static boolean startsWithIgnoreCase(String s, int at, String prefix) {
    return s.regionMatches(true, at, prefix, 0, prefix.length());
  }

  private static boolean isHandlePrefix(int c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '@';
  }

  private static boolean isHandleChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
  }

  /**
   * The sorted, distinct 64-bit hashes of the text's word bigrams; null when it is too short to be
   * a copy.
   */
  public static long[] shingles(String text) {
    List<String> w = words(text);
    if (w.size() < MIN_WORDS) {
      return null;
    }
    long[] h = new long[Math.min(w.size() - 1, MAX_SHINGLES)];
    for (int i = 0; i < h.length; i++) {
      h[i] = mix(hash(w.get(i)) * 31 + hash(w.get(i + 1)));
    }
    Arrays.sort(h);
    int n = 0;
    for (int i = 0; i < h.length; i++) {
      if (i == 0 || h[i] != h[i - 1]) {
        h[n++] = h[i];
      }
    }
    return Arrays.copyOf(h, n);
  }

  /**
   * The LSH keys of a shingle set: one per band, the band's index mixed in. The {@link #HASHES}
   * hash functions are {@code a + i * b} of two hashes of the shingle (Kirsch and Mitzenmacher's
   * double hashing): one multiply-add per function instead of a full mix.
   */
  public static long[] bandKeys(long[] shingles) {
    long[] min = new long[HASHES];
    Arrays.fill(min, Long.MAX_VALUE);
    for (long s : shingles) {
      long a = mix(s ^ SEEDS[0]);
      long b = mix(s ^ SEEDS[1]) | 1;
      long h = a;
      for (int i = 0; i < HASHES; i++) {
        long v =
            h ^ (h >>> 29); // the low bits of a + i * b repeat with a short period: fold the high
        // ones in
        if (v < min[i]) {
          min[i] = v;
        }
        h += b;
      }
    }
    long[] keys = new long[BANDS];
    for (int band = 0; band < BANDS; band++) {
      long k = mix(band + 1L);
      for (int r = 0; r < ROWS; r++) {
        k = mix(k * 31 + min[band * ROWS + r]);
      }
      keys[band] = k;
    }
    return keys;
  }

  /** Jaccard similarity of two sorted distinct sets. */
  public static double similarity(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    int union = a.length + b.length - common;
    return union == 0 ? 1.0 : (double) common / union;
  }

  public static boolean nearlySame(long[] a, long[] b) {
    return similarity(a, b) >= SIMILARITY;
  }

  /** A string hash stable across JVMs (String.hashCode is, but only 32 bits). */
  private static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** SplitMix64's finaliser: a cheap, well-spread 64-bit mix. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
