package dev.pantau.tools.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.keywords.sentiment.WordVectors;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The table built from a JSON of the npm package's shape. */
class WordVectorsBuildTest {

  private static final String JSON =
      "{\"precision\":8,\"l2NormIndex\":2,\"wordIndex\":3,\"size\":4,\"dimensions\":2,"
          + "\"words\":[\"the\",\"good\",\"vectors\",\"rare\"],"
          + "\"vectors\":{\"rare\":[9,9,12.7,3],\"vectors\":[0.5,-0.25,0.56,2],"
          + "\"the\":[1.0,-2.0,2.24,0],\"good\":[0.3,0.4,0.5,1]},"
          + "\"unkVector\":[0,0,0,-1]}";

  private static byte[] build(int rows) throws Exception {
    return WordVectorsBuild.build(
        new ByteArrayInputStream(JSON.getBytes(StandardCharsets.UTF_8)), rows);
  }

  @Test
  void keepsTheMostFrequentWordsInTheirOrderWithTheirVectors() throws Exception {
    WordVectors t = WordVectors.read(build(3));
    assertThat(t.size()).isEqualTo(3);
    assertThat(t.dims()).isEqualTo(2);
    assertThat(t.row("the")).isZero();
    assertThat(t.row("good")).isEqualTo(1);
    // a word named like the JSON's field is a word like any other
    assertThat(t.row("vectors")).isEqualTo(2);
    assertThat(t.row("rare")).isEqualTo(-1);
    // within half a quantisation step of the row (its largest component / 127), which is exact
    assertThat(t.vector("the")[0])
        .isCloseTo(1.0f, org.assertj.core.api.Assertions.within(1f / 127));
    assertThat(t.vector("the")[1]).isEqualTo(-2.0f);
    assertThat(t.vector("vectors")[0]).isEqualTo(0.5f);
  }

  @Test
  void theSamePackageGivesTheSameBytes() throws Exception {
    assertThat(build(4)).isEqualTo(build(4));
    assertThat(WordVectors.read(build(4)).row("rare")).isEqualTo(3);
  }
}
