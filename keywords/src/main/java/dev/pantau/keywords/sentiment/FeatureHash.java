package dev.pantau.keywords.sentiment;

/**
 * The hash that maps a feature to its bucket: MurmurHash3's 32-bit mixing over UTF-16 units, with a
 * seed per kind of feature (words, pairs, character n-grams...) so that equal strings of two kinds
 * fall apart. Fixed by this code alone: the same text gives the same buckets on every JVM.
 */
final class FeatureHash {

  private FeatureHash() {}

  static int hash(CharSequence s, int start, int end, int seed) {
    int h = seed;
    int i = start;
    for (; i + 1 < end; i += 2) {
      int k = s.charAt(i) | (s.charAt(i + 1) << 16);
      h = mix(h, k);
    }
    if (i < end) {
      h ^= scramble(s.charAt(i));
    }
    h ^= (end - start);
    return fmix(h);
  }

  /**
   * {@link #hash(CharSequence, int, int, int)} over an array: the same value, without the interface
   * calls and bounds checks of {@code CharSequence.charAt} (the character n-grams, about 500 a
   * mention, were an eighth of the scoring time through a {@code StringBuilder}).
   */
  static int hash(char[] s, int start, int end, int seed) {
    int h = seed;
    int i = start;
    for (; i + 1 < end; i += 2) {
      int k = s[i] | (s[i + 1] << 16);
      h = mix(h, k);
    }
    if (i < end) {
      h ^= scramble(s[i]);
    }
    h ^= (end - start);
    return fmix(h);
  }

  /**
   * The first step of {@link #mix} for the pair of units starting at each position {@code i} (up to
   * {@code len - 2}): {@code s[i] | s[i + 1] << 16} multiplied, rotated and multiplied. Every
   * n-gram starting at {@code i} or {@code i - 2}, {@code i - 4}... reads the same pair, so {@link
   * #hash(int[], int[], int, int, int)} looks it up instead of mixing it again.
   */
  static int[] pairKeys(char[] s, int len) {
    int[] keys = new int[Math.max(0, len - 1)];
    for (int i = 0; i + 1 < len; i++) {
      keys[i] = scramble(s[i] | (s[i + 1] << 16));
    }
    return keys;
  }

  /** As {@link #pairKeys}, for a single unit at the end of an n-gram of odd length. */
  static int[] tailKeys(char[] s, int len) {
    int[] keys = new int[len];
    for (int i = 0; i < len; i++) {
      keys[i] = scramble(s[i]);
    }
    return keys;
  }

  /**
   * {@link #hash(char[], int, int, int)} of {@code s[start, start + length)} from the keys of
   * {@link #pairKeys} and {@link #tailKeys} of {@code s}: the same value.
   */
  static int hash(int[] pairs, int[] tails, int start, int length, int seed) {
    int h = seed;
    int i = start;
    int end = start + length;
    for (; i + 1 < end; i += 2) {
      h ^= pairs[i];
      h = Integer.rotateLeft(h, 13);
      h = h * 5 + 0xe6546b64;
    }
    if (i < end) {
      h ^= tails[i];
    }
    h ^= length;
    return fmix(h);
  }

  private static int scramble(int k) {
    k *= 0xcc9e2d51;
    k = Integer.rotateLeft(k, 15);
    return k * 0x1b873593;
  }

  static int hash(CharSequence s, int seed) {
    return hash(s, 0, s.length(), seed);
  }

  /** The hash of two strings joined by a space, without building the joined string. */
  static int hash2(String a, String b, int seed) {
    return pair(hash(a, seed), hash(b, secondSeed(seed)));
  }

  /** The seed {@link #hash2} hashes its second string with. */
  static int secondSeed(int seed) {
    return seed ^ 0x5bd1e995;
  }

  /**
   * {@link #hash2} from its strings' hashes: {@code first} with {@code seed}, {@code second} with
   * {@link #secondSeed}.
   */
  static int pair(int first, int second) {
    return fmix(first * 0x9e3779b1 + second);
  }

  /** The hash of three strings. */
  static int hash3(String a, String b, String c, int seed) {
    return fmix(hash2(a, b, seed) * 0x9e3779b1 + hash(c, seed ^ 0x27d4eb2f));
  }

  private static int mix(int h, int k) {
    h ^= scramble(k);
    h = Integer.rotateLeft(h, 13);
    return h * 5 + 0xe6546b64;
  }

  static int fmix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
