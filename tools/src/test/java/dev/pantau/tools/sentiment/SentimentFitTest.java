package dev.pantau.tools.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.keywords.sentiment.FeatureConfig;
import dev.pantau.keywords.sentiment.FeatureVector;
import dev.pantau.keywords.sentiment.SentimentFeatures;
import dev.pantau.keywords.sentiment.SentimentModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The second pass's fitting options on hand-written texts: naive-Bayes scales, epoch averaging, and
 * the same bytes from the same data.
 */
class SentimentFitTest {

  private static final FeatureConfig WORDS =
      FeatureConfig.parse(
          "language=en;bits=12;wordNgrams=1;charMin=0;charMax=0;negation=true;rules=false;"
              + "ruleWeight=1;charWeight=1");

  private static final String[][] TEXTS = {
    {"0", "awful service today"},
    {"0", "awful delay again today"},
    {"0", "terrible awful app today"},
    {"1", "the store opens today"},
    {"1", "new plan announced today"},
    {"1", "the meeting is today"},
    {"2", "great service today"},
    {"2", "great app, lovely today"},
    {"2", "lovely great crew today"},
  };

  private static List<Datasets.Example> examples() {
    List<Datasets.Example> out = new ArrayList<>();
    for (int i = 0; i < TEXTS.length; i++) {
      out.add(new Datasets.Example(TEXTS[i][1], Integer.parseInt(TEXTS[i][0]), "hand", i + 1));
    }
    return out;
  }

  private static int wordBucket(SentimentFeatures f, String word) {
    // a one-word text without rules: the word's bucket first, then the bias
    return f.extract(word, Set.of()).index(0);
  }

  @Test
  void naiveBayesScalesRaiseAClassWordAndLowerAWordOfEveryClass() {
    SentimentFeatures f = SentimentFeatures.create(WORDS);
    List<FeatureVector> x = new ArrayList<>();
    List<Datasets.Example> ex = examples();
    int[] gold = new int[ex.size()];
    for (int i = 0; i < ex.size(); i++) {
      x.add(f.extract(ex.get(i).text(), Set.of()));
      gold[i] = ex.get(i).gold();
    }
    double[] scale = NaiveBayesScale.of(x, gold, WORDS.buckets(), 1.0, 1.0, f.denseBuckets());
    int great = wordBucket(f, "great");
    int today = wordBucket(f, "today");
    assertThat(great).isNotEqualTo(today);
    // "great" only in positive texts, "today" in all nine
    assertThat(scale[3 * great + 2]).isGreaterThan(1.0);
    assertThat(scale[3 * today + 2]).isLessThan(0.2);
    assertThat(scale[3 * great + 2]).isGreaterThan(5 * scale[3 * today + 2]);
    for (int k : f.denseBuckets()) {
      assertThat(scale[3 * k]).isEqualTo(1.0);
      assertThat(scale[3 * k + 1]).isEqualTo(1.0);
      assertThat(scale[3 * k + 2]).isEqualTo(1.0);
    }
    double[] half = NaiveBayesScale.of(x, gold, WORDS.buckets(), 1.0, 0.5, f.denseBuckets());
    assertThat(half[3 * great + 2]).isCloseTo(0.5 + 0.5 * scale[3 * great + 2], within());
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-12);
  }

  @Test
  void averagingOneEpochFromTheFirstIsThatEpochsWeights() {
    SentimentFeatures f = SentimentFeatures.create(WORDS);
    List<FeatureVector> x = new ArrayList<>();
    int[] gold = new int[TEXTS.length];
    for (int i = 0; i < TEXTS.length; i++) {
      x.add(f.extract(TEXTS[i][1], Set.of()));
      gold[i] = Integer.parseInt(TEXTS[i][0]);
    }
    LogisticRegression.Settings one = new LogisticRegression.Settings(1, 0.1, 1e-4, true, 5L);
    double[] plain = LogisticRegression.fit(x, gold, null, WORDS.buckets(), one);
    double[] averaged = LogisticRegression.fit(x, gold, null, WORDS.buckets(), one, null, 0);
    assertThat(averaged).containsExactly(plain);
    // over three epochs the mean of the three snapshots differs from the last one
    LogisticRegression.Settings three = one.withEpochs(3);
    assertThat(LogisticRegression.fit(x, gold, null, WORDS.buckets(), three, null, 0))
        .isNotEqualTo(LogisticRegression.fit(x, gold, null, WORDS.buckets(), three));
  }

  @Test
  void theScaledModelLearnsTheTextsAndTheSameDataGiveTheSameBytes() {
    SentimentTraining.Recipe recipe =
        new SentimentTraining.Recipe(
            WORDS, new LogisticRegression.Settings(30, 0.1, 1e-5, true, 9L), 1.0, 10, 2);
    byte[] a = SentimentTraining.fit(examples(), recipe);
    byte[] b = SentimentTraining.fit(examples(), recipe);
    assertThat(a).isEqualTo(b);
    SentimentModel m = SentimentModel.read(a);
    SentimentFeatures f = SentimentFeatures.create(m.config());
    for (String[] t : TEXTS) {
      double[] p = m.probabilities(f.extract(t[1], Set.of()));
      int best = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
      assertThat(best).as(t[1]).isEqualTo(Integer.parseInt(t[0]));
    }
  }
}
