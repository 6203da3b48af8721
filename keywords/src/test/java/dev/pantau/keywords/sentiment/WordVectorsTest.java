package dev.pantau.keywords.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The quantised word-vector table: its file form, look-ups, and the shipped table. */
class WordVectorsTest {

  private static final List<String> WORDS = List.of("good", "bad", "do", "ca", "café");
  private static final List<float[]> VECTORS =
      List.of(
          new float[] {0.5f, -1.25f, 3.0f},
          new float[] {-0.1f, 0.2f, -0.3f},
          new float[] {0f, 0f, 0f},
          new float[] {1f, 1f, 1f},
          new float[] {-2f, 0.01f, 0.7f});

  private static WordVectors table() {
    return WordVectors.read(WordVectors.write(WORDS, VECTORS, 3));
  }

  @Test
  void aWriteAndAReadKeepEachComponentWithinHalfAStepOfItsRow() {
    WordVectors t = table();
    assertThat(t.size()).isEqualTo(5);
    assertThat(t.dims()).isEqualTo(3);
    for (int r = 0; r < WORDS.size(); r++) {
      float[] original = VECTORS.get(r);
      float max = 0;
      for (float x : original) {
        max = Math.max(max, Math.abs(x));
      }
      float halfStep = max / 127f / 2f + 1e-7f;
      float[] read = t.vector(WORDS.get(r));
      for (int d = 0; d < 3; d++) {
        assertThat(read[d])
            .as(WORDS.get(r) + "[" + d + "]")
            .isCloseTo(original[d], within(halfStep));
      }
    }
    // the largest component of a row is exact: the row's scale is set by it
    assertThat(t.vector("good")[2]).isEqualTo(3.0f);
  }

  @Test
  void theSameVectorsGiveTheSameBytes() {
    assertThat(WordVectors.write(WORDS, VECTORS, 3))
        .isEqualTo(WordVectors.write(WORDS, VECTORS, 3));
  }

  @Test
  void aWordOutOfTheVocabularyHasNoRow() {
    WordVectors t = table();
    assertThat(t.row("excellent")).isEqualTo(-1);
    assertThat(t.vector("excellent")).isNull();
    assertThat(t.tokenRow("excellent")).isEqualTo(-1);
    assertThat(t.row("café")).isEqualTo(4);
  }

  @Test
  void aContractionReadsItsStemAsGloveSplitIt() {
    WordVectors t = table();
    assertThat(t.tokenRow("don't")).isEqualTo(t.row("do"));
    assertThat(t.tokenRow("can't")).isEqualTo(t.row("ca"));
    assertThat(t.tokenRow("good's")).isEqualTo(t.row("good"));
    // the scoring path finds rows by the word features' hash: the same rows
    for (String w : List.of("good", "don't", "can't", "excellent")) {
      assertThat(t.tokenRow(w, FeatureHash.hash(w, WordVectors.KEY_SEED))).isEqualTo(t.tokenRow(w));
    }
  }

  @Test
  void aFileOfAnotherKindIsRefused() {
    assertThatThrownBy(() -> WordVectors.read("pantau-sentiment-model 1\tx\n".getBytes()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theShippedTableHoldsGlovesMostFrequentWordsInOrder() {
    WordVectors t = WordVectors.shipped();
    assertThat(t.dims()).isEqualTo(100);
    assertThat(t.size()).isEqualTo(100_000);
    assertThat(t.row("the")).isZero();
    assertThat(t.row("good")).isPositive().isLessThan(t.row("awesome"));
    assertThat(t.row("lmao")).isEqualTo(-1);
    // GloVe puts words of like sentiment near each other: "great" is nearer "good" than "terrible"
    assertThat(cosine(t.vector("great"), t.vector("good")))
        .isGreaterThan(cosine(t.vector("great"), t.vector("terrible")));
  }

  private static double cosine(float[] a, float[] b) {
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      ab += a[i] * b[i];
      aa += a[i] * a[i];
      bb += b[i] * b[i];
    }
    return ab / Math.sqrt(aa * bb);
  }
}
