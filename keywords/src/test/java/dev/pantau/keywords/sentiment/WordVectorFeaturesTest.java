package dev.pantau.keywords.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The word-vector block of the English features ({@code vectors=...}). */
class WordVectorFeaturesTest {

  private static final String BASE =
      "language=en;bits=20;wordNgrams=2;charMin=3;charMax=4;negation=true;rules=true;"
          + "ruleWeight=1;charWeight=1;ruleDetail=true;lexiconClasses=true";

  private static final WordVectors TABLE =
      WordVectors.read(
          WordVectors.write(
              List.of("good", "service", "not"),
              List.of(
                  new float[] {1f, 0f, 0f, 0f},
                  new float[] {0f, 1f, 0f, 0f},
                  new float[] {0f, 0f, 0f, 2f}),
              4));

  private static Map<Integer, Float> vectorFeatures(String vectors, String text) {
    SentimentFeatures with =
        SentimentFeatures.create(FeatureConfig.parse(BASE + ";vectors=" + vectors), TABLE);
    SentimentFeatures without = SentimentFeatures.create(FeatureConfig.parse(BASE), TABLE);
    Set<Integer> dense = new java.util.HashSet<>();
    for (int b : with.denseBuckets()) {
      dense.add(b);
    }
    Set<Integer> ruleBuckets = new java.util.HashSet<>();
    for (int b : without.denseBuckets()) {
      ruleBuckets.add(b);
    }
    dense.removeAll(ruleBuckets);
    FeatureVector v = with.extract(text, Set.of());
    Map<Integer, Float> out = new HashMap<>();
    for (int i = 0; i < v.size(); i++) {
      assertThat(Float.isFinite(v.value(i))).as("value %d of %s", i, text).isTrue();
      if (dense.contains(v.index(i))) {
        out.merge(v.index(i), v.value(i), Float::sum);
      }
    }
    return out;
  }

  @Test
  void aMentionWithNoKnownWordAddsNothingAndNoNaN() {
    assertThat(vectorFeatures("mean", "lmao @acme 😡 http://x.y")).isEmpty();
    assertThat(vectorFeatures("mean+max+neg+sif10", "")).isEmpty();
  }

  @Test
  void theMeanHasUnitNormTimesTheWeight() {
    Map<Integer, Float> f = vectorFeatures("mean;vectorWeight=2", "good service");
    double norm = 0;
    for (float x : f.values()) {
      norm += x * x;
    }
    assertThat(Math.sqrt(norm)).isCloseTo(2.0, org.assertj.core.api.Assertions.within(1e-4));
  }

  @Test
  void negationFlipsTheVectorsAfterANegatorOnlyWhenAsked() {
    Map<Integer, Float> plain = vectorFeatures("mean", "not good");
    Map<Integer, Float> flipped = vectorFeatures("mean+neg", "not good");
    // "not" (0,0,0,2) and "good" (1,0,0,0): mean (0.5,0,0,1); with neg (-0.5,0,0,1)
    assertThat(plain.values()).anyMatch(x -> x > 0.4f && x < 0.5f);
    assertThat(flipped.values()).anyMatch(x -> x < -0.4f && x > -0.5f);
    assertThat(flipped.values()).noneMatch(x -> x > 0.4f && x < 0.5f);
  }

  @Test
  void theShippedEnglishModelReadsTheShippedTable() {
    FeatureConfig c = SentimentModel.load(SentimentScorer.ENGLISH_MODEL).config();
    assertThat(c.usesVectors()).isTrue();
    assertThat(SentimentModel.load(SentimentScorer.INDONESIAN_MODEL).config().usesVectors())
        .isFalse();
    FeatureVector v = SentimentFeatures.create(c).extract("great service, thanks", Set.of());
    for (int i = 0; i < v.size(); i++) {
      assertThat(Float.isFinite(v.value(i))).isTrue();
    }
  }
}
