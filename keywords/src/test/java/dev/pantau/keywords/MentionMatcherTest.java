package dev.pantau.keywords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MentionMatcherTest {

  private static MentionFields text(String t) {
    return MentionFields.ofText(t);
  }

  private static MentionFields mention(String t, String lang, String source, String author, String url) {
    return new MentionFields("m1", t, null, url, lang, source, null, null, author);
  }

  private static List<String> brands(String query, MentionFields m) throws Exception {
    try (MentionMatcher mm = MentionMatcher.create(new KeywordSet(List.of(Brand.of("b", query)), List.of()))) {
      return mm.match(m).brands();
    }
  }

  private static boolean matches(String query, String text) throws Exception {
    return !brands(query, text(text)).isEmpty();
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
    assertThat(brands("@acme", mention("hello world", null, null, "@Acme", null))).containsExactly("b");
  }

  @Test
  void brandFilters() throws Exception {
    Brand b = new Brand("tsel", null, null, "telkomsel", List.of("id"), List.of("twitter"), null,
        List.of("@spambot"), List.of("jobstreet.co.id"));
    try (MentionMatcher mm = MentionMatcher.create(new KeywordSet(List.of(b), List.of()))) {
      assertThat(mm.match(mention("telkomsel mantap", "id", "twitter", "@budi", null)).brands()).containsExactly("tsel");
      assertThat(mm.match(mention("telkomsel mantap", "en", "twitter", "@budi", null)).brands()).isEmpty();
      assertThat(mm.match(mention("telkomsel mantap", "id", "news", "@budi", null)).brands()).isEmpty();
      assertThat(mm.match(mention("telkomsel mantap", "id", "twitter", "SpamBot", null)).brands()).isEmpty();
      assertThat(mm.match(mention("telkomsel mantap", "id", "twitter", "@budi", "https://www.jobstreet.co.id/x")).brands()).isEmpty();
      assertThat(mm.match(mention("telkomsel mantap", "id", "twitter", "@budi", "https://detik.com/x")).brands()).containsExactly("tsel");
    }
  }

  @Test
  void matchedTermsAndTopics() throws Exception {
    KeywordSet set = new KeywordSet(
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
    try (MentionMatcher mm = MentionMatcher.create(new KeywordSet(List.of(Brand.of("a", "alpha")), List.of()))) {
      assertThatThrownBy(() -> mm.update(new KeywordSet(List.of(Brand.of("a", "(alpha")), List.of())))
          .isInstanceOf(KeywordSetException.class)
          .hasMessageContaining("brand a, position 0: unbalanced parenthesis");
      assertThat(mm.match(text("alpha")).brands()).containsExactly("a");
      mm.update(new KeywordSet(List.of(Brand.of("b", "beta")), List.of()));
      assertThat(mm.match(text("alpha beta")).brands()).containsExactly("b");
    }
  }
}
