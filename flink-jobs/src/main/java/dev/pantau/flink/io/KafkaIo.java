package dev.pantau.flink.io;

import dev.pantau.flink.model.Decoded;
import dev.pantau.flink.model.KeywordUpdate;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.sink.TransactionNamingStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** Builds Pantau's Kafka sources and exactly-once sinks. */
public final class KafkaIo {
  /**
   * The sinks' transaction timeout: below a stock broker's {@code transaction.max.timeout.ms} (15
   * min), which rejects Flink's default of one hour and makes the job restart forever.
   */
  public static final Duration DEFAULT_TRANSACTION_TIMEOUT = Duration.ofMinutes(10);

  public static final String DEFAULT_GROUP_ID = "pantau";

  /** Where a run starts reading when it has no checkpoint to restore. */
  public enum StartFrom {
    /** The consumer group's committed offsets, else the earliest. */
    COMMITTED,
    EARLIEST,
    LATEST;

    public static StartFrom parse(String s) {
      try {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--from must be committed, earliest or latest, got \"" + s + "\"");
      }
    }

    OffsetsInitializer initializer() {
      return switch (this) {
        case COMMITTED -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
        case EARLIEST -> OffsetsInitializer.earliest();
        case LATEST -> OffsetsInitializer.latest();
      };
    }
  }

  private KafkaIo() {}

  private static Properties properties(Map<String, String> clientProperties) {
    Properties p = new Properties();
    p.putAll(clientProperties);
    return p;
  }

  public static KafkaSource<Decoded> mentionSource(
      String bootstrap, String topic, String groupId, StartFrom from, MentionDecoder decoder) {
    return mentionSource(bootstrap, topic, groupId, from, decoder, Map.of());
  }

  /** The {@code mentions} source; {@code clientProperties} (security, timeouts) come first. */
  public static KafkaSource<Decoded> mentionSource(
      String bootstrap,
      String topic,
      String groupId,
      StartFrom from,
      MentionDecoder decoder,
      Map<String, String> clientProperties) {
    return KafkaSource.<Decoded>builder()
        .setBootstrapServers(bootstrap)
        .setTopics(topic)
        .setGroupId(groupId)
        .setStartingOffsets(from.initializer())
        .setDeserializer(new DecodingKafkaDeserializer(decoder))
        .setProperty("partition.discovery.interval.ms", "60000")
        // the user's settings may change the defaults above, not the two below
        .setProperties(properties(clientProperties))
        // only what producers committed: Pantau's own generator and upstream jobs write
        // transactionally
        .setProperty("isolation.level", "read_committed")
        .setProperty("commit.offsets.on.checkpoint", "true")
        .build();
  }

  /**
   * The {@code mentions} source that also reads the {@code account-stats} topic (SPEC §1b) when
   * {@code accountStatsTopic} is set: one source, so readings and mentions share watermarks,
   * alignment and the late check, exactly as replay merges the two files.
   */
  public static KafkaSource<Decoded> mentionSource(
      String bootstrap,
      String topic,
      String accountStatsTopic,
      String groupId,
      StartFrom from,
      MentionDecoder decoder,
      AccountStatsDecoder accountStats,
      Map<String, String> clientProperties) {
    if (accountStatsTopic == null) {
      return mentionSource(bootstrap, topic, groupId, from, decoder, clientProperties);
    }
    return KafkaSource.<Decoded>builder()
        .setBootstrapServers(bootstrap)
        .setTopics(topic, accountStatsTopic)
        .setGroupId(groupId)
        .setStartingOffsets(from.initializer())
        .setDeserializer(new DecodingKafkaDeserializer(decoder, accountStatsTopic, accountStats))
        .setProperty("partition.discovery.interval.ms", "60000")
        .setProperties(properties(clientProperties))
        .setProperty("isolation.level", "read_committed")
        .setProperty("commit.offsets.on.checkpoint", "true")
        .build();
  }

  /**
   * The {@code keyword-sets} control topic, always from its earliest offset on a fresh start: it is
   * compacted, so that is the whole current set.
   */
  public static KafkaSource<KeywordUpdate> keywordUpdateSource(
      String bootstrap, String topic, String groupId) {
    return keywordUpdateSource(bootstrap, topic, groupId, Map.of());
  }

  public static KafkaSource<KeywordUpdate> keywordUpdateSource(
      String bootstrap, String topic, String groupId, Map<String, String> clientProperties) {
    return KafkaSource.<KeywordUpdate>builder()
        .setProperties(properties(clientProperties))
        .setBootstrapServers(bootstrap)
        .setTopics(topic)
        .setGroupId(groupId)
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setDeserializer(new KeywordUpdateDeserializer())
        .setProperty("isolation.level", "read_committed")
        .build();
  }

  public static KafkaSink<KeyedJson> exactlyOnceSink(
      String bootstrap, String topic, String transactionalIdPrefix, Duration transactionTimeout) {
    return exactlyOnceSink(bootstrap, topic, transactionalIdPrefix, transactionTimeout, Map.of());
  }

  public static KafkaSink<KeyedJson> exactlyOnceSink(
      String bootstrap,
      String topic,
      String transactionalIdPrefix,
      Duration transactionTimeout,
      Map<String, String> clientProperties) {
    return KafkaSink.<KeyedJson>builder()
        .setKafkaProducerConfig(properties(clientProperties))
        .setBootstrapServers(bootstrap)
        .setRecordSerializer(new KeyedJsonSerializer(topic))
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix(transactionalIdPrefix + "-" + topic)
        // POOLING reuses a small set of transactional ids (INCREMENTING makes one per checkpoint,
        // each
        // kept in the broker's memory for a week) and, on recovery, aborts only the open
        // transactions
        // no restored checkpoint owns, listed through the admin API
        .setTransactionNamingStrategy(TransactionNamingStrategy.POOLING)
        .setProperty("transaction.timeout.ms", String.valueOf(transactionTimeout.toMillis()))
        .build();
  }
}
