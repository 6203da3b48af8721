package dev.pantau.tools.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * No training text shares its text, once normalised ({@link Datasets#normalise}), with an
 * evaluation text: the training set the trainer builds is checked against every evaluation set
 * (SemEval-2017 test, VADER tweets, SmSA valid, PRDECT-ID's held-out fifth, the team's brand
 * mentions, and the English review sentences when fetched). Needs {@code ../shared/data}; skipped
 * without it.
 */
class TrainingLeakTest {

  private static final Path DATA = Path.of("../../shared/data");

  @Test
  void noTrainingTextIsAnEvaluationText() throws Exception {
    assumeTrue(Files.isDirectory(DATA.resolve("semeval2017")), "no ../shared/data");
    Set<String> evaluation = new HashSet<>();
    for (Evaluation.EvalSet set :
        Evaluation.evaluationSets(
            DATA, Path.of("../keywords/eval"), Path.of("../keywords/target/english-reviews"))) {
      for (Datasets.Example e : set.examples()) {
        evaluation.add(Datasets.normalise(e.text()));
      }
    }
    evaluation.remove("");
    assertThat(evaluation).hasSizeGreaterThan(15_000);
    Set<String> filter = SentimentTraining.evaluationTexts(DATA, Path.of("../keywords/eval"));
    for (String lang : List.of("en", "id")) {
      SentimentTraining.TrainingSet set =
          SentimentTraining.trainingSet(SentimentTraining.rawTraining(lang, DATA), filter);
      assertThat(set.examples()).hasSizeGreaterThan(10_000);
      for (Datasets.Example e : set.examples()) {
        assertThat(evaluation)
            .as(e.source() + " line " + e.line())
            .doesNotContain(Datasets.normalise(e.text()));
      }
    }
  }

  @Test
  void normalisingIgnoresCaseLinksHandlesAndMarks() {
    assertThat(Datasets.normalise("RT @acme: GREAT service!!! https://t.co/x"))
        .isEqualTo(Datasets.normalise("great   service"));
    assertThat(Datasets.normalise("great service"))
        .isNotEqualTo(Datasets.normalise("poor service"));
  }
}
