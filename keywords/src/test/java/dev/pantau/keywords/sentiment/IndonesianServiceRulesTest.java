package dev.pantau.keywords.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndonesianServiceRulesTest {

  private static boolean complaint(String text) {
    return IndonesianServiceRules.complaint(IndonesianTokenizer.tokenize(text));
  }

  private static IndonesianServiceRules.Reading read(String text) {
    return IndonesianServiceRules.read(text, IndonesianTokenizer.tokenize(text));
  }

  private static boolean question(String text) {
    return read(text) == IndonesianServiceRules.Reading.QUESTION;
  }

  @Test
  void failuresOfServiceAreComplaints() {
    for (String text :
        List.of(
            "@PLN_123 listrik padam lagi, tiap hari begini",
            "aplikasi @bca error terus dari kemarin",
            "@BankBRI saldo saya kepotong tapi transfer gagal",
            "wifi mati lagi",
            "internet mati",
            "@tokopedia paket saya belum sampai",
            "refund saya belum diproses sampai sekarang",
            "gak bisa login dari pagi",
            "tidak bisa transfer ke rekening lain",
            "udah 2 jam gak ada yang bales",
            "chat saya tidak dibalas",
            "cs susah dihubungi",
            "transfer antar bank pending dari kemarin")) {
      assertThat(complaint(text)).as(text).isTrue();
    }
  }

  @Test
  void failuresDeniedAndOtherSensesAreNot() {
    for (String text :
        List.of(
            "tidak ada gangguan sama sekali",
            "lancar tanpa error",
            "nkri harga mati",
            "pelayanannya ramah dan cepat",
            "tidak bisa berhenti makan di sini",
            "paket sudah sampai")) {
      assertThat(complaint(text)).as(text).isFalse();
    }
  }

  @Test
  void oneQuestionPutToABrandIsAnInformationQuestion() {
    assertThat(question("@tokopedia cara ganti alamat pengiriman gimana ya?")).isTrue();
    assertThat(question("kak, kantor cabang buka jam berapa hari sabtu?")).isTrue();
    assertThat(question("@IndiHome mau tanya, biaya pasang baru berapa?")).isTrue();
    // "masa aktif" is a validity period, not the rhetorical "masa"
    assertThat(question("@Indosat mau tanya, nomor saya masa aktifnya sampai kapan?")).isTrue();
    // not put to anyone: SmSA's one-sentence questions are rhetorical
    assertThat(question("apa yang sudah dilakukan oleh anies selain pencitraan ?")).isFalse();
    // a question of complaint, several sentences, or no question at all
    assertThat(question("@tokopedia kenapa paket saya belum sampai?")).isFalse();
    assertThat(question("@tokopedia paket saya hilang. kapan diganti?")).isFalse();
    assertThat(question("@tokopedia paket saya sudah sampai")).isFalse();
    // a question about buying needs no address; a question to a handle among other sentences asks
    assertThat(question("mau beli paket yang 60GB, harga berapa?")).isTrue();
    assertThat(read("harga berapa ya iPhone di @tokopedia sekarang? mau beli buat kado"))
        .isEqualTo(IndonesianServiceRules.Reading.ASKS);
    assertThat(read("@tokopedia paket saya hilang. kapan diganti?"))
        .isEqualTo(IndonesianServiceRules.Reading.COMPLAINT);
    // "pak" and "bu" address politicians as often as staff: no address
    assertThat(question("pak anies kapan jalan ini dibuka ?")).isFalse();
  }
}
