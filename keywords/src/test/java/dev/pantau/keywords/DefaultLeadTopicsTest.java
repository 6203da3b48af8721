package dev.pantau.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The default lead topics of {@code config/keywords} (SPEC §2 {@code lead: true}) on real-looking
 * posts, English and Indonesian: those that are leads match their topic, look-alikes do not.
 */
class DefaultLeadTopicsTest {
  private static MentionMatcher matcher;

  @BeforeAll
  static void load() throws Exception {
    KeywordSet set = KeywordSetLoader.load(Path.of("..", "config", "keywords"));
    assertThat(set.topics().stream().filter(Topic::lead).map(Topic::id))
        .containsExactlyInAnyOrder("purchase-intent", "price-question", "switching");
    matcher = MentionMatcher.create(set);
  }

  @AfterAll
  static void close() throws Exception {
    matcher.close();
  }

  private static List<String> topics(String text) {
    return matcher.match(MentionFields.ofText(text)).topics();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "purchase-intent | mau beli kartu perdana telkomsel yang 5G, beli dimana ya di Bandung?",
        "purchase-intent | pengen beli hp di tokopedia tapi takut barangnya KW",
        "purchase-intent | Where can I buy a Telkomsel prepaid SIM at Soekarno-Hatta airport?",
        "purchase-intent | Looking to buy a new phone on Shopee this payday, any trusted sellers?",
        "price-question  | paket internet XL 50GB harganya berapa sekarang min?",
        "price-question  | berapa biaya ongkir dari Tokopedia ke Makassar?",
        "price-question  | How much is the Telkomsel Halo plan with unlimited data?",
        "price-question  | @IndosatCare what is the price of Freedom Internet 30GB?",
        "switching       | udah muak sama sinyalnya, mau ganti ke Telkomsel aja",
        "switching       | pindah dari XL ke Indosat, kuotanya lebih awet ternyata",
        "switching       | Seriously thinking of switching to Indosat after this week's outage",
        "switching       | I'm switching to Shopee, Tokopedia's shipping fees got ridiculous",
      })
  void leadsMatchTheirTopic(String topic, String text) {
    assertThat(topics(text)).as(text).contains(topic.strip());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "baru beli kartu perdana telkomsel kemarin, sinyalnya mantap",
        "harga saham telkomsel naik hari ini menurut berita",
        "Telkomsel announced record profits for the quarter",
        "the new Shopee ad is so catchy, can't get it out of my head",
        "Switch lampu di rumah mati terus, bukan soal provider",
        "pindahan rumah minggu ini, internet Indosat lancar aja",
        "Bought a phone on Tokopedia last week, arrived in two days",
      })
  void lookAlikesAreNoLeads(String text) {
    assertThat(topics(text))
        .as(text)
        .doesNotContain("purchase-intent", "price-question", "switching");
  }
}
