package dev.pantau.flink.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pantau.flink.hostile.HostileCorpus;
import dev.pantau.flink.hostile.HostileCorpus.Line;
import dev.pantau.flink.hostile.OutputChecks;
import dev.pantau.flink.io.MentionWatermarks;
import dev.pantau.flink.kafka.LocalKafkaBroker;
import dev.pantau.flink.model.Decoded;
import dev.pantau.keywords.KeywordSetLoader;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hostile corpus through a real broker with default message limits and the job's exactly-once
 * Kafka sinks, with no restarts allowed: the job must finish, every record must be valid or
 * dead-lettered with its reason at its offset, and the enriched record too large for the broker
 * must become a dead letter instead of failing the sink (which restarted the job forever and
 * committed nothing). Records the broker itself refuses (over 1 MiB) cannot reach a topic and are
 * left out.
 */
class HostileInputITCase {
  @RegisterExtension static final MiniClusterExtension FLINK = KafkaTestSupport.miniCluster(1);

  private static LocalKafkaBroker kafka;
  private static List<Line> records;

  @BeforeAll
  static void setUp() throws Exception {
    kafka = LocalKafkaBroker.start(Paths.get("target", "kafka-hostile-itcase"));
    records =
        HostileCorpus.mixed().stream()
            .filter(Line::isRecord)
            .filter(l -> l.bytes().length < 1_048_000)
            .toList();
    kafka.createTopics(
        1, "hostile-mentions", "hostile-kpi", "hostile-enriched", "hostile-dead", "hostile-alerts");
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "2000000");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
      for (Line l : records) {
        producer.send(new ProducerRecord<>("hostile-mentions", l.bytes())).get();
      }
    }
  }

  @AfterAll
  static void tearDown() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void theJobFinishesAndEveryRecordIsValidOrDeadLetteredWithItsReason() throws Exception {
    assertTimeoutPreemptively(Duration.ofMinutes(5), HostileInputITCase::runJob);

    Map<Long, String> dead = new HashMap<>();
    List<JsonNode> outputDead =
        KafkaTestSupport.readCommitted(kafka, "hostile-dead").stream()
            .filter(
                d -> {
                  if (d.path("origin").has("offset")) {
                    assertThat(
                            dead.put(
                                d.get("origin").get("offset").asLong(), d.get("error").asText()))
                        .isNull();
                    return false;
                  }
                  return true;
                })
            .toList();
    for (int offset = 0; offset < records.size(); offset++) {
      Line l = records.get(offset);
      String expected = l.expect().equals(HostileCorpus.VALID) ? null : l.expect();
      assertThat(dead.get((long) offset)).as(l.name()).isEqualTo(expected);
    }
    assertThat(outputDead)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.get("error").asText()).isEqualTo("output_too_large");
              assertThat(d.get("origin").get("key").asText()).isEqualTo("web:ok10");
            });

    List<JsonNode> enriched = KafkaTestSupport.readCommitted(kafka, "hostile-enriched");
    Set<String> ids = enriched.stream().map(n -> n.get("id").asText()).collect(Collectors.toSet());
    for (int i = 0; i < 30; i++) {
      assertThat(ids)
          .as(
              "enriched ids %s, dead %s",
              new java.util.TreeSet<>(ids), new java.util.TreeMap<>(dead))
          .contains("good-" + i);
    }
    assertThat(ids).contains("ok1", "ok6", "ok9").doesNotContain("ok10");
    enriched.forEach(
        n ->
            OutputChecks.figuresSane(
                n.get("metrics") == null ? n.path("reach") : n.get("metrics"), "enriched."));
    List<JsonNode> kpis = KafkaTestSupport.readCommitted(kafka, "hostile-kpi");
    assertThat(kpis).isNotEmpty();
    kpis.forEach(n -> OutputChecks.figuresSane(n, "kpi."));
    assertThat(kpis).anySatisfy(n -> assertThat(n.get("brand").asText()).isEqualTo("telkomsel"));
  }

  private static void runJob() throws Exception {
    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(1);
    env.enableCheckpointing(500);
    PipelineConfig config =
        PipelineConfig.defaults(KeywordSetLoader.parse(HostileCorpus.KEYWORDS, "hostile.yaml"));
    DataStream<Decoded> decoded =
        env.fromSource(
            KafkaTestSupport.boundedSource(kafka, "hostile-mentions"),
            MentionWatermarks.replay(config.outOfOrderness()),
            "mentions");
    KafkaTestSupport.sinkExactlyOnce(PantauPipeline.build(decoded, config), kafka, "hostile");
    env.execute("hostile-input");
  }
}
