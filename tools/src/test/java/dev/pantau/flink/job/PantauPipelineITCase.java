package dev.pantau.flink.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pantau.flink.io.MentionWatermarks;
import dev.pantau.flink.kafka.LocalKafkaBroker;
import dev.pantau.flink.model.Decoded;
import dev.pantau.keywords.Brand;
import dev.pantau.keywords.KeywordSet;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole graph on a Flink MiniCluster between topics of a real KRaft broker, on a hand-computed
 * input: several brands, sources and windows, a late event, a re-crawl with grown likes, a plain
 * duplicate and bad records. Every expected KPI value below is worked out by hand in the comments.
 */
class PantauPipelineITCase {
  @RegisterExtension static final MiniClusterExtension FLINK = KafkaTestSupport.miniCluster(2);

  private static LocalKafkaBroker kafka;

  static final KeywordSet KEYWORDS =
      new KeywordSet(
          List.of(
              new Brand("acme", "Acme", "widgets", "acme", null, null, null, null, null),
              new Brand("globex", "Globex", "widgets", "globex", null, null, null, null, null),
              Brand.of("initech", "initech")),
          List.of());

  /** In production order, one partition, so lateness is exactly what the comments say. */
  static final List<String> INPUT =
      List.of(
          // 0: acme twitter 10:00:05, author a1 with 100 followers, 2 likes
          "{\"id\":\"tw:1\",\"source\":\"twitter\",\"text\":\"I love my new Acme phone\",\"created_at\":\"2026-11-22T10:00:05Z\",\"author\":{\"id\":\"a1\",\"followers\":100},\"metrics\":{\"likes\":2}}",
          // 1: acme twitter 10:00:30, same author now with 150 followers, 1 like
          "{\"id\":\"tw:2\",\"source\":\"twitter\",\"text\":\"acme support again\",\"created_at\":\"2026-11-22T10:00:30Z\",\"author\":{\"id\":\"a1\",\"followers\":150},\"metrics\":{\"likes\":1}}",
          // 2: acme and globex on facebook 10:00:40, @bob 50 followers, 4 comments
          "{\"id\":\"fb:1\",\"source\":\"facebook\",\"text\":\"Acme or Globex, which one?\",\"created_at\":\"2026-11-22T10:00:40Z\",\"author\":{\"handle\":\"@bob\",\"followers\":50},\"metrics\":{\"comments\":4}}",
          // 3: not JSON
          "this is not json",
          // 4: globex instagram 10:01:10, c1 70 followers, 500 views: the watermark passes 10:01,
          // 10:00 windows close
          "{\"id\":\"ig:1\",\"source\":\"instagram\",\"text\":\"globex store opening\",\"created_at\":\"2026-11-22T10:01:10Z\",\"author\":{\"id\":\"c1\",\"followers\":70},\"metrics\":{\"views\":500}}",
          // 5: tw:1 re-crawled with 5 likes: +3 likes to acme's 10:00 windows (a revision)
          "{\"id\":\"tw:1\",\"source\":\"twitter\",\"text\":\"I love my new Acme phone\",\"created_at\":\"2026-11-22T10:00:05Z\",\"author\":{\"id\":\"a1\",\"followers\":100},\"metrics\":{\"likes\":5}}",
          // 6: late acme twitter 10:00:50, d1 10 followers (within allowed lateness: a revision)
          "{\"id\":\"tw:3\",\"source\":\"twitter\",\"text\":\"ACME!!!\",\"created_at\":\"2026-11-22T10:00:50Z\",\"author\":{\"id\":\"d1\",\"followers\":10}}",
          // 7: initech news 10:06:00 with 1000 views, no author
          "{\"id\":\"news:1\",\"source\":\"news\",\"title\":\"Initech opens office\",\"text\":\"\",\"created_at\":\"2026-11-22T10:06:00Z\",\"metrics\":{\"views\":1000}}",
          // 8: tw:2 again, nothing grew: a plain duplicate
          "{\"id\":\"tw:2\",\"source\":\"twitter\",\"text\":\"acme support again\",\"created_at\":\"2026-11-22T10:00:30Z\",\"author\":{\"id\":\"a1\",\"followers\":150},\"metrics\":{\"likes\":1}}",
          // 9: unparseable time
          "{\"id\":\"x\",\"text\":\"acme\",\"created_at\":\"yesterday\"}",
          // 10: globex instagram 10:06:30, c1 now 80 followers
          "{\"id\":\"ig:2\",\"source\":\"instagram\",\"text\":\"#globex again\",\"created_at\":\"2026-11-22T10:06:30Z\",\"author\":{\"id\":\"c1\",\"followers\":80}}",
          // 11: matches no brand
          "{\"id\":\"tw:9\",\"source\":\"twitter\",\"text\":\"nothing to see\",\"created_at\":\"2026-11-22T10:06:31Z\"}");

  /**
   * brand window start source -> mentions, authors, reach, impressions, engagement, share of voice,
   * revision.
   */
  static final Map<String, String> EXPECTED_KPIS = new TreeMap<>();

  static {
    String zero = "m=0 a=0 r=0 i=0 e=0 sov=0.0";
    // all sources: acme 10:00 = tw:1, tw:2, fb:1, tw:3; authors a1 (150), bob (50), d1 (10); likes
    // 2+1+3, comments 4
    // first emitted with 3 mentions (share 0.75), then revised by the growth and the late mention
    expect("acme 1m 10:00 *", "m=4 a=3 r=210 i=0 e=10 sov=0.8 rev=2");
    // globex's share moves from 1/4 to 1/5 when acme's window is revised: re-emitted too
    expect("globex 1m 10:00 *", "m=1 a=1 r=50 i=0 e=4 sov=0.2 rev=2");
    expect("acme 1m 10:01 *", zero + " rev=1");
    expect("globex 1m 10:01 *", "m=1 a=1 r=70 i=500 e=0 sov=1.0 rev=1");
    for (String t : List.of("10:02", "10:03", "10:04", "10:05")) {
      expect("acme 1m " + t + " *", zero + " rev=1");
      expect("globex 1m " + t + " *", zero + " rev=1");
    }
    expect("acme 1m 10:06 *", zero + " rev=1");
    expect("globex 1m 10:06 *", "m=1 a=1 r=80 i=0 e=0 sov=1.0 rev=1");
    expect("acme 5m 10:00 *", "m=4 a=3 r=210 i=0 e=10 sov=0.667 rev=1");
    expect("globex 5m 10:00 *", "m=2 a=2 r=120 i=500 e=4 sov=0.333 rev=1");
    expect("acme 5m 10:05 *", zero + " rev=1");
    expect("globex 5m 10:05 *", "m=1 a=1 r=80 i=0 e=0 sov=1.0 rev=1");
    expect("initech 1m 10:06 *", "m=1 a=1 r=0 i=1000 e=0 sov=- rev=1");
    expect("initech 5m 10:05 *", "m=1 a=1 r=0 i=1000 e=0 sov=- rev=1");
    // per source: no zero records
    expect("acme 1m 10:00 twitter", "m=3 a=2 r=160 i=0 e=6 sov=1.0 rev=2");
    expect("acme 5m 10:00 twitter", "m=3 a=2 r=160 i=0 e=6 sov=1.0 rev=1");
    for (String w : List.of("1m", "5m")) {
      expect("acme " + w + " 10:00 facebook", "m=1 a=1 r=50 i=0 e=4 sov=0.5 rev=1");
      expect("globex " + w + " 10:00 facebook", "m=1 a=1 r=50 i=0 e=4 sov=0.5 rev=1");
    }
    expect("globex 1m 10:01 instagram", "m=1 a=1 r=70 i=500 e=0 sov=1.0 rev=1");
    expect("globex 5m 10:00 instagram", "m=1 a=1 r=70 i=500 e=0 sov=1.0 rev=1");
    expect("globex 1m 10:06 instagram", "m=1 a=1 r=80 i=0 e=0 sov=1.0 rev=1");
    expect("globex 5m 10:05 instagram", "m=1 a=1 r=80 i=0 e=0 sov=1.0 rev=1");
    expect("initech 1m 10:06 news", "m=1 a=1 r=0 i=1000 e=0 sov=- rev=1");
    expect("initech 5m 10:05 news", "m=1 a=1 r=0 i=1000 e=0 sov=- rev=1");
  }

  private static void expect(String key, String value) {
    EXPECTED_KPIS.put(key, value);
  }

  @BeforeAll
  static void startKafka() {
    kafka = LocalKafkaBroker.start(Paths.get("target", "kafka-pipeline-itcase"));
  }

  @AfterAll
  static void stopKafka() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void computesExactKpisEnrichedMentionsAndDeadLetters() throws Exception {
    String run = "exact";
    kafka.createTopics(1, run + "-mentions");
    kafka.createTopics(2, run + "-kpi", run + "-enriched", run + "-dead", run + "-alerts");
    KafkaTestSupport.produce(kafka, run + "-mentions", INPUT, line -> null);

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    // parallelism 1: with parallel channels, whether the late mention arrives before or after the
    // watermark that closes its window depends on timing, and so would the revision numbers below
    env.setParallelism(1);
    env.enableCheckpointing(500);
    PipelineConfig config =
        PipelineConfig.defaults(KEYWORDS)
            .withWindows("1m,5m")
            .withOutOfOrderness(Duration.ofSeconds(5))
            .withSentiment(false);
    DataStream<Decoded> decoded =
        env.fromSource(
            KafkaTestSupport.boundedSource(kafka, run + "-mentions"),
            MentionWatermarks.replay(config.outOfOrderness(), 1),
            "mentions");
    KafkaTestSupport.sinkExactlyOnce(PantauPipeline.build(decoded, config), kafka, run);
    env.execute("pipeline-itcase");

    assertThat(
            KafkaTestSupport.upserted(
                KafkaTestSupport.readCommitted(kafka, run + "-kpi"), true, true))
        .isEqualTo(EXPECTED_KPIS);

    List<JsonNode> enriched = KafkaTestSupport.readCommitted(kafka, run + "-enriched");
    assertThat(enriched)
        .extracting(n -> n.get("id").asText() + "=" + n.get("brands").toString())
        .containsExactlyInAnyOrder(
            "tw:1=[\"acme\"]",
            "tw:2=[\"acme\"]",
            "fb:1=[\"acme\",\"globex\"]",
            "ig:1=[\"globex\"]",
            "tw:3=[\"acme\"]",
            "news:1=[\"initech\"]",
            "ig:2=[\"globex\"]");
    JsonNode fb =
        enriched.stream()
            .filter(n -> n.get("id").asText().equals("fb:1"))
            .findFirst()
            .orElseThrow();
    assertThat(fb.get("matched_terms").get("acme").toString()).containsIgnoringCase("acme");
    assertThat(fb.get("author").get("handle").asText()).isEqualTo("@bob");
    assertThat(fb.has("sentiment")).isFalse();

    List<JsonNode> dead = KafkaTestSupport.readCommitted(kafka, run + "-dead");
    assertThat(dead)
        .extracting(
            n ->
                n.get("error").asText()
                    + "@"
                    + n.get("origin").get("offset").asLong()
                    + ":"
                    + n.get("raw").asText())
        .containsExactlyInAnyOrder(
            "invalid_json@3:this is not json", "invalid_time@9:" + INPUT.get(9));
  }
}
