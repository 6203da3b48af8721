package dev.pantau.keywords.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SocialTokenizerTest {

  private static List<String> show(String text) {
    return SocialTokenizer.tokenize(text).stream().map(t -> t.kind() + ":" + t.raw()).toList();
  }

  @Test
  void handlesFollowSpecBoundaries() {
    assertThat(show("@acme's")).containsExactly("HANDLE:acme", "WORD:s");
    assertThat(show("@acme: hi")).containsExactly("HANDLE:acme", "WORD:hi");
    assertThat(show("@acme#x")).containsExactly("HANDLE:acme", "WORD:x");
    assertThat(show("x@acme.com")).containsExactly("EMAIL:x@acme.com");
    assertThat(show("a_@acme")).containsExactly("WORD:a", "WORD:acme");
    assertThat(show("@@acme")).containsExactly("WORD:acme");
    assertThat(show("#Promo2024!")).containsExactly("HASHTAG:Promo2024");
    assertThat(show("(@tsel_care)")).containsExactly("HANDLE:tsel_care");
  }

  @Test
  void wordsUrlsEmoji() {
    assertThat(show("Coca-Cola's bagus😍😍 https://t.co/x, ok"))
        .containsExactly(
            "WORD:Coca",
            "WORD:Cola",
            "WORD:bagus",
            "EMOJI:😍",
            "EMOJI:😍",
            "URL:https://t.co/x",
            "WORD:ok");
    assertThat(show("don't café")).containsExactly("WORD:dont", "WORD:café");
    assertThat(show("www.detik.com/news.")).containsExactly("URL:www.detik.com/news");
  }

  @Test
  void foldingAndRepeatedLetters() {
    assertThat(WordForms.fold("CRÈME Brûlée")).isEqualTo("creme brulee");
    assertThat(WordForms.variants("bagusss")).containsExactly("bagusss", "baguss", "bagus");
    assertThat(WordForms.variants("cool")).containsExactly("cool");
    assertThat(WordForms.stem("telkomselnya", "id")).isEqualTo("telkomsel");
    assertThat(WordForms.stem("phones", "en")).isEqualTo("phone");
    assertThat(WordForms.stem("phones", "und")).isNull();
  }

  @Test
  void sitesAreHostAndParents() {
    assertThat(MentionAnalyzer.sites("https://User@News.Detik.com:443/a?b"))
        .containsExactly("news.detik.com", "detik.com", "com");
    assertThat(MentionAnalyzer.sites(null)).isEmpty();
  }
}
