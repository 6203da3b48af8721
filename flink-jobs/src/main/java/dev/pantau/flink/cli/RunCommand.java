package dev.pantau.flink.cli;

import dev.pantau.flink.generate.DurationConverter;
import dev.pantau.flink.io.KafkaIo;
import dev.pantau.flink.io.KeywordSetPublisher;
import dev.pantau.flink.io.TopicProvisioner;
import dev.pantau.flink.io.Topics;
import dev.pantau.flink.jdbc.JdbcOutputs;
import dev.pantau.flink.job.KafkaJobOptions;
import dev.pantau.flink.job.LocalFlink;
import dev.pantau.flink.job.PipelineConfig;
import dev.pantau.flink.job.StreamingJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the job against your Kafka in a local Flink mini-cluster, until stopped, with durable state. "
          + "Creates the topics it uses when they are missing. Resumes from its own latest checkpoint or "
          + "savepoint (kept per group id under --state-dir), else from the consumer group's committed "
          + "offsets, else from the earliest. Ctrl-C or SIGTERM stops it with a savepoint; a job that keeps "
          + "failing makes it exit 1."
    })
public final class RunCommand extends PantauCommand {
  public static final int DEFAULT_RESTART_ATTEMPTS = 8;
  public static final Duration DEFAULT_MAX_RESTART_DELAY = Duration.ofSeconds(30);
  public static final Duration DEFAULT_STATUS_INTERVAL = Duration.ofSeconds(30);
  /** How long Ctrl-C or SIGTERM waits for the savepoint before it cancels (the checkpoint stays). */
  static final Duration SAVEPOINT_TIMEOUT = Duration.ofSeconds(45);

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

  @Option(names = "--from", paramLabel = "WHERE", description = "Without state to resume from: committed (default), earliest or latest.")
  String from = "committed";

  @Option(names = "--parallelism", description = "Parallelism of the job (default: ${DEFAULT-VALUE}; on a cluster, flink run -p or the cluster's default unless given).")
  int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());

  @Option(names = "--checkpoint-interval", paramLabel = "DURATION", converter = DurationConverter.class, description = "Checkpoint interval, also the outputs' visibility delay (default: 5s).")
  Duration checkpointInterval = KafkaJobOptions.DEFAULT_CHECKPOINT_INTERVAL;

  @Option(names = "--group-id", description = "Kafka consumer group, also the name of the state folder (default: ${DEFAULT-VALUE}).")
  String groupId = KafkaIo.DEFAULT_GROUP_ID;

  @Option(names = "--transactional-id-prefix", description = "Prefix of the sinks' transactional ids (default: ${DEFAULT-VALUE}).")
  String transactionalIdPrefix = KafkaJobOptions.DEFAULT_TRANSACTIONAL_ID_PREFIX;

  @Option(names = "--mentions-topic", description = "Input topic (default: ${DEFAULT-VALUE}).")
  String mentionsTopic = Topics.MENTIONS;

  @Option(names = "--keyword-sets-topic", description = "Keyword-set control topic (default: ${DEFAULT-VALUE}).")
  String keywordSetsTopic = Topics.KEYWORD_SETS;

  @Option(names = "--kpi-topic", description = "KPI series topic (default: ${DEFAULT-VALUE}).")
  String kpiTopic = Topics.KPI_SERIES;

  @Option(names = "--enriched-topic", description = "Enriched mentions topic (default: ${DEFAULT-VALUE}).")
  String enrichedTopic = Topics.MENTIONS_ENRICHED;

  @Option(names = "--alerts-topic", description = "Alerts topic (default: ${DEFAULT-VALUE}).")
  String alertsTopic = Topics.ALERTS;

  @Option(names = "--dead-letter-topic", description = "Dead-letter topic (default: ${DEFAULT-VALUE}).")
  String deadLetterTopic = Topics.DEAD_LETTER;

  @Option(names = "--account-stats-topic", description = "Owned accounts' follower readings, SPEC §1b (default: ${DEFAULT-VALUE}).")
  String accountStatsTopic = Topics.ACCOUNT_STATS;

  @Option(names = "--targets-topic", description = "Target progress topic, SPEC §4d (default: ${DEFAULT-VALUE}).")
  String targetsTopic = Topics.TARGETS;

  @Option(names = "--no-create-topics", description = "Do not create missing topics: name them and exit 1.")
  boolean noCreateTopics;

  @Option(names = "--partitions", description = "Partitions of the topics run creates (default: ${DEFAULT-VALUE}).")
  int partitions = TopicProvisioner.DEFAULT_PARTITIONS;

  @Option(names = "--replication-factor", description = "Replication factor of the topics run creates (default: the broker's).")
  Short replicationFactor;

  @Option(names = "--kafka-property", paramLabel = "KEY=VALUE", description = "A Kafka client setting for every consumer, producer and admin client (security, timeouts); repeatable.")
  Map<String, String> kafkaProperties = new LinkedHashMap<>();

  @Option(names = "--state-dir", paramLabel = "DIR", description = "Where checkpoints and savepoints are kept, one folder per group id (default: .pantau/state).")
  Path stateDir = StateDirectory.DEFAULT;

  @Option(names = "--from-savepoint", paramLabel = "PATH", description = "Resume from this savepoint or retained checkpoint instead of the latest one.")
  Path fromSavepoint;

  @Option(names = "--restart-attempts", description = "Failures in a row (with growing delays) before run gives up and exits 1 (default: ${DEFAULT-VALUE}).")
  int restartAttempts = DEFAULT_RESTART_ATTEMPTS;

  @Option(names = "--max-restart-delay", paramLabel = "DURATION", converter = DurationConverter.class, description = "Longest delay between restarts; delays double from 1 s (default: 30s).")
  Duration maxRestartDelay = DEFAULT_MAX_RESTART_DELAY;

  @Option(names = "--status-interval", paramLabel = "DURATION", converter = DurationConverter.class, description = "How often the status line is printed (default: 30s).")
  Duration statusInterval = DEFAULT_STATUS_INTERVAL;

  @Option(names = "--ui-port", paramLabel = "N", description = "Serve the live dashboard on 127.0.0.1:N (0: a free port).")
  Integer uiPort;

  @Option(names = "--jdbc-url", paramLabel = "URL", description = "Also write the outputs to PostgreSQL: jdbc:postgresql://HOST:PORT/DB (user and password in the URL or PGUSER/PGPASSWORD); tables created when missing.")
  String jdbcUrl;

  @Mixin PipelineOptions pipeline;

  @Override
  protected int execute() throws Exception {
    KafkaIo.StartFrom start;
    try {
      start = KafkaIo.StartFrom.parse(from);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (restartAttempts < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--restart-attempts must be at least 1");
    }
    PipelineConfig config = pipeline.toConfig();
    KafkaJobOptions kafka =
        new KafkaJobOptions(
            bootstrap, mentionsTopic, keywordSetsTopic, kpiTopic, enrichedTopic, alertsTopic, deadLetterTopic,
            groupId, start, checkpointInterval, transactionalIdPrefix, KafkaIo.DEFAULT_TRANSACTION_TIMEOUT,
            kafkaProperties);
    printLogLocation();
    JdbcOption.prepare(jdbcUrl);
    Map<String, String> identity = prepareTopics(kafka);
    if (onCluster) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      // the default (this machine's cores) says nothing about the cluster: only an explicit option
      // overrides flink run -p and the cluster's parallelism.default
      if (spec.commandLine().getParseResult().hasMatchedOption("--parallelism")) {
        env.setParallelism(parallelism);
      }
      JdbcOutputs.attach(StreamingJob.build(env, kafka, config, accountStatsTopic, targetsTopic), jdbcUrl);
      env.execute(StreamingJob.JOB_NAME);
      return 0;
    }

    StateDirectory state = new StateDirectory(stateDir, groupId);
    Optional<Path> restore = restorePoint(state, identity);
    state.removeSuperseded(restore);
    Configuration conf = state.flinkConfiguration(restore);
    conf.addAll(restartStrategy());
    // an alert rule removed since the savepoint leaves state no operator claims: drop it, do not fail
    conf.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
    StreamExecutionEnvironment env = LocalFlink.environment(parallelism, conf);
    JdbcOutputs.attach(StreamingJob.build(env, kafka, config, accountStatsTopic, targetsTopic), jdbcUrl);
    restore.ifPresentOrElse(
        p -> err().println("Resuming from " + p),
        () -> err().println("No state to resume in " + state.root() + ": starting from the " + from + " offsets"));

    KeywordFileWatcher watcher = null;
    Optional<Path> keywordPath = ConfigPaths.resolve(pipeline.keywords, ConfigPaths.DEFAULT_KEYWORDS);
    if (keywordPath.isPresent()) {
      watcher = new KeywordFileWatcher(
          keywordPath.get(), new KeywordSetPublisher(bootstrap, keywordSetsTopic, kafkaProperties), err());
      watcher.start(config.keywordSet());
    }
    dev.pantau.flink.ui.DashboardServer ui = dev.pantau.flink.ui.UiOption.start(uiPort, bootstrap, kpiTopic, alertsTopic, kafkaProperties, err());
    StopSignal stop = StopSignal.install();
    try (LocalJobRunner runner = LocalJobRunner.start(env, conf, parallelism, StreamingJob.JOB_NAME)) {
      JobWatch watch = new JobWatch(runner, err(), statusInterval, StreamingJob.MENTIONS_SOURCE,
          String.format("%s -> %s, %s, %s, %s (%d brands)", mentionsTopic, kpiTopic, enrichedTopic, alertsTopic,
              deadLetterTopic, config.keywordSet().brands().size()),
          brand -> config.keywordSet().brands().stream().filter(b -> b.id().equals(brand)).map(b -> b.query())
              .findFirst().orElse("(a brand added since the start)"));
      JobWatch.Outcome outcome = watch.until(stop);
      if (outcome == JobWatch.Outcome.STOP_REQUESTED) {
        return stopWithSavepoint(runner, state, identity);
      }
      return outcome == JobWatch.Outcome.FAILED ? 1 : 0;
    } finally {
      stop.uninstall();
      if (ui != null) {
        ui.close();
      }
      if (watcher != null) {
        watcher.close();
      }
    }
  }

  /** Creates missing topics (or names them and fails), and returns what the state is taken against. */
  private Map<String, String> prepareTopics(KafkaJobOptions kafka) throws UserException {
    List<TopicProvisioner.Spec> specs = List.of(
        new TopicProvisioner.Spec(kafka.mentionsTopic(), TopicProvisioner.Role.INPUT),
        new TopicProvisioner.Spec(kafka.keywordSetsTopic(), TopicProvisioner.Role.CONTROL),
        new TopicProvisioner.Spec(kafka.kpiTopic(), TopicProvisioner.Role.OUTPUT),
        new TopicProvisioner.Spec(kafka.enrichedTopic(), TopicProvisioner.Role.OUTPUT),
        new TopicProvisioner.Spec(kafka.alertsTopic(), TopicProvisioner.Role.OUTPUT),
        new TopicProvisioner.Spec(kafka.deadLetterTopic(), TopicProvisioner.Role.OUTPUT),
        new TopicProvisioner.Spec(accountStatsTopic, TopicProvisioner.Role.INPUT),
        new TopicProvisioner.Spec(targetsTopic, TopicProvisioner.Role.OUTPUT));
    try (TopicProvisioner topics = new TopicProvisioner(bootstrap, kafkaProperties)) {
      if (noCreateTopics) {
        List<String> missing = topics.missing(specs);
        if (!missing.isEmpty()) {
          throw new UserException("missing topics on " + bootstrap + ": " + String.join(", ", missing)
              + " (create them, or run without --no-create-topics)");
        }
      } else {
        List<String> created = topics.createMissing(specs, partitions, Optional.ofNullable(replicationFactor));
        if (!created.isEmpty()) {
          err().println("Created topics: " + String.join(", ", created));
        }
      }
      Map<String, String> identity = new LinkedHashMap<>();
      identity.put("kafka_cluster_id", topics.clusterId());
      identity.put("mentions_topic", kafka.mentionsTopic() + " " + topics.topicId(kafka.mentionsTopic()));
      identity.put("keyword_sets_topic", kafka.keywordSetsTopic() + " " + topics.topicId(kafka.keywordSetsTopic()));
      return identity;
    } catch (TopicProvisioner.KafkaUnavailableException e) {
      throw new UserException(e.getMessage());
    }
  }

  private Optional<Path> restorePoint(StateDirectory state, Map<String, String> identity) throws UserException {
    if (fromSavepoint != null) {
      Path sp = fromSavepoint.toAbsolutePath().normalize();
      if (!Files.exists(sp.resolve("_metadata")) && !sp.getFileName().toString().equals("_metadata")) {
        throw new UserException("--from-savepoint " + fromSavepoint + ": no savepoint there (no _metadata file)");
      }
      StateDirectory.checkSavepointIdentity(sp, identity);
      state.checkIdentity(identity, false);
      return Optional.of(sp);
    }
    Optional<Path> latest = state.latestRestorePoint();
    state.checkIdentity(identity, latest.isPresent());
    return latest;
  }

  /** Restarts with delays doubling from 1 s; gives up after {@link #restartAttempts} in a row. */
  private Configuration restartStrategy() {
    Configuration c = new Configuration();
    c.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
    c.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, Duration.ofSeconds(1));
    c.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, maxRestartDelay);
    c.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER, 2.0);
    // a job that then runs for 10 minutes without failing starts counting its failures afresh
    c.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD, Duration.ofMinutes(10));
    c.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR, 0.1);
    c.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS, restartAttempts);
    return c;
  }

  private int stopWithSavepoint(LocalJobRunner runner, StateDirectory state, Map<String, String> identity) {
    err().println("Stopping: taking a savepoint (Ctrl-C again to quit at once; the last checkpoint stays)...");
    try {
      String location = runner.stopWithSavepoint(state.savepoints().toUri().toString(), SAVEPOINT_TIMEOUT);
      Path path = Path.of(java.net.URI.create(location.startsWith("file:") ? location : "file:" + location));
      StateDirectory.writeIdentity(path, identity);
      err().println("Savepoint: " + path);
      err().println("Stopped. The next run resumes from it.");
      return 0;
    } catch (Exception e) {
      runner.cancel(Duration.ofSeconds(10));
      Optional<Path> latest = state.latestRestorePoint();
      err().println("No savepoint (" + LocalJobRunner.rootCause(e) + "); stopped. The next run resumes from "
          + latest.map(Path::toString).orElse("the committed offsets"));
      return 0;
    }
  }
}
