package dev.pantau.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MatchExplainTest {

  private static QueryExplanation of(List<QueryExplanation> all, String id) {
    return all.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void namesTheClauseThatFiredWithItsOwnWordsOnly() throws Exception {
    KeywordSet set =
        new KeywordSet(
            List.of(Brand.of("telkomsel", "telkomsel")),
            List.of(new Topic("complaint", "\"sinyal hilang\" OR kecewa OR lemot")));
    try (MentionMatcher m = MentionMatcher.create(set)) {
      QueryExplanation complaint =
          of(
              m.explain(MentionFields.ofText("sinyal telkomsel hilang? sinyal hilang lagi")),
              "complaint");
      assertThat(complaint.matched()).isTrue();
      assertThat(complaint.root().operator()).isEqualTo("OR");
      List<QueryExplanation.Clause> fired =
          complaint.root().children().stream().filter(QueryExplanation.Clause::holds).toList();
      assertThat(fired)
          .extracting(QueryExplanation.Clause::text)
          .containsExactly("\"sinyal hilang\"");
      assertThat(fired.get(0).words()).containsExactly("sinyal", "hilang");
    }
  }

  @Test
  void namesTheExclusionThatFailedAndTheWordThatFailedIt() throws Exception {
    KeywordSet set =
        new KeywordSet(
            List.of(Brand.of("xl", "(xl OR axiata) AND NOT (lowongan OR loker)")), List.of());
    try (MentionMatcher m = MentionMatcher.create(set)) {
      QueryExplanation xl =
          of(m.explain(MentionFields.ofText("Lowongan kerja XL Axiata Jakarta")), "xl");
      assertThat(xl.matched()).isFalse();
      assertThat(xl.root().holds()).isFalse();
      QueryExplanation.Clause failed =
          xl.root().children().stream().filter(c -> !c.holds()).findFirst().orElseThrow();
      assertThat(failed.operator()).isEqualTo("NOT");
      assertThat(failed.text()).isEqualTo("NOT (lowongan OR loker)");
      assertThat(failed.words()).containsExactly("lowongan");
      assertThat(xl.root().children().get(0).words()).containsExactly("xl", "axiata");
      assertThat(xl.root().children().get(0).children())
          .filteredOn(QueryExplanation.Clause::holds)
          .extracting(QueryExplanation.Clause::text)
          .containsExactly("xl", "axiata");
    }
  }

  @Test
  void saysWhichFilterKeptTheMentionOut() throws Exception {
    Brand b = new Brand("indosat", null, null, "indosat", List.of("en"), null, null, null, null);
    try (MentionMatcher m = MentionMatcher.create(new KeywordSet(List.of(b), List.of()))) {
      QueryExplanation e =
          of(
              m.explain(
                  new MentionFields(
                      null,
                      "sinyal indosat mantap sekali hari ini",
                      null,
                      null,
                      "id",
                      null,
                      null,
                      null,
                      null)),
              "indosat");
      assertThat(e.matched()).isFalse();
      assertThat(e.root().holds()).isTrue();
      assertThat(e.filteredOut()).contains("language id");
    }
  }

  /**
   * On random queries and mentions (the brute-force test's generator), the clause tree agrees with
   * the matcher.
   */
  @ParameterizedTest
  @ValueSource(longs = {3L, 99L, 2027L})
  void theClauseTreeAgreesWithTheMatcher(long seed) throws Exception {
    Random r = new Random(seed);
    List<Brand> brands = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      brands.add(Brand.of("b" + i, MatcherEqualsBruteForceTest.query(r, 0)));
    }
    List<Topic> topics = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      topics.add(new Topic("t" + i, MatcherEqualsBruteForceTest.query(r, 0)));
    }
    int matched = 0;
    try (MentionMatcher m = MentionMatcher.create(new KeywordSet(brands, topics))) {
      for (int i = 0; i < 80; i++) {
        MentionFields mention = MatcherEqualsBruteForceTest.mention(r, i);
        for (QueryExplanation e : m.explain(mention)) {
          boolean expected = e.matched();
          boolean tree = e.root().holds() && e.filteredOut() == null;
          if (e.root().text().contains("not evaluated")) {
            continue;
          }
          assertThat(tree)
              .as("seed %d, %s %s on %s", seed, e.kind(), e.query(), mention)
              .isEqualTo(expected);
          matched += expected ? 1 : 0;
        }
      }
    }
    assertThat(matched).as("the generator produces matches").isGreaterThan(20);
  }
}
