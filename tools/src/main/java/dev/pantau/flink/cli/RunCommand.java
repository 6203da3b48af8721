package dev.pantau.flink.cli;

import dev.pantau.flink.io.KeywordSetPublisher;
import dev.pantau.flink.jdbc.JdbcOutputs;
import dev.pantau.flink.job.KafkaJobOptions;
import dev.pantau.flink.job.LocalFlink;
import dev.pantau.flink.job.PipelineConfig;
import dev.pantau.flink.job.StreamingJob;
import dev.pantau.flink.launch.ConfigPaths;
import dev.pantau.flink.launch.DurationConverter;
import dev.pantau.flink.launch.JdbcOption;
import dev.pantau.flink.launch.JobOptions;
import dev.pantau.flink.launch.PipelineOptions;
import dev.pantau.flink.launch.UserException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

  /**
   * How long Ctrl-C or SIGTERM waits for the savepoint before it cancels (the checkpoint stays).
   */
  static final Duration SAVEPOINT_TIMEOUT = Duration.ofSeconds(45);

  @Mixin JobOptions job;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description =
          "Where checkpoints and savepoints are kept, one folder per group id (default: .pantau/state).")
  Path stateDir = StateDirectory.DEFAULT;

  @Option(
      names = "--from-savepoint",
      paramLabel = "PATH",
      description = "Resume from this savepoint or retained checkpoint instead of the latest one.")
  Path fromSavepoint;

  @Option(
      names = "--restart-attempts",
      description =
          "Failures in a row (with growing delays) before run gives up and exits 1 (default: ${DEFAULT-VALUE}).")
  int restartAttempts = DEFAULT_RESTART_ATTEMPTS;

  @Option(
      names = "--max-restart-delay",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Longest delay between restarts; delays double from 1 s (default: 30s).")
  Duration maxRestartDelay = DEFAULT_MAX_RESTART_DELAY;

  @Option(
      names = "--status-interval",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How often the status line is printed (default: 30s).")
  Duration statusInterval = DEFAULT_STATUS_INTERVAL;

  @Option(
      names = "--ui-port",
      paramLabel = "N",
      description = "Serve the live dashboard on 127.0.0.1:N (0: a free port).")
  Integer uiPort;

  @Mixin PipelineOptions pipeline;

  @Override
  protected int execute() throws Exception {
    KafkaJobOptions kafka;
    try {
      kafka = job.kafka();
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (restartAttempts < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--restart-attempts must be at least 1");
    }
    int parallelism =
        job.parallelism != null
            ? job.parallelism
            : Math.max(1, Runtime.getRuntime().availableProcessors());
    PipelineConfig config = pipeline.toConfig();
    printLogLocation();
    JdbcOption.prepare(job.jdbcUrl);
    Map<String, String> identity = job.prepareTopics(kafka, err());

    StateDirectory state = new StateDirectory(stateDir, job.groupId);
    Optional<Path> restore = restorePoint(state, identity);
    state.removeSuperseded(restore);
    Configuration conf = state.flinkConfiguration(restore);
    conf.addAll(restartStrategy());
    // an alert rule removed since the savepoint leaves state no operator claims: drop it, do not
    // fail
    conf.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
    StreamExecutionEnvironment env = LocalFlink.environment(parallelism, conf);
    JdbcOutputs.attach(
        StreamingJob.build(env, kafka, config, job.accountStatsTopic, job.targetsTopic),
        job.jdbcUrl);
    restore.ifPresentOrElse(
        p -> err().println("Resuming from " + p),
        () ->
            err()
                .println(
                    "No state to resume in "
                        + state.root()
                        + ": starting from the "
                        + job.from
                        + " offsets"));

    KeywordFileWatcher watcher = null;
    Optional<Path> keywordPath =
        ConfigPaths.resolve(pipeline.keywords, ConfigPaths.DEFAULT_KEYWORDS);
    if (keywordPath.isPresent()) {
      watcher =
          new KeywordFileWatcher(
              keywordPath.get(),
              new KeywordSetPublisher(job.bootstrap, job.keywordSetsTopic, job.kafkaProperties),
              err());
      watcher.start(config.keywordSet());
    }
    dev.pantau.flink.ui.DashboardServer ui =
        dev.pantau.flink.ui.UiOption.start(
            uiPort, job.bootstrap, job.kpiTopic, job.alertsTopic, job.kafkaProperties, err());
    StopSignal stop = StopSignal.install();
    try (LocalJobRunner runner =
        LocalJobRunner.start(env, conf, parallelism, StreamingJob.JOB_NAME)) {
      JobWatch watch =
          new JobWatch(
              runner,
              err(),
              statusInterval,
              StreamingJob.MENTIONS_SOURCE,
              String.format(
                  "%s -> %s, %s, %s, %s (%d brands)",
                  job.mentionsTopic,
                  job.kpiTopic,
                  job.enrichedTopic,
                  job.alertsTopic,
                  job.deadLetterTopic,
                  config.keywordSet().brands().size()),
              brand ->
                  config.keywordSet().brands().stream()
                      .filter(b -> b.id().equals(brand))
                      .map(b -> b.query())
                      .findFirst()
                      .orElse("(a brand added since the start)"));
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

  private Optional<Path> restorePoint(StateDirectory state, Map<String, String> identity)
      throws UserException {
    if (fromSavepoint != null) {
      Path sp = fromSavepoint.toAbsolutePath().normalize();
      if (!Files.exists(sp.resolve("_metadata"))
          && !sp.getFileName().toString().equals("_metadata")) {
        throw new UserException(
            "--from-savepoint " + fromSavepoint + ": no savepoint there (no _metadata file)");
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
    c.set(
        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF,
        Duration.ofSeconds(1));
    c.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, maxRestartDelay);
    c.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER, 2.0);
    // a job that then runs for 10 minutes without failing starts counting its failures afresh
    c.set(
        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD,
        Duration.ofMinutes(10));
    c.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR, 0.1);
    c.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS, restartAttempts);
    return c;
  }

  private int stopWithSavepoint(
      LocalJobRunner runner, StateDirectory state, Map<String, String> identity) {
    err()
        .println(
            "Stopping: taking a savepoint (Ctrl-C again to quit at once; the last checkpoint stays)...");
    try {
      String location =
          runner.stopWithSavepoint(state.savepoints().toUri().toString(), SAVEPOINT_TIMEOUT);
      Path path =
          Path.of(
              java.net.URI.create(location.startsWith("file:") ? location : "file:" + location));
      StateDirectory.writeIdentity(path, identity);
      err().println("Savepoint: " + path);
      err().println("Stopped. The next run resumes from it.");
      return 0;
    } catch (Exception e) {
      runner.cancel(Duration.ofSeconds(10));
      Optional<Path> latest = state.latestRestorePoint();
      err()
          .println(
              "No savepoint ("
                  + LocalJobRunner.rootCause(e)
                  + "); stopped. The next run resumes from "
                  + latest.map(Path::toString).orElse("the committed offsets"));
      return 0;
    }
  }
}
