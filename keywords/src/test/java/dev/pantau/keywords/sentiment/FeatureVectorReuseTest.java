package dev.pantau.keywords.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The scorer fills one feature vector per thread: a vector emptied and filled again holds exactly
 * what a fresh one does (no entry of the previous, longer text left behind), in the same order, for
 * both languages' shipped configurations.
 */
class FeatureVectorReuseTest {

  private static final String[] WORDS = {
    "@acme",
    "my",
    "order",
    "still",
    "hasn't",
    "shipped",
    "NOT",
    "happy",
    "😡",
    "😍",
    ":)",
    "!!",
    "great",
    "job",
    "https://t.co/x",
    "sinyal",
    "lemot",
    "banget",
    "tidak",
    "bagus",
    "tapi",
    "mantappp",
    "enak-enak",
    "kecewa",
    "?",
    "sooo",
    "Best",
    "Buy",
    "&amp;",
    "don’t",
    "48213",
  };

  @Test
  void aReusedVectorHoldsWhatAFreshOneDoes() {
    SentimentFeatures en = SentimentFeatures.create(SentimentModel.load("en_model.bin").config());
    SentimentFeatures id = SentimentFeatures.create(SentimentModel.load("id_model.bin").config());
    Random random = new Random(3);
    FeatureVector reused = new FeatureVector(8);
    for (int n = 0; n < 300; n++) {
      String text = text(random);
      Set<String> names = random.nextBoolean() ? Set.of() : Set.of("acme", "best");
      for (SentimentFeatures f : List.of(en, id)) {
        FeatureVector fresh = f.extract(text, names);
        FeatureVector filled = f.extract(text, names, null, reused);
        assertThat(filled).isSameAs(reused);
        assertThat(entries(filled)).isNotEmpty().isEqualTo(entries(fresh));
      }
    }
  }

  /** Texts of 1 to 80 words, so a long one is often followed by a short one. */
  private static String text(Random random) {
    StringBuilder b = new StringBuilder();
    int words = 1 + random.nextInt(80);
    for (int i = 0; i < words; i++) {
      b.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return b.toString();
  }

  /** Bucket and the value's bits of every entry, in order. */
  private static List<Long> entries(FeatureVector v) {
    List<Long> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      out.add(((long) v.index(i) << 32) | (Float.floatToRawIntBits(v.value(i)) & 0xffffffffL));
    }
    return out;
  }
}
