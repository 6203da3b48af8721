package dev.pantau.keywords.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "en | The signal has been terrible all day, thanks for nothing",
        "en | Where can I buy the new phone?",
        "en | @telkomsel why is my internet so slow today",
        "en | Loving the new update, great job",
        "id | Sinyal telkomsel lagi lemot banget hari ini",
        "id | Kak, harga paket ini berapa ya?",
        "id | @indosat kenapa jaringannya gangguan terus sih",
        "id | Pelayanannya mengecewakan, gak akan beli lagi",
        "id | mantap, udah dateng paketnya",
        "und | 😍😍😍",
        "und | https://t.co/abc",
        "und | #promo @tsel",
      })
  void detects(String expected, String text) {
    assertThat(LanguageDetector.detect(text)).isEqualTo(expected);
  }
}
