package dev.pantau.flink.cli;

import dev.pantau.flink.generate.DurationConverter;
import dev.pantau.flink.io.KafkaIo;
import dev.pantau.flink.io.KeywordSetPublisher;
import dev.pantau.flink.io.Topics;
import dev.pantau.flink.job.KafkaJobOptions;
import dev.pantau.flink.job.LocalFlink;
import dev.pantau.flink.job.PipelineConfig;
import dev.pantau.flink.job.StreamingJob;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the job against your Kafka in a local Flink mini-cluster, until stopped.",
      "Resumes from the consumer group's committed offsets, else from the earliest (--from overrides)."
    })
public final class RunCommand extends PantauCommand {
  /** True when submitted to a Flink cluster with {@code flink run}: use the cluster, not a local one. */
  private final boolean onCluster;

  public RunCommand() {
    this(false);
  }

  public RunCommand(boolean onCluster) {
    this.onCluster = onCluster;
  }

  @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
  String bootstrap;

  @Option(names = "--from", paramLabel = "WHERE", description = "committed (default), earliest or latest.")
  String from = "committed";

  @Option(names = "--parallelism", description = "Parallelism of the local job (default: ${DEFAULT-VALUE}).")
  int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());

  @Option(names = "--checkpoint-interval", paramLabel = "DURATION", converter = DurationConverter.class, description = "Checkpoint interval, also the outputs' visibility delay (default: 5s).")
  Duration checkpointInterval = KafkaJobOptions.DEFAULT_CHECKPOINT_INTERVAL;

  @Option(names = "--group-id", description = "Kafka consumer group (default: ${DEFAULT-VALUE}).")
  String groupId = KafkaIo.DEFAULT_GROUP_ID;

  @Option(names = "--transactional-id-prefix", description = "Prefix of the sinks' transactional ids (default: ${DEFAULT-VALUE}).")
  String transactionalIdPrefix = KafkaJobOptions.DEFAULT_TRANSACTIONAL_ID_PREFIX;

  @Option(names = "--mentions-topic", description = "Input topic (default: ${DEFAULT-VALUE}).")
  String mentionsTopic = Topics.MENTIONS;

  @Option(names = "--kpi-topic", description = "KPI series topic (default: ${DEFAULT-VALUE}).")
  String kpiTopic = Topics.KPI_SERIES;

  @Option(names = "--enriched-topic", description = "Enriched mentions topic (default: ${DEFAULT-VALUE}).")
  String enrichedTopic = Topics.MENTIONS_ENRICHED;

  @Option(names = "--dead-letter-topic", description = "Dead-letter topic (default: ${DEFAULT-VALUE}).")
  String deadLetterTopic = Topics.DEAD_LETTER;

  @Mixin PipelineOptions pipeline;

  @Override
  protected int execute() throws Exception {
    KafkaIo.StartFrom start;
    try {
      start = KafkaIo.StartFrom.parse(from);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PipelineConfig config = pipeline.toConfig();
    KafkaJobOptions kafka =
        KafkaJobOptions.defaults(bootstrap)
            .withTopics(mentionsTopic, kpiTopic, enrichedTopic, deadLetterTopic)
            .withStartFrom(start)
            .withCheckpointInterval(checkpointInterval)
            .withGroupId(groupId)
            .withTransactionalIdPrefix(transactionalIdPrefix);
    printLogLocation();
    StreamExecutionEnvironment env =
        onCluster
            ? StreamExecutionEnvironment.getExecutionEnvironment()
            : LocalFlink.environment(parallelism, new Configuration());
    StreamingJob.build(env, kafka, config);
    KeywordFileWatcher watcher = null;
    if (!onCluster) {
      java.util.Optional<java.nio.file.Path> keywordPath = ConfigPaths.resolve(pipeline.keywords, ConfigPaths.DEFAULT_KEYWORDS);
      if (keywordPath.isPresent()) {
        watcher = new KeywordFileWatcher(keywordPath.get(), new KeywordSetPublisher(bootstrap, kafka.keywordSetsTopic()), err());
        watcher.start(config.keywordSet());
      }
    }
    err().printf(
        "Pantau is running: %s -> %s, %s, %s (%d brands; Ctrl-C stops)%n",
        mentionsTopic, kpiTopic, enrichedTopic, deadLetterTopic, config.keywordSet().brands().size());
    try {
      env.execute(StreamingJob.JOB_NAME);
    } finally {
      if (watcher != null) {
        watcher.close();
      }
    }
    return 0;
  }
}
