package dev.pantau.keywords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MentionMatcherTest {

  private static MentionFields text(String t) {
    return MentionFields.ofText(t);
  }

  private static MentionFields mention(
      String t, String lang, String source, String author, String url) {
    return new MentionFields("m1", t, null, url, lang, source, null, null, author);
  }

  private static List<String> brands(String query, MentionFields m) throws Exception {
    try (MentionMatcher mm =
        MentionMatcher.create(new KeywordSet(List.of(Brand.of("b", query)), List.of()))) {
      return mm.match(m).brands();
    }
  }

  private static boolean matches(String query, String text) throws Exception {
    return !brands(query, text(text)).isEmpty();
  }

  @Test
  void reportsAWildcardThatOverflowsOnAMentionPerBrand() throws Exception {
    StringBuilder text = new StringBuilder("telkomsel");
    for (int i = 0; i < MatcherConfig.DEFAULT_WILDCARD_EXPANSIONS + 10; i++) {
      text.append(" aaa").append(i);
    }
    KeywordSet set =
        new KeywordSet(
            List.of(Brand.of("near", "aaa* NEAR/3 telkomsel"), Brand.of("plain", "telkomsel")),
            List.of(new Topic("t", "aaa* NEAR/3 telkomsel")));
    try (MentionMatcher mm = MentionMatcher.create(set)) {
      MatchResult r = mm.match(text(text.toString()));
      assertThat(r.brands()).containsExactly("plain");
      assertThat(r.overflowedBrands()).containsExactly("near");
      assertThat(r.overflowedTopics()).containsExactly("t");
      MatchResult few = mm.match(text("telkomsel aaa1 aaa2"));
      assertThat(few.brands()).containsExactly("near", "plain");
      assertThat(few.overflowedBrands()).isEmpty();
    }
  }

  @Test
  void termsPhrasesAndBooleans() throws Exception {
    assertThat(matches("telkomsel", "Sinyal Telkomsel lagi jelek")).isTrue();
    assertThat(matches("telkomsel", "sinyal indosat")).isFalse();
    assertThat(matches("\"telkom sel\"", "ini telkom sel bukan")).isTrue();
    assertThat(matches("\"telkom sel\"", "sel telkom")).isFalse();
    assertThat(matches("telkomsel AND NOT lowongan", "lowongan kerja telkomsel")).isFalse();
    assertThat(matches("telkomsel -lowongan", "promo telkomsel")).isTrue();
    assertThat(matches("telkomsel NOT lowongan", "lowongan telkomsel")).isFalse();
    assertThat(matches("a b OR c", "c only")).isTrue();
    assertThat(matches("a b OR c", "a only")).isFalse();
    assertThat(matches("a (b OR c)", "a c")).isTrue();
    assertThat(matches("a (b OR c)", "c")).isFalse();
  }

  @Test
  void hyphenatedTermsArePhrases() throws Exception {
    assertThat(matches("coca-cola", "I love Coca-Cola")).isTrue();
    assertThat(matches("coca-cola", "coca cola zero")).isTrue();
    assertThat(matches("coca-cola", "cola and coca")).isFalse();
    assertThat(matches("t-mobile", "T-Mobile outage")).isTrue();
  }

  @Test
  void hashtagsAndHandles() throws Exception {
    assertThat(matches("#acme", "love #acme")).isTrue();
    assertThat(matches("#acme", "love acme")).isFalse();
    assertThat(matches("acme", "love #acme")).isTrue();
    assertThat(matches("acme", "cc @acme")).isTrue();
    assertThat(matches("@acme", "thanks @acme's team")).isTrue();
    assertThat(matches("@acme", "@acme: help")).isTrue();
    assertThat(matches("@acme", "@acme#x")).isTrue();
    assertThat(matches("@acme", "mail x@acme.com")).isFalse();
    assertThat(matches("acme", "mail x@acme.com")).isFalse();
    assertThat(matches("@acme", "acme rocks")).isFalse();
    assertThat(brands("@acme", mention("hello world", null, null, "@Acme", null)))
        .containsExactly("b");
  }

  @Test
  void brandFilters() throws Exception {
    Brand b =
        new Brand(
            "tsel",
            null,
            null,
            "telkomsel",
            List.of("id"),
            List.of("twitter"),
            null,
            List.of("@spambot"),
            List.of("jobstreet.co.id"));
    try (MentionMatcher mm = MentionMatcher.create(new KeywordSet(List.of(b), List.of()))) {
      assertThat(mm.match(mention("telkomsel mantap", "id", "twitter", "@budi", null)).brands())
          .containsExactly("tsel");
      assertThat(mm.match(mention("telkomsel mantap", "en", "twitter", "@budi", null)).brands())
          .isEmpty();
      assertThat(mm.match(mention("telkomsel mantap", "id", "news", "@budi", null)).brands())
          .isEmpty();
      assertThat(mm.match(mention("telkomsel mantap", "id", "twitter", "SpamBot", null)).brands())
          .isEmpty();
      assertThat(
              mm.match(
                      mention(
                          "telkomsel mantap",
                          "id",
                          "twitter",
                          "@budi",
                          "https://www.jobstreet.co.id/x"))
                  .brands())
          .isEmpty();
      assertThat(
              mm.match(mention("telkomsel mantap", "id", "twitter", "@budi", "https://detik.com/x"))
                  .brands())
          .containsExactly("tsel");
    }
  }

  @Test
  void matchedTermsAndTopics() throws Exception {
    KeywordSet set =
        new KeywordSet(
            List.of(Brand.of("tsel", "telkomsel OR #tsel"), Brand.of("xl", "xl")),
            List.of(new Topic("sinyal", "sinyal NEAR/2 (hilang OR lemot)")));
    try (MentionMatcher mm = MentionMatcher.create(set)) {
      MatchResult r = mm.match(text("Kenapa sinyal #Tsel hilang terus, Telkomsel!"));
      assertThat(r.brands()).containsExactly("tsel");
      assertThat(r.topics()).containsExactly("sinyal");
      assertThat(r.matchedTerms().get("tsel")).containsExactly("#tsel", "telkomsel");
      assertThat(r.matchedTerms().get("sinyal")).contains("sinyal", "hilang");
    }
  }

  @Test
  void updateKeepsLastGoodSetOnError() throws Exception {
    try (MentionMatcher mm =
        MentionMatcher.create(new KeywordSet(List.of(Brand.of("a", "alpha")), List.of()))) {
      assertThatThrownBy(
              () -> mm.update(new KeywordSet(List.of(Brand.of("a", "(alpha")), List.of())))
          .isInstanceOf(KeywordSetException.class)
          .hasMessageContaining("brand a, position 0: unbalanced parenthesis");
      assertThat(mm.match(text("alpha")).brands()).containsExactly("a");
      mm.update(new KeywordSet(List.of(Brand.of("b", "beta")), List.of()));
      assertThat(mm.match(text("alpha beta")).brands()).containsExactly("b");
    }
  }

  @Test
  void wildcardQueriesAreNotCandidatesForEveryMention() throws Exception {
    KeywordSet set =
        new KeywordSet(
            List.of(
                Brand.of("w1", "telkom*"),
                Brand.of("w2", "(telkom* OR indosat*) NEAR/3 (sinyal* OR jaringan*)"),
                Brand.of("w3", "colo?r")),
            List.of());
    try (MentionMatcher mm = MentionMatcher.create(set)) {
      assertThat(mm.match(List.of(text("hello world"), text("nothing to see"))))
          .noneMatch(MatchResult::matched);
      assertThat(mm.queriesRunCount()).isZero();
      assertThat(mm.match(text("sinyalnya telkomsel lemot")).brands()).containsExactly("w1", "w2");
      assertThat(mm.queriesRunCount()).isBetween(1L, 2L);
    }
  }

  @Test
  void wildcardExpansionOverflowIsCountedAndLogged() throws Exception {
    KeywordSet set = new KeywordSet(List.of(Brand.of("w", "telkom* NEAR/1 lemot")), List.of());
    try (MentionMatcher mm =
        MentionMatcher.create(set, MatcherConfig.defaults().wildcardExpansions(1))) {
      List<MentionFields> batch =
          List.of(
              text("telkoma lemot"),
              text("telkoma telkomb lemot"),
              text("telkomc cepat"),
              text("telkomd lemot"));
      List<MatchResult> r = mm.match(batch);
      // The second mention holds two words for a wildcard allowed one: an error, counted, not a
      // match.
      assertThat(r).extracting(MatchResult::matched).containsExactly(true, false, false, true);
      assertThat(mm.queryErrorCount()).isEqualTo(1);
    }
  }

  @Test
  void resultLangIsGivenElseDetected() throws Exception {
    try (MentionMatcher mm =
        MentionMatcher.create(new KeywordSet(List.of(Brand.of("x", "x")), List.of()))) {
      assertThat(mm.match(mention("whatever", "ID", null, null, null)).lang()).isEqualTo("id");
      assertThat(mm.match(text("sinyal xl lagi lemot banget nih")).lang()).isEqualTo("id");
      assertThat(mm.match(text("the xl signal is really bad today")).lang()).isEqualTo("en");
      assertThat(mm.match(text("xl 123")).lang()).isEqualTo("und");
    }
  }

  @Test
  void updateAppliesFilterOnlyChangesAndTopics() throws Exception {
    Brand open = Brand.of("tsel", "telkomsel");
    Brand newsOnly =
        new Brand("tsel", null, null, "telkomsel", null, List.of("news"), null, null, null);
    try (MentionMatcher mm = MentionMatcher.create(new KeywordSet(List.of(open), List.of()))) {
      MentionFields tweet = mention("telkomsel promo gratis", "id", "twitter", null, null);
      assertThat(mm.match(tweet).brands()).containsExactly("tsel");
      mm.update(new KeywordSet(List.of(newsOnly), List.of(new Topic("promo", "promo OR diskon"))));
      assertThat(mm.keywordSet().brands()).containsExactly(newsOnly);
      MatchResult r = mm.match(tweet);
      assertThat(r.brands()).isEmpty();
      assertThat(r.topics()).containsExactly("promo");
      mm.update(new KeywordSet(List.of(open), List.of()));
      assertThat(mm.match(tweet).topics()).isEmpty();
      assertThat(mm.match(tweet).brands()).containsExactly("tsel");
    }
  }

  @Test
  void batchResultsKeepInputOrder() throws Exception {
    KeywordSet set =
        new KeywordSet(List.of(Brand.of("a", "alpha"), Brand.of("b", "beta")), List.of());
    try (MentionMatcher mm = MentionMatcher.create(set)) {
      List<MentionFields> in = new java.util.ArrayList<>();
      for (int i = 0; i < 10; i++) {
        in.add(text(i % 2 == 0 ? "alpha " + i : "beta " + i));
      }
      List<MatchResult> out = mm.match(in);
      for (int i = 0; i < 10; i++) {
        assertThat(out.get(i).brands()).containsExactly(i % 2 == 0 ? "a" : "b");
      }
    }
  }

  @Test
  void emptySetMatchesNothingAndCanBeFilledLater() throws Exception {
    try (MentionMatcher mm = MentionMatcher.create(KeywordSet.EMPTY)) {
      MatchResult r = mm.match(text("telkomsel sinyal lemot banget"));
      assertThat(r.matched()).isFalse();
      assertThat(r.lang()).isEqualTo("id");
      assertThat(mm.match(List.of())).isEmpty();
      mm.update(new KeywordSet(List.of(Brand.of("tsel", "telkomsel")), List.of()));
      assertThat(mm.match(text("telkomsel sinyal lemot banget")).brands()).containsExactly("tsel");
      assertThat(mm.match(MentionFields.ofText("")).matched()).isFalse();
    }
  }
}
