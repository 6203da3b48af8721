package dev.pantau.keywords.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndonesianTokenizerTest {

  @Test
  void keepsNegatorsIntensifiersAndContrastWords() {
    assertThat(IndonesianTokenizer.tokenize("Tidak bagus, sangat lambat tapi ramah"))
        .containsExactly("tidak", "bagus", "|", "sangat", "lambat", "tapi", "ramah");
  }

  @Test
  void spellsOutSlang() {
    assertThat(IndonesianTokenizer.tokenize("gak bagus bgt"))
        .containsExactly("tidak", "bagus", "banget");
    assertThat(IndonesianTokenizer.tokenize("nggak enggak ga tdk"))
        .containsExactly("tidak", "tidak", "tidak", "tidak");
    assertThat(IndonesianTokenizer.tokenize("tp udh lemot"))
        .containsExactly("tapi", "sudah", "lambat");
  }

  @Test
  void doesNotStem() {
    // Lucene's IndonesianAnalyzer makes this "ecewa"
    assertThat(IndonesianTokenizer.tokenize("mengecewakan")).containsExactly("mengecewakan");
  }

  @Test
  void squeezesLettersRepeatedForEmphasis() {
    assertThat(IndonesianTokenizer.tokenize("mantappp bagusss")).containsExactly("mantap", "bagus");
    assertThat(IndonesianTokenizer.squeeze("maaf")).isEqualTo("maaf");
    assertThat(IndonesianTokenizer.squeeze("lamaaaa")).isEqualTo("lama");
  }

  @Test
  void foldsReduplication() {
    assertThat(IndonesianTokenizer.tokenize("enak-enak benar-benar"))
        .containsExactly("enak", "benar");
    assertThat(IndonesianTokenizer.tokenize("pulsa-data")).containsExactly("pulsa", "data");
  }

  @Test
  void marksSentenceBoundariesOnceAndDropsLinks() {
    assertThat(IndonesianTokenizer.tokenize("jelek!!! cek https://t.co/abc ya"))
        .containsExactly("jelek", "|", "cek", "ya");
    assertThat(IndonesianTokenizer.tokenize("")).isEmpty();
  }
}
