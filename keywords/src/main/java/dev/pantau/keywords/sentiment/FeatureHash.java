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
      int k = s.charAt(i);
      k *= 0xcc9e2d51;
      k = Integer.rotateLeft(k, 15);
      k *= 0x1b873593;
      h ^= k;
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
      int k = s[i];
      k *= 0xcc9e2d51;
      k = Integer.rotateLeft(k, 15);
      k *= 0x1b873593;
      h ^= k;
    }
    h ^= (end - start);
    return fmix(h);
  }

  static int hash(CharSequence s, int seed) {
    return hash(s, 0, s.length(), seed);
  }

  /** The hash of two strings joined by a space, without building the joined string. */
  static int hash2(String a, String b, int seed) {
    return fmix(hash(a, seed) * 0x9e3779b1 + hash(b, seed ^ 0x5bd1e995));
  }

  /** The hash of three strings. */
  static int hash3(String a, String b, String c, int seed) {
    return fmix(hash2(a, b, seed) * 0x9e3779b1 + hash(c, seed ^ 0x27d4eb2f));
  }

  private static int mix(int h, int k) {
    k *= 0xcc9e2d51;
    k = Integer.rotateLeft(k, 15);
    k *= 0x1b873593;
    h ^= k;
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
