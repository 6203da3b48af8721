package dev.pantau.keywords.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The array form of the feature hash gives the buckets the shipped models were trained with. */
class FeatureHashTest {

  @Test
  void theArrayFormEqualsTheCharSequenceFormOnEverySpan() {
    Random random = new Random(7);
    for (int n = 0; n < 200; n++) {
      char[] s = randomText(random);
      StringBuilder b = new StringBuilder().append(s);
      int seed = random.nextInt();
      for (int start = 0; start < s.length; start++) {
        for (int end = start; end <= Math.min(s.length, start + 8); end++) {
          assertThat(FeatureHash.hash(s, start, end, seed))
              .isEqualTo(FeatureHash.hash(b, start, end, seed));
        }
      }
    }
  }

  @Test
  void theKeyTableFormEqualsTheArrayFormOnEverySpan() {
    Random random = new Random(11);
    for (int n = 0; n < 200; n++) {
      char[] s = randomText(random);
      int[] pairs = FeatureHash.pairKeys(s, s.length);
      int[] tails = FeatureHash.tailKeys(s, s.length);
      int seed = random.nextInt();
      for (int start = 0; start < s.length; start++) {
        for (int end = start; end <= Math.min(s.length, start + 8); end++) {
          assertThat(FeatureHash.hash(pairs, tails, start, end - start, seed))
              .isEqualTo(FeatureHash.hash(s, start, end, seed));
        }
      }
    }
  }

  /**
   * Up to 40 units: letters and marks, and now and then a character beyond Latin-1 or half a
   * surrogate pair.
   */
  private static char[] randomText(Random random) {
    char[] s = new char[1 + random.nextInt(40)];
    for (int i = 0; i < s.length; i++) {
      s[i] =
          random.nextInt(10) == 0
              ? (char) random.nextInt(0x10000)
              : (char) (32 + random.nextInt(95));
    }
    return s;
  }
}
