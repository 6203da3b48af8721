package dev.pantau.flink.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pantau.flink.generate.GeneratedMention.Kind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MentionGeneratorTest {

  private static final Instant START = Instant.parse("2026-11-22T00:00:00Z");
  private static final Pattern TELKOMSEL = Pattern.compile("(?i)telkomsel|\\btsel\\b");

  /**
   * Two simulated hours at 100 a minute, spike at 30 minutes: shared by the tests that only read.
   */
  private static List<GeneratedMention> twoHours;

  @BeforeAll
  static void generate() {
    MentionGenerator generator = new MentionGenerator(7, START, 100);
    twoHours = new ArrayList<>();
    GeneratedMention m;
    do {
      m = generator.nextMention();
      twoHours.add(m);
    } while (m.arrival().isBefore(START.plus(Duration.ofHours(2))));
  }

  @Test
  void sameSeedGivesTheSameRecords() {
    List<String> a =
        new MentionGenerator(11, START, 100)
            .stream().limit(5_000).map(GeneratedMention::json).toList();
    List<String> b =
        new MentionGenerator(11, START, 100)
            .stream().limit(5_000).map(GeneratedMention::json).toList();
    List<String> c =
        new MentionGenerator(12, START, 100)
            .stream().limit(5_000).map(GeneratedMention::json).toList();
    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(c);
  }

  @Test
  void everyRecordIsAValidMentionWhoseTimeMatches() {
    for (GeneratedMention m : twoHours) {
      assertThat(m.kind()).isNotEqualTo(Kind.MALFORMED);
      assertThat(MentionValidator.violation(m.json())).as(m.json()).isNull();
      JsonNode node = MentionValidator.parse(m.json());
      assertThat(MentionValidator.createdAt(node)).as(m.json()).isEqualTo(m.createdAt());
      assertThat(m.key()).isEqualTo(node.get("source").asText() + ":" + node.get("id").asText());
      assertThat(m.createdAt()).isAfterOrEqualTo(START).isBeforeOrEqualTo(m.arrival());
    }
  }

  @Test
  void arrivalsNeverGoBackAndEventTimeIsSlightlyOutOfOrder() {
    int outOfOrder = 0;
    int late = 0;
    for (int i = 1; i < twoHours.size(); i++) {
      assertThat(twoHours.get(i).arrival()).isAfterOrEqualTo(twoHours.get(i - 1).arrival());
      if (twoHours.get(i).createdAt().isBefore(twoHours.get(i - 1).createdAt())) {
        outOfOrder++;
      }
      GeneratedMention m = twoHours.get(i);
      if (m.kind() != Kind.RECRAWL
          && Duration.between(m.createdAt(), m.arrival())
                  .compareTo(GeneratorOptions.DEFAULT_MAX_DELAY)
              > 0) {
        late++;
      }
    }
    assertThat(outOfOrder).isGreaterThan(twoHours.size() / 10);
    // late ones (beyond the usual crawl delay) are rare: about 0.2 %
    assertThat(late).isBetween(1, twoHours.size() / 100);
  }

  @Test
  void meanRateFollowsTheRequestedRateOverADayWithADiurnalRhythm() {
    MentionGenerator generator =
        new MentionGenerator(3, START, 100, GeneratorOptions.defaults().noSpike());
    int[] byJakartaHour = new int[24];
    long count = 0;
    GeneratedMention m;
    while ((m = generator.nextMention()).arrival().isBefore(START.plus(Duration.ofDays(1)))) {
      count++;
      byJakartaHour[m.arrival().atOffset(ZoneOffset.ofHours(7)).getHour()]++;
    }
    assertThat(count).isBetween(144_000L * 97 / 100, 144_000L * 103 / 100);
    assertThat(byJakartaHour[20]).isGreaterThan(4 * byJakartaHour[4]);
  }

  @Test
  void theSpikeStandsOutAtItsOffset() {
    // Telkomsel mentions per 5 minutes: the spike (30-45 min) against the rest of the two hours
    TreeMap<Long, Integer> perBucket = new TreeMap<>();
    for (GeneratedMention m : twoHours) {
      if (TELKOMSEL.matcher(text(m)).find()) {
        perBucket.merge(Duration.between(START, m.createdAt()).toMinutes() / 5, 1, Integer::sum);
      }
    }
    int spikePeak = Math.max(perBucket.getOrDefault(6L, 0), perBucket.getOrDefault(7L, 0));
    List<Integer> outside =
        perBucket.entrySet().stream()
            .filter(e -> e.getKey() < 6 || e.getKey() >= 12)
            .map(Map.Entry::getValue)
            .sorted()
            .toList();
    int median = outside.get(outside.size() / 2);
    assertThat(spikePeak).isGreaterThan(5 * median);
    // the spike's words, and copies of one post by many accounts
    List<GeneratedMention> spike = twoHours.stream().filter(m -> m.kind() == Kind.SPIKE).toList();
    assertThat(spike).isNotEmpty();
    // arrivals within the spike's 15 minutes; event times up to the few late ones' minutes before
    assertThat(
            spike.stream()
                .filter(
                    m ->
                        m.arrival().isBefore(START.plus(Duration.ofMinutes(30)))
                            || m.arrival().isAfter(START.plus(Duration.ofMinutes(45)))
                            || m.createdAt().isBefore(START.plus(Duration.ofMinutes(25)))))
        .isEmpty();
    assertThat(
            spike.stream()
                .filter(m -> text(m).matches("(?is).*(sinyal hilang|gangguan|outage|down).*"))
                .count())
        .isGreaterThan(spike.size() / 2);
    Set<String> copyAuthors =
        spike.stream()
            .filter(
                m ->
                    MentionValidator.parse(m.json())
                        .get("text")
                        .asText()
                        .startsWith(Corpus.OUTAGE_COPY))
            .map(m -> MentionValidator.parse(m.json()).path("author").path("id").asText())
            .collect(Collectors.toSet());
    assertThat(copyAuthors.size()).isGreaterThan(20);
  }

  @Test
  void noSpikeMeansNoOutagePosts() {
    assertThat(
            new MentionGenerator(7, START, 100, GeneratorOptions.defaults().noSpike())
                .stream().limit(10_000).filter(m -> m.kind() == Kind.SPIKE))
        .isEmpty();
  }

  @Test
  void mixesLanguagesSourcesBrandsEmployeesAndChatter() {
    Set<String> langs = new HashSet<>();
    Set<String> sources = new HashSet<>();
    Set<String> handles = new HashSet<>();
    Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
    int flaggedEmployees = 0;
    int withTitle = 0;
    for (GeneratedMention m : twoHours) {
      JsonNode node = MentionValidator.parse(m.json());
      langs.add(node.path("lang").asText("none"));
      sources.add(node.get("source").asText());
      handles.add(node.path("author").path("handle").asText("").toLowerCase(Locale.ROOT));
      kinds.merge(m.kind(), 1, Integer::sum);
      if (node.path("author").path("employee").asBoolean(false)) {
        flaggedEmployees++;
      }
      if (node.has("title")) {
        withTitle++;
      }
    }
    assertThat(langs).contains("en", "id", "none");
    assertThat(sources)
        .containsExactlyInAnyOrder(
            "twitter", "instagram", "tiktok", "facebook", "news", "youtube", "review");
    assertThat(handles).contains("@rina_tsel", "@dewi_im3");
    assertThat(flaggedEmployees).isPositive();
    assertThat(withTitle).isPositive();
    assertThat(kinds.keySet())
        .contains(Kind.BRAND, Kind.SPIKE, Kind.EMPLOYEE, Kind.CHATTER, Kind.REPOST, Kind.RECRAWL);
    for (Corpus.BrandSpec brand : Corpus.BRANDS) {
      assertThat(twoHours.stream().filter(m -> text(m).contains(brand.forms().get(0))).count())
          .as(brand.id())
          .isGreaterThan(50);
    }
    double chatterShare = kinds.get(Kind.CHATTER) / (double) twoHours.size();
    assertThat(chatterShare).isBetween(0.12, 0.25);
  }

  @Test
  void authorsFollowAHeavyTailedActivity() {
    Map<String, Integer> posts = new HashMap<>();
    for (GeneratedMention m : twoHours) {
      posts.merge(
          MentionValidator.parse(m.json()).path("author").path("id").asText(), 1, Integer::sum);
    }
    List<Integer> counts = new ArrayList<>(posts.values());
    Collections.sort(counts, Collections.reverseOrder());
    assertThat(counts.get(0)).isGreaterThan(20 * counts.get(counts.size() / 2));
  }

  @Test
  void recrawlsRepeatAnEarlierRecordWithGrownMetrics() {
    Map<String, JsonNode> seen = new HashMap<>();
    int recrawls = 0;
    for (GeneratedMention m : twoHours) {
      JsonNode node = MentionValidator.parse(m.json());
      if (m.kind() == Kind.RECRAWL) {
        recrawls++;
        JsonNode before = seen.get(m.key());
        assertThat(before).as("a re-crawl repeats an earlier record: " + m.key()).isNotNull();
        assertThat(node.get("created_at")).isEqualTo(before.get("created_at"));
        assertThat(node.get("text")).isEqualTo(before.get("text"));
        long grown = 0;
        for (var it = before.get("metrics").fieldNames(); it.hasNext(); ) {
          String f = it.next();
          assertThat(node.get("metrics").get(f).asLong())
              .isGreaterThanOrEqualTo(before.get("metrics").get(f).asLong());
          grown += node.get("metrics").get(f).asLong() - before.get("metrics").get(f).asLong();
        }
        assertThat(grown).isPositive();
      } else {
        assertThat(seen).as("only re-crawls repeat a key").doesNotContainKey(m.key());
      }
      seen.put(m.key(), node);
    }
    assertThat(recrawls).isGreaterThan(twoHours.size() / 50);
  }

  @Test
  void repostsPointAtTheirParent() {
    Set<String> ids = new HashSet<>();
    int reposts = 0;
    for (GeneratedMention m : twoHours) {
      JsonNode node = MentionValidator.parse(m.json());
      if (m.kind() == Kind.REPOST) {
        reposts++;
        assertThat(node.get("is_repost").asBoolean()).isTrue();
        assertThat(ids).contains(node.get("parent_id").asText());
      }
      ids.add(node.get("id").asText());
    }
    assertThat(reposts).isPositive();
  }

  @Test
  void malformedRecordsBreakTheContractAndOnlyThey() {
    MentionGenerator generator =
        new MentionGenerator(5, START, 100, GeneratorOptions.defaults().malformedFraction(0.02));
    int malformed = 0;
    Set<String> reasons = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      GeneratedMention m = generator.nextMention();
      String violation = MentionValidator.violation(m.json());
      if (m.kind() == Kind.MALFORMED) {
        malformed++;
        assertThat(violation).as(m.json()).isNotNull();
        reasons.add(violation);
      } else {
        assertThat(violation).as(m.json()).isNull();
      }
    }
    assertThat(malformed).isBetween(300, 500);
    assertThat(reasons).hasSizeGreaterThanOrEqualTo(6);
  }

  @Test
  void optionsRejectNonsense() {
    assertThatThrownBy(() -> GeneratorOptions.defaults().chatterFraction(1.5))
        .hasMessageContaining("chatterFraction");
    assertThatThrownBy(() -> GeneratorOptions.defaults().spikeOffset(Duration.ofMinutes(-1)))
        .hasMessageContaining("spikeOffset");
    assertThatThrownBy(() -> new MentionGenerator(1, START, 0))
        .hasMessageContaining("mentionsPerMinute");
  }

  private static String text(GeneratedMention m) {
    JsonNode node = MentionValidator.parse(m.json());
    return node.path("title").asText("") + " " + node.path("text").asText("");
  }
}
