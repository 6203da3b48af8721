package dev.pantau.flink.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pantau.flink.io.DecodingKafkaDeserializer;
import dev.pantau.flink.io.KafkaIo;
import dev.pantau.flink.io.KeyedJson;
import dev.pantau.flink.io.MentionDecoder;
import dev.pantau.flink.kafka.LocalKafkaBroker;
import dev.pantau.flink.model.Decoded;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Producing to, bounded reading from and read_committed reading of a test's real broker. */
public final class KafkaTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KafkaTestSupport() {}

  /** A MiniCluster on 127.0.0.1 with one TaskManager of {@code slots} slots. */
  public static org.apache.flink.test.junit5.MiniClusterExtension miniCluster(int slots) {
    return miniCluster(slots, LocalFlink.loopbackConfiguration());
  }

  /**
   * As {@link #miniCluster(int)}, with the job's metrics kept in {@code metrics} for tests to read.
   */
  public static org.apache.flink.test.junit5.MiniClusterExtension miniCluster(
      int slots, org.apache.flink.runtime.testutils.InMemoryReporter metrics) {
    return miniCluster(slots, metrics.addToConfiguration(LocalFlink.loopbackConfiguration()));
  }

  private static org.apache.flink.test.junit5.MiniClusterExtension miniCluster(
      int slots, org.apache.flink.configuration.Configuration configuration) {
    return new org.apache.flink.test.junit5.MiniClusterExtension(
        new org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(slots)
            .setConfiguration(configuration)
            .build());
  }

  /**
   * Sends every output of the pipeline exactly once to the topics {@code <prefix>-kpi}, {@code
   * -enriched}, {@code -dead} and {@code -alerts}, with {@code prefix} as transactional id prefix.
   */
  public static void sinkExactlyOnce(
      PantauPipeline.Outputs outputs, LocalKafkaBroker kafka, String prefix) {
    outputs.sinkTo(
        exactlyOnce(kafka, prefix + "-kpi", prefix),
        exactlyOnce(kafka, prefix + "-enriched", prefix),
        exactlyOnce(kafka, prefix + "-dead", prefix),
        exactlyOnce(kafka, prefix + "-alerts", prefix));
  }

  private static KafkaSink<KeyedJson> exactlyOnce(
      LocalKafkaBroker kafka, String topic, String prefix) {
    return KafkaIo.exactlyOnceSink(
        kafka.bootstrapServers(), topic, prefix, KafkaIo.DEFAULT_TRANSACTION_TIMEOUT);
  }

  /**
   * The mentions of {@code topic} from the earliest to the latest offset at start, then the end.
   */
  public static KafkaSource<Decoded> boundedSource(LocalKafkaBroker kafka, String topic) {
    return KafkaSource.<Decoded>builder()
        .setBootstrapServers(kafka.bootstrapServers())
        .setTopics(topic)
        .setGroupId("itcase-" + topic)
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setBounded(OffsetsInitializer.latest())
        .setDeserializer(new DecodingKafkaDeserializer(new MentionDecoder()))
        .build();
  }

  /** Sends the lines in order, keyed by {@code key} (null keys spread over partitions). */
  public static void produce(
      LocalKafkaBroker kafka, String topic, List<String> lines, Function<String, String> key) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
      for (String line : lines) {
        String k = key.apply(line);
        producer.send(
            new ProducerRecord<>(
                topic,
                k == null ? null : k.getBytes(StandardCharsets.UTF_8),
                line.getBytes(StandardCharsets.UTF_8)));
      }
      producer.flush();
    }
  }

  /**
   * Sends mentions in order, as a plain client (kcat) does: keyed by mention id (a line without one
   * has no key), or with {@code roundRobinPartitions > 0} one record to each partition in turn.
   */
  public static void produceMentions(
      LocalKafkaBroker kafka, String topic, List<String> lines, int roundRobinPartitions) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
      int i = 0;
      for (String line : lines) {
        String id = mentionId(line);
        byte[] key = id == null ? null : id.getBytes(StandardCharsets.UTF_8);
        Integer partition = roundRobinPartitions > 0 ? i++ % roundRobinPartitions : null;
        producer.send(
            new ProducerRecord<>(topic, partition, key, line.getBytes(StandardCharsets.UTF_8)));
      }
      producer.flush();
    }
  }

  private static String mentionId(String line) {
    try {
      JsonNode n = JSON.readTree(line);
      return n.path("id").isTextual() ? n.get("id").asText() : null;
    } catch (Exception e) {
      return null;
    }
  }

  /** Every committed record of the topic, as a read_committed consumer sees it. */
  public static List<JsonNode> readCommitted(LocalKafkaBroker kafka, String topic)
      throws Exception {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    List<JsonNode> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> parts =
          consumer.partitionsFor(topic).stream()
              .map(i -> new TopicPartition(topic, i.partition()))
              .toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      long deadline = System.currentTimeMillis() + 60_000;
      while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
          && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          out.add(JSON.readTree(r.value()));
        }
      }
    }
    return out;
  }

  /**
   * Upserts KPI records on (brand, window, start, source), keeping the highest revision, and
   * projects each to the compared fields ({@code withRevision}: the revision too). {@code
   * shortTimes} keys windows by their start's hour and minute only, for hand-written expectations
   * within one hour.
   */
  public static Map<String, String> upserted(
      List<JsonNode> records, boolean withRevision, boolean shortTimes) {
    Map<String, String> out = new TreeMap<>();
    Map<String, Integer> revisions = new TreeMap<>();
    for (JsonNode r : records) {
      String start = r.get("start").asText();
      String key =
          r.get("brand").asText()
              + " "
              + r.get("window").asText()
              + " "
              + (shortTimes ? start.substring(11, 16) : start)
              + " "
              + r.get("source").asText();
      int revision = r.get("revision").asInt();
      String value =
          "m="
              + r.get("mentions").asLong()
              + " a="
              + r.get("unique_authors").asLong()
              + " r="
              + r.get("reach").asLong()
              + " i="
              + r.get("impressions").asLong()
              + " e="
              + r.get("engagement").get("total").asLong()
              + " sov="
              + (r.has("share_of_voice") ? r.get("share_of_voice").asText() : "-")
              + (r.has("sentiment") ? " net=" + r.get("sentiment").path("net").asText("-") : "")
              + (withRevision ? " rev=" + revision : "");
      Integer before = revisions.get(key);
      if (before == null || before < revision) {
        revisions.put(key, revision);
        out.put(key, value);
      }
    }
    return out;
  }

  /**
   * The KPI keys of {@link #upserted} whose window ended by {@code cutoff}: windows a streaming run
   * has closed.
   */
  public static Map<String, String> closedBefore(
      Map<String, String> upserted, java.time.Instant cutoff) {
    Map<String, String> out = new TreeMap<>();
    upserted.forEach(
        (k, v) -> {
          String[] parts = k.split(" ");
          java.time.Instant start = java.time.Instant.parse(parts[2]);
          Duration size =
              switch (parts[1]) {
                case "1m" -> Duration.ofMinutes(1);
                case "5m" -> Duration.ofMinutes(5);
                case "1h" -> Duration.ofHours(1);
                default -> Duration.ofDays(1);
              };
          if (!start.plus(size).isAfter(cutoff)) {
            out.put(k, v);
          }
        });
    return out;
  }

  /**
   * Where {@code actual} (from {@code what}) differs from a replay's {@code expected}: the first
   * 20.
   */
  public static List<String> differences(
      Map<String, String> expected, Map<String, String> actual, String what) {
    List<String> out = new ArrayList<>();
    expected.forEach(
        (k, v) -> {
          if (!v.equals(actual.get(k))) {
            out.add(k + ": replay " + v + ", " + what + " " + actual.get(k));
          }
        });
    actual.keySet().stream()
        .filter(k -> !expected.containsKey(k))
        .forEach(k -> out.add(k + ": only in " + what));
    return out.size() > 20 ? out.subList(0, 20) : out;
  }
}
