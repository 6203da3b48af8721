package dev.pantau.keywords.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The model header's feature configuration, with the rules-led threshold of the second pass. */
class FeatureConfigTest {

  private static final String FIRST_PASS =
      "language=en;bits=20;wordNgrams=2;charMin=3;charMax=5;negation=true;rules=true;"
          + "ruleWeight=1.0000;charWeight=1.0000;ruleDetail=true;lexiconClasses=true";

  @Test
  void aHeaderWithoutTheThresholdReadsAsNeverAndWritesAsBefore() {
    FeatureConfig c = FeatureConfig.parse(FIRST_PASS);
    assertThat(c.rulesLed()).isZero();
    // unchanged header, so a model trained without it keeps its bytes
    assertThat(c.format()).isEqualTo(FIRST_PASS);
  }

  @Test
  void theThresholdSurvivesAWriteAndARead() {
    FeatureConfig c = FeatureConfig.parse(FIRST_PASS + ";rulesLed=0.85");
    assertThat(c.format()).endsWith(";rulesLed=0.8500");
    assertThat(FeatureConfig.parse(c.format())).isEqualTo(c);
  }

  @Test
  void theShippedEnglishModelLetsConfidentRulesLeadAndTheIndonesianOneDoesNot() {
    assertThat(SentimentModel.load(SentimentScorer.ENGLISH_MODEL).config().rulesLed())
        .isEqualTo(0.85);
    assertThat(SentimentModel.load(SentimentScorer.INDONESIAN_MODEL).config().rulesLed()).isZero();
  }

  @Test
  void theWordVectorSettingsSurviveAWriteAndAReadAndAreAbsentWhenOff() {
    FeatureConfig c = FeatureConfig.parse(FIRST_PASS + ";vectors=mean+neg+sif1000;vectorWeight=2");
    assertThat(c.format()).endsWith(";vectors=mean+neg+sif1000;vectorWeight=2.0000");
    assertThat(FeatureConfig.parse(c.format())).isEqualTo(c);
    assertThat(c.vectorMode()).isEqualTo(new FeatureConfig.VectorMode(true, false, true, 1000, 0));
    assertThat(FeatureConfig.parse(FIRST_PASS).vectors()).isEqualTo("none");
  }

  @Test
  void unknownWordVectorSettingsAndIndonesianVectorsAreRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> FeatureConfig.parse(FIRST_PASS + ";vectors=median"))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                FeatureConfig.parse(
                    FIRST_PASS.replace("language=en", "language=id") + ";vectors=mean"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
