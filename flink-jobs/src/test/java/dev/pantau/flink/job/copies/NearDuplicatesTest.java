package dev.pantau.flink.job.copies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NearDuplicatesTest {

  @Test
  void normalisesCaseUrlsHandlesPunctuationAndEmoji() {
    assertThat(
            NearDuplicates.words(
                "Promo GILA!!! 🔥 Kuota 50GB cuma 10rb @telkomsel https://t.co/abc #promo"))
        .containsExactly("promo", "gila", "kuota", "50gb", "cuma", "10rb", "promo");
    long[] a =
        NearDuplicates.shingles(
            "Promo GILA!!! Kuota 50GB cuma 10rb di @telkomsel https://t.co/abc");
    long[] b =
        NearDuplicates.shingles(
            "promo gila kuota 50gb cuma 10rb di 🔥 https://bit.ly/xyz @tsel_fan");
    assertThat(NearDuplicates.similarity(a, b)).isEqualTo(1.0);
  }

  @Test
  void aFewWordsApartIsNearlyTheSameADifferentPostIsNot() {
    String original =
        "Aku sudah pakai paket Combo Sakti dari Telkomsel selama tiga bulan dan sinyalnya stabil banget di kantor maupun di rumah";
    String oneWord = original.replace("tiga", "empat");
    String twoWords = oneWord.replace("kantor", "kampus");
    String other =
        "Sinyal Telkomsel di rumah hilang terus sejak kemarin sore, tolong dicek dong min";
    long[] o = NearDuplicates.shingles(original);
    assertThat(NearDuplicates.similarity(o, NearDuplicates.shingles(oneWord)))
        .isGreaterThanOrEqualTo(NearDuplicates.SIMILARITY);
    assertThat(NearDuplicates.nearlySame(o, NearDuplicates.shingles(twoWords)))
        .isFalse()
        .as("two of 21 words: 0.68");
    assertThat(NearDuplicates.similarity(o, NearDuplicates.shingles(other))).isLessThan(0.2);
  }

  @Test
  void shortTextsAreNeverCopies() {
    assertThat(NearDuplicates.shingles("telkomsel down lagi")).isNull();
    assertThat(NearDuplicates.shingles("telkomsel down lagi ya guys")).isNotNull();
  }

  /**
   * LSH finds every nearly-same pair it must: 2,000 random 20-word texts, each with a copy that has
   * one word changed (similarity 0.81), share at least one band key; unrelated texts almost never
   * do.
   */
  @Test
  void lshFindsNearDuplicatesAndFewUnrelatedCandidates() {
    Random r = new Random(7);
    int found = 0;
    int falseCandidates = 0;
    int n = 2_000;
    long[] previous = null;
    for (int i = 0; i < n; i++) {
      List<String> words = new ArrayList<>();
      for (int w = 0; w < 20; w++) {
        words.add("w" + r.nextInt(5_000));
      }
      long[] a = NearDuplicates.shingles(String.join(" ", words));
      words.set(r.nextInt(20), "changed");
      long[] b = NearDuplicates.shingles(String.join(" ", words));
      assertThat(NearDuplicates.similarity(a, b)).isGreaterThanOrEqualTo(0.8);
      if (shareABand(NearDuplicates.bandKeys(a), NearDuplicates.bandKeys(b))) {
        found++;
      }
      if (previous != null
          && shareABand(NearDuplicates.bandKeys(a), NearDuplicates.bandKeys(previous))) {
        falseCandidates++;
      }
      previous = a;
    }
    System.out.printf(
        "LSH: %d of %d near-duplicate pairs found, %d of %d unrelated pairs were candidates%n",
        found, n, falseCandidates, n - 1);
    // 1 - (1 - 0.81^4)^16 = 0.9998 per pair: at most a few misses in 2,000
    assertThat(found).isGreaterThanOrEqualTo(n - 5);
    assertThat(falseCandidates).isLessThanOrEqualTo(2);
  }

  private static boolean shareABand(long[] a, long[] b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        return true;
      }
    }
    return false;
  }
}
