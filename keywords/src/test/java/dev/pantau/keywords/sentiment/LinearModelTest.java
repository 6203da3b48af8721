package dev.pantau.keywords.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LinearModelTest {

  @Test
  void probabilitiesAreASoftmaxOfTheWeightedSums() {
    LinearModel m =
        new LinearModel(
            Map.of("^bias", new float[] {0f, 1f, 0f}, "bagus", new float[] {-1f, 0f, 2f}));
    double[] p = m.probabilities(Map.of("^bias", 1.0, "bagus", 1.0, "unknown", 1.0));
    double z = Math.exp(-1) + Math.exp(1) + Math.exp(2);
    assertThat(p[0]).isCloseTo(Math.exp(-1) / z, within(1e-12));
    assertThat(p[1]).isCloseTo(Math.exp(1) / z, within(1e-12));
    assertThat(p[2]).isCloseTo(Math.exp(2) / z, within(1e-12));
    assertThat(m.knowsAnyWord(Map.of("^bias", 1.0, "unknown", 1.0))).isFalse();
    assertThat(m.knowsAnyWord(Map.of("bagus", 1.0))).isTrue();
  }

  @Test
  void softmaxDoesNotOverflow() {
    double[] p = LinearModel.softmax(new double[] {1000, 0, -1000});
    assertThat(p[0]).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void rejectsWeightsOfTheWrongShape() {
    assertThatThrownBy(() -> new LinearModel(Map.of("x", new float[] {1f, 2f})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x");
  }

  @Test
  void theShippedModelLoads() {
    LinearModel shipped = LinearModel.load(SentimentScorer.INDONESIAN_MODEL);
    assertThat(shipped.size()).isGreaterThan(10_000);
    assertThat(shipped.knowsAnyWord(Map.of("bagus", 1.0, "!bagus", 1.0))).isTrue();
  }

  @Test
  void aMissingResourceIsAClearError() {
    assertThatThrownBy(() -> LinearModel.load("no_such_model.tsv"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no_such_model.tsv");
  }
}
