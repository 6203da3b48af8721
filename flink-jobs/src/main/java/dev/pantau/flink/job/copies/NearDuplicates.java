package dev.pantau.flink.job.copies;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What "the same or nearly the same text" means (SPEC §6), and how candidates are found fast.
 *
 * <p>A text is lower-cased and stripped of URLs, handles, punctuation and emoji; its words make
 * word bigrams (shingles), each hashed to 64 bits. Two texts are nearly the same when the Jaccard
 * similarity of their shingle sets is at least {@link #SIMILARITY} (equal texts: 1). With bigrams one
 * word changed in a 20-word post keeps 17 of 21 shingles (0.81): "a few words" apart. Trigrams would
 * fall below 0.8 at the first change in a tweet-sized text.
 *
 * <p>Candidates are found by MinHash and LSH: {@link #HASHES} min-hashes of the shingle set, cut into
 * {@link #BANDS} bands of {@link #ROWS}; texts sharing one band's hash are candidates. A pair at
 * similarity 0.8 shares a band with probability 1 - (1 - 0.8^4)^16 = 0.9998; each candidate is then
 * checked by its exact similarity, so LSH only saves work and never decides alone. A text holds its
 * band keys, not its shingles' pairings: finding its copies is 16 look-ups, whatever the burst's size.
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
  /** Shingles kept of one text: enough for a long post; a longer one is compared on its first ones. */
  public static final int MAX_SHINGLES = 256;

  private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
  private static final Pattern HANDLE = Pattern.compile("(?<![\\p{L}\\p{N}_@])@[A-Za-z0-9_]+");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

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

  /** The normalised words of a text (SPEC §6). */
  public static List<String> words(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String t = text.toLowerCase(Locale.ROOT);
    t = URL.matcher(t).replaceAll(" ");
    t = HANDLE.matcher(t).replaceAll(" ");
    List<String> out = new ArrayList<>();
    for (String w : NOT_WORD.split(t)) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /** The sorted, distinct 64-bit hashes of the text's word bigrams; null when it is too short to be a copy. */
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

  /** The LSH keys of a shingle set: one per band, the band's index mixed in. */
  public static long[] bandKeys(long[] shingles) {
    long[] min = new long[HASHES];
    Arrays.fill(min, Long.MAX_VALUE);
    for (long s : shingles) {
      for (int i = 0; i < HASHES; i++) {
        long v = mix(s ^ SEEDS[i]);
        if (v < min[i]) {
          min[i] = v;
        }
      }
    }
    long[] keys = new long[BANDS];
    for (int b = 0; b < BANDS; b++) {
      long k = mix(b + 1L);
      for (int r = 0; r < ROWS; r++) {
        k = mix(k * 31 + min[b * ROWS + r]);
      }
      keys[b] = k;
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
