package dev.pantau.flink.launch;

import dev.pantau.flink.io.KafkaIo;
import dev.pantau.flink.io.TopicProvisioner;
import dev.pantau.flink.io.Topics;
import dev.pantau.flink.job.KafkaJobOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options of the streaming job wherever it runs (picocli mixin): {@code ./pantau run} in a
 * local mini-cluster and the job jar under {@code flink run}. Broker addresses and topic names
 * reach the job only through here, as {@link KafkaJobOptions}.
 */
public final class JobOptions {
  @Option(
      names = "--bootstrap",
      required = true,
      paramLabel = "HOST:PORT",
      description = "Kafka bootstrap servers.")
  public String bootstrap;

  @Option(
      names = "--from",
      paramLabel = "WHERE",
      description = "Without state to resume from: committed (default), earliest or latest.")
  public String from = "committed";

  @Option(
      names = "--parallelism",
      description =
          "Parallelism of the job (default: this machine's cores in run; on a cluster, flink run -p or the cluster's parallelism.default).")
  public Integer parallelism;

  @Option(
      names = "--checkpoint-interval",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Checkpoint interval, also the outputs' visibility delay (default: 5s).")
  public Duration checkpointInterval = KafkaJobOptions.DEFAULT_CHECKPOINT_INTERVAL;

  @Option(
      names = "--group-id",
      description =
          "Kafka consumer group, also the name of the state folder (default: ${DEFAULT-VALUE}).")
  public String groupId = KafkaIo.DEFAULT_GROUP_ID;

  @Option(
      names = "--transactional-id-prefix",
      description = "Prefix of the sinks' transactional ids (default: ${DEFAULT-VALUE}).")
  public String transactionalIdPrefix = KafkaJobOptions.DEFAULT_TRANSACTIONAL_ID_PREFIX;

  @Option(names = "--mentions-topic", description = "Input topic (default: ${DEFAULT-VALUE}).")
  public String mentionsTopic = Topics.MENTIONS;

  @Option(
      names = "--keyword-sets-topic",
      description = "Keyword-set control topic (default: ${DEFAULT-VALUE}).")
  public String keywordSetsTopic = Topics.KEYWORD_SETS;

  @Option(names = "--kpi-topic", description = "KPI series topic (default: ${DEFAULT-VALUE}).")
  public String kpiTopic = Topics.KPI_SERIES;

  @Option(
      names = "--enriched-topic",
      description = "Enriched mentions topic (default: ${DEFAULT-VALUE}).")
  public String enrichedTopic = Topics.MENTIONS_ENRICHED;

  @Option(names = "--alerts-topic", description = "Alerts topic (default: ${DEFAULT-VALUE}).")
  public String alertsTopic = Topics.ALERTS;

  @Option(
      names = "--dead-letter-topic",
      description = "Dead-letter topic (default: ${DEFAULT-VALUE}).")
  public String deadLetterTopic = Topics.DEAD_LETTER;

  @Option(
      names = "--account-stats-topic",
      description = "Owned accounts' follower readings, SPEC §1b (default: ${DEFAULT-VALUE}).")
  public String accountStatsTopic = Topics.ACCOUNT_STATS;

  @Option(
      names = "--targets-topic",
      description = "Target progress topic, SPEC §4d (default: ${DEFAULT-VALUE}).")
  public String targetsTopic = Topics.TARGETS;

  @Option(
      names = "--no-create-topics",
      description = "Do not create missing topics: name them and exit 1.")
  public boolean noCreateTopics;

  @Option(
      names = "--partitions",
      description = "Partitions of the topics the job creates (default: ${DEFAULT-VALUE}).")
  public int partitions = TopicProvisioner.DEFAULT_PARTITIONS;

  @Option(
      names = "--replication-factor",
      description = "Replication factor of the topics the job creates (default: the broker's).")
  public Short replicationFactor;

  @Option(
      names = "--kafka-property",
      paramLabel = "KEY=VALUE",
      description =
          "A Kafka client setting for every consumer, producer and admin client (security, timeouts); repeatable.")
  public Map<String, String> kafkaProperties = new LinkedHashMap<>();

  @Option(
      names = "--jdbc-url",
      paramLabel = "URL",
      description =
          "Also write the outputs to PostgreSQL: jdbc:postgresql://HOST:PORT/DB (user and password in the URL or PGUSER/PGPASSWORD); tables created when missing.")
  public String jdbcUrl;

  /** The Kafka side of the job; a bad {@code --from} is an {@link IllegalArgumentException}. */
  public KafkaJobOptions kafka() {
    return new KafkaJobOptions(
        bootstrap,
        mentionsTopic,
        keywordSetsTopic,
        kpiTopic,
        enrichedTopic,
        alertsTopic,
        deadLetterTopic,
        groupId,
        KafkaIo.StartFrom.parse(from),
        checkpointInterval,
        transactionalIdPrefix,
        KafkaIo.DEFAULT_TRANSACTION_TIMEOUT,
        kafkaProperties);
  }

  /**
   * Creates the missing topics (or, with {@code --no-create-topics}, names them and fails), and
   * returns what the job's state is taken against: the Kafka cluster id and the input topics' ids.
   */
  public Map<String, String> prepareTopics(KafkaJobOptions kafka, PrintStream err)
      throws UserException {
    List<TopicProvisioner.Spec> specs =
        List.of(
            new TopicProvisioner.Spec(kafka.mentionsTopic(), TopicProvisioner.Role.INPUT),
            new TopicProvisioner.Spec(kafka.keywordSetsTopic(), TopicProvisioner.Role.CONTROL),
            new TopicProvisioner.Spec(kafka.kpiTopic(), TopicProvisioner.Role.OUTPUT),
            new TopicProvisioner.Spec(kafka.enrichedTopic(), TopicProvisioner.Role.OUTPUT),
            new TopicProvisioner.Spec(kafka.alertsTopic(), TopicProvisioner.Role.OUTPUT),
            new TopicProvisioner.Spec(kafka.deadLetterTopic(), TopicProvisioner.Role.OUTPUT),
            new TopicProvisioner.Spec(Topics.LEADS, TopicProvisioner.Role.OUTPUT),
            new TopicProvisioner.Spec(Topics.ADVOCACY, TopicProvisioner.Role.OUTPUT),
            new TopicProvisioner.Spec(accountStatsTopic, TopicProvisioner.Role.INPUT),
            new TopicProvisioner.Spec(targetsTopic, TopicProvisioner.Role.OUTPUT));
    try (TopicProvisioner topics = new TopicProvisioner(bootstrap, kafkaProperties)) {
      if (noCreateTopics) {
        List<String> missing = topics.missing(specs);
        if (!missing.isEmpty()) {
          throw new UserException(
              "missing topics on "
                  + bootstrap
                  + ": "
                  + String.join(", ", missing)
                  + " (create them, or run without --no-create-topics)");
        }
      } else {
        List<String> created =
            topics.createMissing(specs, partitions, Optional.ofNullable(replicationFactor));
        if (!created.isEmpty()) {
          err.println("Created topics: " + String.join(", ", created));
        }
      }
      Map<String, String> identity = new LinkedHashMap<>();
      identity.put("kafka_cluster_id", topics.clusterId());
      identity.put(
          "mentions_topic", kafka.mentionsTopic() + " " + topics.topicId(kafka.mentionsTopic()));
      identity.put(
          "keyword_sets_topic",
          kafka.keywordSetsTopic() + " " + topics.topicId(kafka.keywordSetsTopic()));
      return identity;
    } catch (TopicProvisioner.KafkaUnavailableException e) {
      throw new UserException(e.getMessage());
    }
  }
}
