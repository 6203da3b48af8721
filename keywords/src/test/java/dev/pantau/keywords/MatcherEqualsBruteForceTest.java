package dev.pantau.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: on generated mentions and generated queries, the fast path (candidates picked by the
 * presearch terms, then evaluated on the mention's terms or a one-field index) returns exactly what
 * brute force returns (every query run alone by Lucene against a {@code MemoryIndex} of each
 * mention). Seeds are fixed so a failure reproduces; the message names the first differing mention.
 */
class MatcherEqualsBruteForceTest {

  private static final String[] VOCAB = {
    "telkomsel",
    "tsel",
    "indosat",
    "xl",
    "sinyal",
    "lemot",
    "promo",
    "bagus",
    "jelek",
    "coca",
    "cola",
    "lowongan",
    "gratis",
    "harga",
    "signal",
    "lost",
    "slow",
    "great",
    "phone",
    "phones",
    "mantap",
    "telkom",
    "indihome",
    "mati",
    "the",
    "yang",
    "café",
    "cafe"
  };
  private static final String[] SITES = {
    "https://news.detik.com/a", "http://kompas.com/x", "https://t.co/z", null
  };
  private static final String[] AUTHORS = {"@budi", "@telkomsel", "sari", "@spambot", null};
  private static final String[] LANGS = {"en", "id", null, null};
  private static final String[] SOURCES = {"twitter", "news", null};

  @ParameterizedTest
  @ValueSource(longs = {1L, 42L, 2026L, 777L, 31337L, 5L})
  void fastPathEqualsBruteForce(long seed) throws Exception {
    Random r = new Random(seed);
    List<Brand> brands = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      String q = query(r, 0);
      boolean filtered = r.nextInt(5) == 0;
      brands.add(
          new Brand(
              "b" + i,
              null,
              null,
              q,
              filtered ? List.of(pick(r, "en", "id")) : null,
              filtered && r.nextBoolean() ? List.of("twitter") : null,
              null,
              r.nextInt(6) == 0 ? List.of("@spambot") : null,
              r.nextInt(6) == 0 ? List.of("detik.com") : null));
    }
    List<Topic> topics = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      topics.add(new Topic("t" + i, query(r, 0)));
    }
    List<MentionFields> mentions = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      mentions.add(mention(r, i));
    }
    try (MentionMatcher m = MentionMatcher.create(new KeywordSet(brands, topics))) {
      List<MatchResult> fast = m.match(mentions);
      List<MatchResult> brute = m.matchBruteForce(mentions);
      int matched = 0;
      for (int i = 0; i < mentions.size(); i++) {
        assertThat(fast.get(i))
            .as("seed %d, mention %s", seed, mentions.get(i))
            .isEqualTo(brute.get(i));
        matched += fast.get(i).brands().size();
      }
      // The generator must produce matches, or the property says nothing.
      assertThat(matched).as("brand matches in seed " + seed).isGreaterThan(50);
      assertThat(m.queryErrorCount()).isZero();
    }
  }

  private static String pick(Random r, String... options) {
    return options[r.nextInt(options.length)];
  }

  private static String word(Random r) {
    return VOCAB[r.nextInt(VOCAB.length)];
  }

  private static String leaf(Random r) {
    String w = word(r);
    return switch (r.nextInt(14)) {
      case 0 -> "#" + w;
      case 1 -> "@" + w;
      case 2 -> "\"" + w + " " + word(r) + "\"";
      case 3 -> w.length() >= 4 ? w.substring(0, 3 + r.nextInt(w.length() - 3)) + "*" : w;
      case 4 -> "coca-cola";
      case 5 -> "\"" + w + " " + word(r) + "\"~" + r.nextInt(4);
      case 6 ->
          pick(
              r,
              "site:detik.com",
              "lang:id",
              "lang:en",
              "source:twitter",
              "author:budi",
              "country:id");
      case 7 -> "title:" + w;
      case 8 -> "raw:" + (r.nextBoolean() ? w.toUpperCase() : w);
      case 9 -> w.length() >= 5 ? w.substring(0, 3) + "?" + w.substring(4) : w;
      default -> r.nextInt(3) == 0 ? w.toUpperCase() : w;
    };
  }

  private static String nearSide(Random r) {
    return switch (r.nextInt(5)) {
      case 0 -> "(" + word(r) + " OR " + word(r) + ")";
      case 1 -> "\"" + word(r) + " " + word(r) + "\"";
      case 2 -> {
        String w = word(r);
        yield w.length() >= 4 ? w.substring(0, 3) + "*" : "#" + w;
      }
      default -> word(r);
    };
  }

  static String query(Random r, int depth) {
    if (depth >= 3) {
      return leaf(r);
    }
    return switch (r.nextInt(9)) {
      case 0 -> query(r, depth + 1) + " OR " + query(r, depth + 1);
      case 1 -> query(r, depth + 1) + " AND " + query(r, depth + 1);
      case 2 -> query(r, depth + 1) + " " + query(r, depth + 1);
      case 3 -> query(r, depth + 1) + " AND NOT " + leaf(r);
      case 4 -> query(r, depth + 1) + " -" + leaf(r);
      case 5 -> "(" + query(r, depth + 1) + ")";
      case 6 ->
          nearSide(r) + (r.nextBoolean() ? " NEAR/" : " ONEAR/") + r.nextInt(4) + " " + nearSide(r);
      case 7 -> "(" + query(r, depth + 1) + " OR " + leaf(r) + ") " + leaf(r);
      default -> leaf(r);
    };
  }

  static MentionFields mention(Random r, int i) {
    int n = 3 + r.nextInt(20);
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < n; k++) {
      String w = word(r);
      switch (r.nextInt(12)) {
        case 0 -> w = "#" + w;
        case 1 -> w = "@" + w;
        case 2 -> w = w + "😍";
        case 3 -> w = w.toUpperCase();
        case 4 -> w = w + w.charAt(w.length() - 1) + w.charAt(w.length() - 1);
        case 5 -> w = w + ",";
        case 6 -> w = "coca-cola";
        case 7 -> w = w + "nya";
        default -> {}
      }
      sb.append(w).append(' ');
    }
    String title = r.nextInt(4) == 0 ? word(r) + " " + word(r) : null;
    return new MentionFields(
        "m" + i,
        sb.toString().strip(),
        title,
        SITES[r.nextInt(SITES.length)],
        LANGS[r.nextInt(LANGS.length)],
        SOURCES[r.nextInt(SOURCES.length)],
        pick(r, "ID", "US"),
        null,
        AUTHORS[r.nextInt(AUTHORS.length)]);
  }
}
