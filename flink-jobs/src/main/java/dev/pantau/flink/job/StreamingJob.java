package dev.pantau.flink.job;

import dev.pantau.flink.io.KafkaIo;
import dev.pantau.flink.io.MentionWatermarks;
import dev.pantau.flink.io.Topics;
import dev.pantau.flink.job.alert.AlertNotifierSink;
import dev.pantau.flink.model.Decoded;
import dev.pantau.flink.model.KeywordUpdate;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Wires the pipeline between Kafka topics, exactly once, with durable state: RocksDB with
 * incremental checkpoints, so windows, deduplication, detector baselines and alert states survive a
 * restart.
 */
public final class StreamingJob {
  public static final String JOB_NAME = "Pantau social listening";

  /** The source's operator name: the status line counts its records as read. */
  public static final String MENTIONS_SOURCE = "Mentions from Kafka";

  /** A checkpoint slower than this fails (and is retried at the next interval). */
  public static final Duration CHECKPOINT_TIMEOUT = Duration.ofMinutes(2);

  /** Failed checkpoints in a row the job tolerates before it restarts. */
  public static final int TOLERABLE_FAILED_CHECKPOINTS = 3;

  /**
   * The job's own settings of state and checkpoints, which hold on a cluster whatever its
   * configuration sets (where checkpoints are stored and how the job restarts are the cluster's or
   * {@code run}'s).
   */
  public static Configuration stateConfiguration() {
    Configuration c = new Configuration();
    c.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
    // every record and state type is serialized by Flink itself, never by Kryo, so savepoints can
    // evolve
    c.set(org.apache.flink.configuration.PipelineOptions.GENERIC_TYPES, false);
    c.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
    // most lookups of the per-author and deduplication state are for keys never seen (a new author,
    // a
    // new mention): a Bloom filter answers those without reading every level of the store
    c.set(org.apache.flink.state.rocksdb.RocksDBConfigurableOptions.USE_BLOOM_FILTER, true);
    c.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, CHECKPOINT_TIMEOUT);
    c.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, TOLERABLE_FAILED_CHECKPOINTS);
    // a checkpoint is not started until the previous one is done, so a slow one never piles up
    c.set(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS, 1);

    return c;
  }

  private StreamingJob() {}

  public static PantauPipeline.Outputs build(
      StreamExecutionEnvironment env, KafkaJobOptions kafka, PipelineConfig config) {
    // no account-stats input here: a Kafka source fails on a topic that does not exist, and callers
    // of
    // this form (tests, embedders) create only the topics they know of; run and demo name it
    return build(env, kafka, config, null, Topics.TARGETS);
  }

  /**
   * As {@link #build(StreamExecutionEnvironment, KafkaJobOptions, PipelineConfig)}, naming the
   * {@code account-stats} input (SPEC §1b; null: none) and the {@code targets} output (SPEC §4d).
   */
  public static PantauPipeline.Outputs build(
      StreamExecutionEnvironment env,
      KafkaJobOptions kafka,
      PipelineConfig config,
      String accountStatsTopic,
      String targetsTopic) {
    env.configure(stateConfiguration());
    env.enableCheckpointing(kafka.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
    DataStream<Decoded> decoded =
        env.fromSource(
                KafkaIo.mentionSource(
                    kafka.bootstrap(),
                    kafka.mentionsTopic(),
                    accountStatsTopic,
                    kafka.groupId(),
                    kafka.startFrom(),
                    config.mentionDecoder(),
                    config.accountStatsDecoder(),
                    kafka.clientProperties()),
                MentionWatermarks.streaming(config.outOfOrderness(), config.idleness()),
                MENTIONS_SOURCE)
            .uid("mentions-source");
    DataStream<KeywordUpdate> keywordUpdates =
        env.fromSource(
                KafkaIo.keywordUpdateSource(
                    kafka.bootstrap(),
                    kafka.keywordSetsTopic(),
                    kafka.groupId() + "-keyword-sets",
                    kafka.clientProperties()),
                WatermarkStrategy.noWatermarks(),
                PantauPipeline.KEYWORD_SETS_SOURCE)
            .uid("keyword-sets-source")
            .setParallelism(1);
    PantauPipeline.Outputs outputs = PantauPipeline.build(decoded, keywordUpdates, config);
    outputs.sinkTo(
        KafkaIo.exactlyOnceSink(
            kafka.bootstrap(),
            kafka.kpiTopic(),
            kafka.transactionalIdPrefix(),
            kafka.transactionTimeout(),
            kafka.clientProperties()),
        KafkaIo.exactlyOnceSink(
            kafka.bootstrap(),
            kafka.enrichedTopic(),
            kafka.transactionalIdPrefix(),
            kafka.transactionTimeout(),
            kafka.clientProperties()),
        KafkaIo.exactlyOnceSink(
            kafka.bootstrap(),
            kafka.deadLetterTopic(),
            kafka.transactionalIdPrefix(),
            kafka.transactionTimeout(),
            kafka.clientProperties()),
        KafkaIo.exactlyOnceSink(
            kafka.bootstrap(),
            kafka.alertsTopic(),
            kafka.transactionalIdPrefix(),
            kafka.transactionTimeout(),
            kafka.clientProperties()));
    outputs.sinkLeadsAndAdvocacyTo(
        KafkaIo.exactlyOnceSink(
            kafka.bootstrap(),
            Topics.LEADS,
            kafka.transactionalIdPrefix(),
            kafka.transactionTimeout(),
            kafka.clientProperties()),
        KafkaIo.exactlyOnceSink(
            kafka.bootstrap(),
            Topics.ADVOCACY,
            kafka.transactionalIdPrefix(),
            kafka.transactionTimeout(),
            kafka.clientProperties()));
    outputs.sinkTargetsTo(
        KafkaIo.exactlyOnceSink(
            kafka.bootstrap(),
            targetsTopic,
            kafka.transactionalIdPrefix(),
            kafka.transactionTimeout(),
            kafka.clientProperties()));
    if (!config.alerts().rules().isEmpty()) {
      outputs
          .alertEvents()
          .sinkTo(new AlertNotifierSink(config.alerts()))
          .name(PantauPipeline.NOTIFIER)
          .uid("sink-alert-notifications")
          .setParallelism(1);
    }
    return outputs;
  }
}
