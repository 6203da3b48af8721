package dev.pantau.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Java port of nab_score.py that the cross-validation uses, on hand-computed cases. */
class NabScorerTest {

  // 1,000 rows a minute apart: probation is the first 150; one window over rows 500..599
  private static final long[] TS = new long[1000];
  private static final long[][] WINDOW = {{500 * 60_000L, 599 * 60_000L}};

  static {
    for (int i = 0; i < TS.length; i++) {
      TS[i] = i * 60_000L;
    }
  }

  @Test
  void anAlertOnTheWindowsFirstRowScoresTheFullTruePositiveAndNothingScoresMinusOne() {
    NabScorer.Profile std = NabScorer.STANDARD;
    assertThat(NabScorer.scoreFile(TS, WINDOW, Set.of(TS[500]), std).score())
        .isCloseTo(1.0, within(1e-12));
    assertThat(NabScorer.nullScore(TS, WINDOW, std)).isEqualTo(-1.0);
    assertThat(NabScorer.perfectScore(TS, WINDOW, std)).isCloseTo(1.0, within(1e-12));
    // the last row of the window: sigmoid of -1/100, scaled by the maximum
    double late = (2 / (1 + Math.exp(5 * (-1 / 100.0))) - 1) / (2 / (1 + Math.exp(-5.0)) - 1);
    assertThat(NabScorer.scoreFile(TS, WINDOW, Set.of(TS[599]), std).score())
        .isCloseTo(late, within(1e-12));
  }

  @Test
  void falseAlertsCostTheirProfilesWeightAndAlertsInProbationCountForNothing() {
    NabScorer.FileScore beforeAnyWindow =
        NabScorer.scoreFile(TS, WINDOW, Set.of(TS[300], TS[100]), NabScorer.STANDARD);
    assertThat(beforeAnyWindow.falseAlerts()).isEqualTo(1);
    assertThat(beforeAnyWindow.score()).isCloseTo(-1.0 - 0.11, within(1e-12));
    NabScorer.FileScore lowFp = NabScorer.scoreFile(TS, WINDOW, Set.of(TS[300]), NabScorer.LOW_FP);
    assertThat(lowFp.score()).isCloseTo(-1.0 - 0.22, within(1e-12));
    // right after the window a false alert costs almost nothing: the sigmoid of its distance is
    // close to 0
    double after =
        NabScorer.scoreFile(TS, WINDOW, Set.of(TS[500], TS[600]), NabScorer.STANDARD).score();
    assertThat(after).isLessThan(1.0).isGreaterThan(1.0 - 0.01);
    assertThat(NabScorer.normalise(0, -1, 1)).isEqualTo(50.0);
  }

  @Test
  void bisectFollowsPythonOnRepeatedTimestamps() {
    long[] a = {1, 2, 2, 2, 3};
    assertThat(NabScorer.bisectLeft(a, 2)).isEqualTo(1);
    assertThat(NabScorer.bisectRight(a, 2)).isEqualTo(4);
    assertThat(NabScorer.windowRows(a, new long[][] {{2, 2}})).isDeepEqualTo(new int[][] {{1, 3}});
  }
}
