package dev.pantau.keywords.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.pantau.keywords.sentiment.Sentiment.Label;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

  @Test
  void accuracyAndMacroF1ByHand() {
    ConfusionMatrix m = new ConfusionMatrix();
    // gold negative: 3 right, 1 called neutral; gold neutral: 1 right, 1 called positive;
    // gold positive: 4 right
    for (int i = 0; i < 3; i++) {
      m.add(Label.NEGATIVE, Label.NEGATIVE);
    }
    m.add(Label.NEGATIVE, Label.NEUTRAL);
    m.add(Label.NEUTRAL, Label.NEUTRAL);
    m.add(Label.NEUTRAL, Label.POSITIVE);
    for (int i = 0; i < 4; i++) {
      m.add(Label.POSITIVE, Label.POSITIVE);
    }
    assertThat(m.total()).isEqualTo(10);
    assertThat(m.accuracy()).isCloseTo(0.8, within(1e-12));
    // F1 = 2tp / (gold + predicted): negative 6/7, neutral 2/4, positive 8/9
    assertThat(m.f1(Label.NEGATIVE)).isCloseTo(6.0 / 7, within(1e-12));
    assertThat(m.f1(Label.NEUTRAL)).isCloseTo(0.5, within(1e-12));
    assertThat(m.f1(Label.POSITIVE)).isCloseTo(8.0 / 9, within(1e-12));
    assertThat(m.macroF1()).isCloseTo((6.0 / 7 + 0.5 + 8.0 / 9) / 3, within(1e-12));
    assertThat(m.report()).contains("accuracy=0.8000").contains("negative");
  }

  @Test
  void unscoredIsNotAClass() {
    assertThatThrownBy(() -> new ConfusionMatrix().add(Label.UNSCORED, Label.NEUTRAL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UNSCORED");
  }
}
