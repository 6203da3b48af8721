package dev.pantau.flink.job;

import dev.pantau.flink.io.KafkaIo;
import dev.pantau.flink.io.Topics;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * Where the streaming job reads and writes. Defaults are the SPEC's topic names.
 *
 * @param bootstrap Kafka bootstrap servers
 * @param checkpointInterval also the visibility delay of the exactly-once outputs
 * @param clientProperties extra Kafka client settings for every consumer, producer and admin client
 *     (security, timeouts), applied before Pantau's own
 */
public record KafkaJobOptions(
    String bootstrap,
    String mentionsTopic,
    String keywordSetsTopic,
    String kpiTopic,
    String enrichedTopic,
    String alertsTopic,
    String deadLetterTopic,
    String groupId,
    KafkaIo.StartFrom startFrom,
    Duration checkpointInterval,
    String transactionalIdPrefix,
    Duration transactionTimeout,
    Map<String, String> clientProperties)
    implements Serializable {

  public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(5);
  public static final String DEFAULT_TRANSACTIONAL_ID_PREFIX = "pantau";

  public KafkaJobOptions {
    if (bootstrap == null || bootstrap.isBlank()) {
      throw new IllegalArgumentException("a Kafka bootstrap address is required");
    }
    if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
      throw new IllegalArgumentException("checkpoint interval must be positive");
    }
    clientProperties = Map.copyOf(clientProperties);
  }

  public static KafkaJobOptions defaults(String bootstrap) {
    return new KafkaJobOptions(
        bootstrap,
        Topics.MENTIONS,
        Topics.KEYWORD_SETS,
        Topics.KPI_SERIES,
        Topics.MENTIONS_ENRICHED,
        Topics.ALERTS,
        Topics.DEAD_LETTER,
        KafkaIo.DEFAULT_GROUP_ID,
        KafkaIo.StartFrom.COMMITTED,
        DEFAULT_CHECKPOINT_INTERVAL,
        DEFAULT_TRANSACTIONAL_ID_PREFIX,
        KafkaIo.DEFAULT_TRANSACTION_TIMEOUT,
        Map.of());
  }

  public KafkaJobOptions withStartFrom(KafkaIo.StartFrom from) {
    return new KafkaJobOptions(
        bootstrap,
        mentionsTopic,
        keywordSetsTopic,
        kpiTopic,
        enrichedTopic,
        alertsTopic,
        deadLetterTopic,
        groupId,
        from,
        checkpointInterval,
        transactionalIdPrefix,
        transactionTimeout,
        clientProperties);
  }

  public KafkaJobOptions withCheckpointInterval(Duration d) {
    return new KafkaJobOptions(
        bootstrap,
        mentionsTopic,
        keywordSetsTopic,
        kpiTopic,
        enrichedTopic,
        alertsTopic,
        deadLetterTopic,
        groupId,
        startFrom,
        d,
        transactionalIdPrefix,
        transactionTimeout,
        clientProperties);
  }

  public KafkaJobOptions withGroupId(String g) {
    return new KafkaJobOptions(
        bootstrap,
        mentionsTopic,
        keywordSetsTopic,
        kpiTopic,
        enrichedTopic,
        alertsTopic,
        deadLetterTopic,
        g,
        startFrom,
        checkpointInterval,
        transactionalIdPrefix,
        transactionTimeout,
        clientProperties);
  }

  public KafkaJobOptions withTransactionalIdPrefix(String p) {
    return new KafkaJobOptions(
        bootstrap,
        mentionsTopic,
        keywordSetsTopic,
        kpiTopic,
        enrichedTopic,
        alertsTopic,
        deadLetterTopic,
        groupId,
        startFrom,
        checkpointInterval,
        p,
        transactionTimeout,
        clientProperties);
  }

  public KafkaJobOptions withClientProperties(Map<String, String> props) {
    return new KafkaJobOptions(
        bootstrap,
        mentionsTopic,
        keywordSetsTopic,
        kpiTopic,
        enrichedTopic,
        alertsTopic,
        deadLetterTopic,
        groupId,
        startFrom,
        checkpointInterval,
        transactionalIdPrefix,
        transactionTimeout,
        props);
  }

  public KafkaJobOptions withTopics(
      String mentions, String kpi, String enriched, String deadLetter) {
    return new KafkaJobOptions(
        bootstrap,
        mentions,
        keywordSetsTopic,
        kpi,
        enriched,
        alertsTopic,
        deadLetter,
        groupId,
        startFrom,
        checkpointInterval,
        transactionalIdPrefix,
        transactionTimeout,
        clientProperties);
  }
}
