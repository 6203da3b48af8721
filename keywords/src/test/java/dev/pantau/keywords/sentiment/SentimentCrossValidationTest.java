package dev.pantau.keywords.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.pantau.keywords.sentiment.Sentiment.Label;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentCrossValidationTest {

  private static SentimentCrossValidation.Scored tweet(double compound, double gold) {
    return new SentimentCrossValidation.Scored(
        new VaderScores(compound, Math.max(0, compound), Math.max(0, -compound), 0.5, 5),
        gold,
        SentimentScorer.label(gold, SentimentCrossValidation.GOLD_BAND));
  }

  @Test
  void solvesALinearSystem() {
    // 2x + y = 5, x - y = 1, x + y + z = 6 -> x = 2, y = 1, z = 3
    double[] x =
        SentimentCrossValidation.solve(new double[][] {{2, 1, 0, 5}, {1, -1, 0, 1}, {1, 1, 1, 6}});
    assertThat(x[0]).isCloseTo(2.0, within(1e-12));
    assertThat(x[1]).isCloseTo(1.0, within(1e-12));
    assertThat(x[2]).isCloseTo(3.0, within(1e-12));
    assertThatThrownBy(() -> SentimentCrossValidation.solve(new double[][] {{1, 1, 1}, {2, 2, 2}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("singular");
  }

  @Test
  void choosesTheBandThatSeparatesTheTrainingTweets() {
    // weak compounds are neutral in gold, strong ones are not: the band must widen to 0.30
    List<SentimentCrossValidation.Scored> train =
        List.of(
            tweet(0.25, 0.0), tweet(-0.25, 0.0), tweet(0.6, 0.5), tweet(-0.6, -0.5),
            tweet(0.8, 0.7), tweet(-0.9, -0.7));
    SentimentCrossValidation.Band band = SentimentCrossValidation.chooseBand(train);
    assertThat(band.lo()).isEqualTo(0.30);
    assertThat(band.hi()).isEqualTo(0.30);
    assertThat(SentimentCrossValidation.macroF1(train, band, null)).isEqualTo(1.0);
  }

  @Test
  void tiesGoToVadersBand() {
    List<SentimentCrossValidation.Scored> train = List.of(tweet(0.9, 0.5), tweet(-0.9, -0.5));
    SentimentCrossValidation.Band band = SentimentCrossValidation.chooseBand(train);
    assertThat(band.lo()).isEqualTo(SentimentScorer.NEUTRAL_BAND);
    assertThat(band.hi()).isEqualTo(SentimentScorer.NEUTRAL_BAND);
  }

  @Test
  void bandLabelsAndRejectsNegativeThresholds() {
    SentimentCrossValidation.Band band = new SentimentCrossValidation.Band(0.1, 0.2);
    assertThat(band.label(0.2)).isEqualTo(Label.POSITIVE);
    assertThat(band.label(0.15)).isEqualTo(Label.NEUTRAL);
    assertThat(band.label(-0.1)).isEqualTo(Label.NEGATIVE);
    assertThat(new SentimentCrossValidation.Band(0, 0).label(0.0)).isEqualTo(Label.NEUTRAL);
    assertThatThrownBy(() -> new SentimentCrossValidation.Band(-0.1, 0.05))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void calibrationRecoversAKnownScale() {
    // gold is exactly half the compound: the compound's weight is 0.5 (shares are collinear with
    // it here, so only the fitted scores are checked)
    List<SentimentCrossValidation.Scored> train =
        List.of(tweet(0.8, 0.4), tweet(-0.6, -0.3), tweet(0.2, 0.1), tweet(-0.4, -0.2));
    SentimentCrossValidation.Scored extra =
        new SentimentCrossValidation.Scored(new VaderScores(0.5, 0.1, 0.3, 0.6, 4), 0.25, Label.POSITIVE);
    List<SentimentCrossValidation.Scored> all =
        java.util.stream.Stream.concat(train.stream(), java.util.stream.Stream.of(extra)).toList();
    double[] w = SentimentCrossValidation.calibrate(all);
    assertThat(w[0]).isCloseTo(0.5, within(1e-9));
    assertThat(w[1]).isCloseTo(0.0, within(1e-9));
    assertThat(w[2]).isCloseTo(0.0, within(1e-9));
  }
}
