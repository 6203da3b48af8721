package dev.pantau.keywords.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IndonesianFeaturesTest {

  private static Map<String, Double> features(String text) {
    return IndonesianFeatures.extract(text, 0.0, IndonesianFeatures.Options.ALL);
  }

  @Test
  void negationMarksTheNextTwoWords() {
    Map<String, Double> f = features("tidak terlalu bagus sinyalnya");
    assertThat(f).containsKeys("tidak", "!terlalu", "!bagus", "sinyalnya", "tidak terlalu");
    assertThat(f).doesNotContainKeys("bagus", "!sinyalnya");
  }

  @Test
  void negationEndsAtTheSentence() {
    assertThat(features("belum dikirim. bagus")).containsKeys("!dikirim", "bagus");
  }

  @Test
  void theClauseAfterAContrastWeighsMore() {
    Map<String, Double> f = features("lambat tapi ramah");
    assertThat(f.get("lambat")).isEqualTo(IndonesianFeatures.BEFORE_CONTRAST);
    assertThat(f.get("ramah")).isEqualTo(IndonesianFeatures.AFTER_CONTRAST);
    assertThat(f.get("tapi")).isEqualTo(1.0);
  }

  @Test
  void wordPairsStayWithinASentence() {
    assertThat(features("bagus. banget")).doesNotContainKey("bagus banget");
    assertThat(features("bagus banget")).containsKey("bagus banget");
  }

  @Test
  void textLevelFeatures() {
    Map<String, Double> f =
        IndonesianFeatures.extract("kapan normal?", 0.4, IndonesianFeatures.Options.ALL);
    assertThat(f)
        .containsEntry(IndonesianFeatures.BIAS, 1.0)
        .containsEntry(IndonesianFeatures.QUESTION, 1.0)
        .containsEntry(IndonesianFeatures.ENGLISH, 0.4);
    assertThat(features("normal"))
        .doesNotContainKeys(IndonesianFeatures.QUESTION, IndonesianFeatures.ENGLISH);
  }

  @Test
  void optionsSwitchFeaturesOff() {
    Map<String, Double> f =
        IndonesianFeatures.extract(
            "tidak bagus tapi murah",
            0.5,
            new IndonesianFeatures.Options(false, false, false, false, false));
    assertThat(f)
        .containsKeys("tidak", "bagus", "murah")
        .doesNotContainKeys("!bagus", "tidak bagus", IndonesianFeatures.ENGLISH);
    assertThat(f.get("bagus")).isEqualTo(1.0);
  }
}
