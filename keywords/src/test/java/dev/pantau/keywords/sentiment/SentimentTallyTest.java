package dev.pantau.keywords.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pantau.keywords.sentiment.Sentiment.Label;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The KPI sentiment fields of a hand-made window, exactly. */
class SentimentTallyTest {

  private static final List<Sentiment> WINDOW =
      List.of(
          new Sentiment(0.5, Label.POSITIVE),
          new Sentiment(0.25, Label.POSITIVE),
          new Sentiment(0.0, Label.NEUTRAL),
          new Sentiment(-0.75, Label.NEGATIVE),
          Sentiment.UNSCORED,
          Sentiment.UNSCORED);

  @Test
  void fieldsOfAHandMadeWindow() {
    SentimentTally t = SentimentTally.EMPTY;
    for (Sentiment s : WINDOW) {
      t = t.add(s);
    }
    assertThat(t.positive()).isEqualTo(2);
    assertThat(t.neutral()).isEqualTo(1);
    assertThat(t.negative()).isEqualTo(1);
    assertThat(t.unscored()).isEqualTo(2);
    assertThat(t.scored()).isEqualTo(4);
    // net = (2 - 1) / 4; mean = (0.5 + 0.25 + 0 - 0.75) / 4; unscored ones count in neither
    assertThat(t.net()).isEqualTo(0.25);
    assertThat(t.mean()).isEqualTo(0.0);
  }

  @Test
  void mergingInAnyOrderIsExact() {
    List<Sentiment> scores =
        List.of(
            new Sentiment(0.1, Label.POSITIVE),
            new Sentiment(0.2, Label.POSITIVE),
            new Sentiment(0.3, Label.POSITIVE),
            new Sentiment(-0.7, Label.NEGATIVE));
    SentimentTally forward = SentimentTally.EMPTY;
    for (Sentiment s : scores) {
      forward = forward.add(s);
    }
    SentimentTally pairs =
        SentimentTally.EMPTY
            .add(scores.get(3))
            .add(scores.get(0))
            .merge(SentimentTally.EMPTY.add(scores.get(2)).add(scores.get(1)));
    assertThat(pairs).isEqualTo(forward);
    assertThat(forward.mean()).isEqualTo(-0.025);
  }

  @Test
  void anEmptyWindowIsZero() {
    SentimentTally onlyUnscored = SentimentTally.EMPTY.add(Sentiment.UNSCORED);
    assertThat(onlyUnscored.net()).isZero();
    assertThat(onlyUnscored.mean()).isZero();
    assertThat(onlyUnscored.unscored()).isEqualTo(1);
  }

  @Test
  void rejectsImpossibleTallies() {
    assertThatThrownBy(() -> new SentimentTally(-1, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive=-1");
    assertThatThrownBy(() -> new SentimentTally(1, 0, 0, 0, 2 * SentimentTally.SCALE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scoreSum");
  }
}
