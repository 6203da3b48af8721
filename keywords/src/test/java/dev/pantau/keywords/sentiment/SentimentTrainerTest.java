package dev.pantau.keywords.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on a small hand-written corpus: deterministic and it learns the obvious. */
class SentimentTrainerTest {

  private static final String CORPUS =
      """
      makanannya enak dan pelayanannya ramah\tpositive
      tempatnya bagus banget , saya suka\tpositive
      pengiriman cepat , barang bagus\tpositive
      mantap , harga murah kualitas bagus\tpositive
      makanannya tidak enak\tnegative
      pelayanannya lambat dan tidak ramah\tnegative
      barang rusak , kecewa\tnegative
      tidak bagus , jangan beli di sini\tnegative
      toko buka jam sembilan pagi\tneutral
      hari ini ada rapat di kantor\tneutral
      saya pergi ke pasar naik bus\tneutral
      besok jadwal pengiriman barang\tneutral
      """;

  @TempDir Path dir;

  private List<SentimentTrainer.Example> corpus() throws IOException {
    Path tsv = dir.resolve("train.tsv");
    Files.writeString(tsv, CORPUS, StandardCharsets.UTF_8);
    return SentimentTrainer.read(tsv);
  }

  private static SentimentTrainer.Config config() {
    return SentimentTrainer.Config.DEFAULT.withMinCount(1).withEpochs(30);
  }

  @Test
  void sameDataGivesTheSameBytes() throws IOException {
    EnglishScorer english = EnglishSupport.scorer();
    String first = SentimentTrainer.format(SentimentTrainer.train(corpus(), config(), english));
    String second = SentimentTrainer.format(SentimentTrainer.train(corpus(), config(), english));
    assertThat(first).isEqualTo(second).startsWith(LinearModel.HEADER + "\n");
  }

  @Test
  void learnsTheCorpus() throws IOException {
    List<SentimentTrainer.Example> examples = corpus();
    EnglishScorer english = EnglishSupport.scorer();
    LinearModel model = new LinearModel(SentimentTrainer.train(examples, config(), english));
    List<Integer> predicted = new ArrayList<>();
    List<Integer> gold = new ArrayList<>();
    for (SentimentTrainer.Example e : examples) {
      predicted.add(SentimentEvaluation.argmax(
          model.probabilities(SentimentTrainer.features(e.text(), config().features(), english))));
      gold.add(e.gold());
    }
    assertThat(predicted).isEqualTo(gold);
    double[] p = model.probabilities(SentimentTrainer.features("tidak enak", config().features(), english));
    assertThat(SentimentEvaluation.argmax(p)).isZero();
    assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void writtenWeightsLoadBack() throws IOException {
    Map<String, float[]> weights =
        SentimentTrainer.train(corpus(), config(), EnglishSupport.scorer());
    String text = SentimentTrainer.format(weights);
    assertThat(text.lines().skip(1)).allMatch(l -> l.matches("[^\t]+(\t-?\\d+\\.\\d{4}){3}"));
    assertThat(text.lines().count()).isEqualTo(weights.size() + 1);
  }

  @Test
  void rejectsAnUnknownLabelWithItsLine() throws IOException {
    Path tsv = dir.resolve("bad.tsv");
    Files.writeString(tsv, "bagus\tpositive\njelek\tbad\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SentimentTrainer.read(tsv))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("bad");
  }
}
