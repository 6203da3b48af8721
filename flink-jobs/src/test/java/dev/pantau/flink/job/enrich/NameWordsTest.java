package dev.pantau.flink.job.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.flink.model.EnrichedMention;
import dev.pantau.keywords.Brand;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NameWordsTest {

  private static final Map<String, Brand> BRANDS =
      Map.of(
          "united",
              new Brand(
                  "united",
                  "United Airlines",
                  null,
                  "united OR \"@united\"",
                  null,
                  null,
                  null,
                  null,
                  null),
          "bestbuy",
              new Brand(
                  "bestbuy",
                  "Best Buy",
                  null,
                  "\"best buy\" OR bestbuy",
                  null,
                  null,
                  null,
                  null,
                  null));

  @Test
  void theWordsOfTheMatchedBrandsNamesAndTerms() {
    EnrichedMention em = new EnrichedMention();
    em.brands.add("united");
    em.brands.add("bestbuy");
    em.matchedTerms.put("united", new String[] {"united"});
    em.matchedTerms.put("bestbuy", new String[] {"best buy", "bestbuy"});
    assertThat(new NameWords(BRANDS).of(em))
        .containsExactlyInAnyOrder("united", "airlines", "best", "buy", "bestbuy");
  }

  @Test
  void aMentionOfNoBrandNamesNothing() {
    assertThat(new NameWords(BRANDS).of(new EnrichedMention())).isEmpty();
  }

  @Test
  void aBrandNoLongerInTheSetStillNamesItsMatchedTerms() {
    EnrichedMention em = new EnrichedMention();
    em.brands.add("gone");
    em.matchedTerms.put("gone", new String[] {"Acme-Air"});
    assertThat(new NameWords(BRANDS).of(em)).containsExactlyInAnyOrder("acme", "air");
  }
}
