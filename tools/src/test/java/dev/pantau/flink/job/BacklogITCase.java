package dev.pantau.flink.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pantau.flink.generate.GeneratedMention;
import dev.pantau.flink.generate.GeneratorOptions;
import dev.pantau.flink.generate.MentionGenerator;
import dev.pantau.flink.io.DecodingKafkaDeserializer;
import dev.pantau.flink.io.MentionDecoder;
import dev.pantau.flink.io.MentionWatermarks;
import dev.pantau.flink.kafka.LocalKafkaBroker;
import dev.pantau.flink.model.Decoded;
import dev.pantau.keywords.KeywordSetLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A backlog read the way the streaming job reads it: a 3-partition topic filled with five days of
 * mentions before the job starts, two source subtasks, one partition read many times slower than
 * the others, the streaming watermark strategy (idleness, alignment). Every KPI must come out as a
 * replay of the same mentions counts it: no mention on time in the topic may be made late by the
 * order the partitions are read in.
 */
class BacklogITCase {
  @RegisterExtension static final MiniClusterExtension FLINK = KafkaTestSupport.miniCluster(2);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOPIC = "backlog-mentions";
  private static final int SLOW_PARTITION = 2;
  private static LocalKafkaBroker kafka;
  private static List<String> lines;

  @BeforeAll
  static void setUp() throws Exception {
    kafka = LocalKafkaBroker.start(Paths.get("target", "kafka-backlog-itcase"));
    lines =
        new MentionGenerator(
                5, Instant.parse("2026-11-20T00:00:00Z"), 1.2, GeneratorOptions.defaults())
            .stream().limit(8_700).map(GeneratedMention::json).collect(Collectors.toList());
    kafka.createTopics(3, TOPIC);
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
      for (String line : lines) {
        byte[] key = JSON.readTree(line).get("id").asText().getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(TOPIC, key, line.getBytes(StandardCharsets.UTF_8)));
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
  void aBacklogReadUnevenlyCountsExactlyAsAReplay() throws Exception {
    PipelineConfig config =
        PipelineConfig.defaults(KeywordSetLoader.load(Paths.get("..", "config", "keywords")));

    Path dir = Paths.get("target", "backlog-itcase").toAbsolutePath();
    Files.createDirectories(dir);
    Path input = dir.resolve("input.jsonl");
    Files.write(input, lines, StandardCharsets.UTF_8);
    // the replay graph, on the test's cluster (ReplayJob.run would start a cluster of its own)
    StreamExecutionEnvironment replayEnv = StreamExecutionEnvironment.getExecutionEnvironment();
    replayEnv.setParallelism(1);
    replayEnv.getConfig().setAutoWatermarkInterval(0);
    ReplayJob.build(
        replayEnv, input, dir.resolve("replay"), config.withIdleness(java.time.Duration.ZERO));
    replayEnv.execute("backlog replay");
    Map<String, String> replay =
        new TreeMap<>(
            KafkaTestSupport.upserted(
                Files.readAllLines(dir.resolve("replay").resolve(ReplayJob.KPI_FILE)).stream()
                    .map(BacklogITCase::json)
                    .toList(),
                false,
                false));

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.enableCheckpointing(1_000);
    KafkaSource<Decoded> source =
        KafkaSource.<Decoded>builder()
            .setBootstrapServers(kafka.bootstrapServers())
            .setTopics(TOPIC)
            .setGroupId("backlog")
            .setStartingOffsets(OffsetsInitializer.earliest())
            .setBounded(OffsetsInitializer.latest())
            .setDeserializer(new SlowPartition(new DecodingKafkaDeserializer(new MentionDecoder())))
            .build();
    DataStream<Decoded> decoded =
        env.fromSource(
            source,
            MentionWatermarks.streaming(config.outOfOrderness(), config.idleness()),
            "Mentions from Kafka");
    KafkaTestSupport.sinkExactlyOnce(PantauPipeline.build(decoded, config), kafka, "backlog");
    kafka.createTopics(2, "backlog-kpi", "backlog-enriched", "backlog-dead", "backlog-alerts");
    env.execute("backlog");

    Map<String, String> streamed =
        new TreeMap<>(
            KafkaTestSupport.upserted(
                KafkaTestSupport.readCommitted(kafka, "backlog-kpi"), false, false));
    // at the end of a bounded run each KPI subtask zero-fills up to the newest event it saw
    // (README:
    // "Zero records"), replay's single subtask up to the newest of the file: leave out the last
    // hour
    String cutoff =
        lines.stream()
            .map(BacklogITCase::json)
            .map(n -> n.path("created_at").asText())
            .filter(t -> t.startsWith("20"))
            .max(String::compareTo)
            .map(t -> java.time.Instant.parse(t).minusSeconds(3600).toString())
            .orElseThrow();
    replay.keySet().removeIf(k -> k.split(" ")[2].compareTo(cutoff) >= 0);
    streamed.keySet().removeIf(k -> k.split(" ")[2].compareTo(cutoff) >= 0);
    assertThat(replay).hasSizeGreaterThan(10_000);
    List<String> differences = new ArrayList<>();
    new TreeMap<>(replay)
        .forEach(
            (k, v) -> {
              if (!v.equals(streamed.get(k))) {
                differences.add(k + ": replay " + v + ", streamed " + streamed.get(k));
              }
            });
    streamed.keySet().stream()
        .filter(k -> !replay.containsKey(k))
        .forEach(k -> differences.add(k + ": only streamed"));
    assertThat(differences).as("KPI records that differ").isEmpty();
    List<JsonNode> dead = KafkaTestSupport.readCommitted(kafka, "backlog-dead");
    assertThat(dead)
        .as("nothing made late by the reading order")
        .noneMatch(d -> "late".equals(d.get("error").asText()));
  }

  private static JsonNode json(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads one partition several times slower than the others. */
  static final class SlowPartition implements KafkaRecordDeserializationSchema<Decoded> {
    private static final long serialVersionUID = 1L;
    private final DecodingKafkaDeserializer inner;

    SlowPartition(DecodingKafkaDeserializer inner) {
      this.inner = inner;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Decoded> out)
        throws java.io.IOException {
      if (record.partition() == SLOW_PARTITION) {
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      inner.deserialize(record, out);
    }

    @Override
    public TypeInformation<Decoded> getProducedType() {
      return inner.getProducedType();
    }
  }
}
