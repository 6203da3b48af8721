package dev.pantau.flink.cli;

import dev.pantau.flink.demo.KpiTable;
import dev.pantau.flink.demo.LiveView;
import dev.pantau.flink.generate.GeneratorOptions;
import dev.pantau.flink.generate.MentionGenerator;
import dev.pantau.flink.generate.MentionPublisher;
import dev.pantau.flink.io.KeywordSetPublisher;
import dev.pantau.flink.io.TopicProvisioner;
import dev.pantau.flink.io.Topics;
import dev.pantau.flink.job.KafkaJobOptions;
import dev.pantau.flink.job.LocalFlink;
import dev.pantau.flink.job.PipelineConfig;
import dev.pantau.flink.job.StreamingJob;
import dev.pantau.flink.kafka.LocalKafkaBroker;
import dev.pantau.flink.launch.DurationConverter;
import dev.pantau.flink.launch.JdbcOption;
import dev.pantau.flink.launch.PipelineOptions;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Shows Pantau live, with no set-up: KPIs and alerts of a built-in sample.",
      "Starts a Kafka broker on 127.0.0.1, streams English and Indonesian mentions (with a spike) on",
      "an accelerated clock, runs the job and shows live KPIs and alerts until Ctrl-C."
    })
final class DemoCommand extends PantauCommand {
  private static org.slf4j.Logger log() {
    return org.slf4j.LoggerFactory.getLogger(DemoCommand.class);
  }

  @Option(
      names = "--speed",
      description =
          "Simulated seconds per real second (default: ${DEFAULT-VALUE}: a minute per second).")
  double speed = 60;

  @Option(
      names = "--rate",
      description = "Mentions per simulated minute (default: ${DEFAULT-VALUE}).")
  double rate = 120;

  @Option(names = "--seed", description = "Seed of the sample (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(
      names = "--history",
      converter = DurationConverter.class,
      description =
          "Simulated history sent at full speed before the live part, so detectors have a baseline (default: 3h).")
  Duration history = Duration.ofHours(3);

  @Option(
      names = "--duration",
      converter = DurationConverter.class,
      description = "Stop after this much simulated time (default: run until Ctrl-C).")
  Duration duration = Duration.ofDays(365);

  @Option(
      names = "--work-dir",
      description = "Where the broker keeps its data (default: ${DEFAULT-VALUE}).")
  Path workDir = Paths.get(".pantau", "demo");

  @Option(
      names = "--ui-port",
      paramLabel = "N",
      description = "Port of the live dashboard on 127.0.0.1 (default: a free port).")
  int uiPort = 0;

  @Option(
      names = "--jdbc-url",
      paramLabel = "URL",
      description =
          "Also write the outputs to PostgreSQL: jdbc:postgresql://HOST:PORT/DB (user and password in the URL or PGUSER/PGPASSWORD); tables created when missing.")
  String jdbcUrl;

  @Mixin PipelineOptions pipeline;

  private volatile boolean shuttingDown;

  /** When the live part started (System.nanoTime), 0 before: the readings' clock follows it. */
  private volatile long liveStartNanos;

  /** Simulated time between two readings of the sample's owned accounts in the demo. */
  static final Duration DEMO_READING_INTERVAL = Duration.ofMinutes(10);

  /**
   * Streams the five brands' owned-account readings (SPEC §1b) to {@code account-stats}: the
   * history's at once, then live on the demo's simulated clock, from now on, which the mentions'
   * live part also starts from.
   */
  private void startReadings(String bootstrap, Duration history) {
    Thread t =
        new Thread(
            () -> {
              dev.pantau.flink.generate.AccountReadings readings =
                  new dev.pantau.flink.generate.AccountReadings(
                      seed,
                      dev.pantau.flink.generate.MentionGenerator.DEFAULT_START,
                      DEMO_READING_INTERVAL);
              java.time.Instant liveFrom =
                  dev.pantau.flink.generate.MentionGenerator.DEFAULT_START.plus(history);
              try (org.apache.kafka.clients.producer.KafkaProducer<String, String> producer =
                  MentionPublisher.producer(bootstrap)) {
                while (!shuttingDown) {
                  java.time.Instant at = readings.nextAt();
                  if (at.isAfter(liveFrom)) {
                    // live: on the simulated clock of the mentions' live part, which starts after
                    // their history
                    while (!shuttingDown
                        && (liveStartNanos == 0
                            || System.nanoTime()
                                < liveStartNanos
                                    + (long)
                                        (Duration.between(liveFrom, at).toMillis()
                                            / speed
                                            * 1_000_000))) {
                      java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
                    }
                  }
                  for (String line : readings.nextReadings()) {
                    producer.send(
                        new org.apache.kafka.clients.producer.ProducerRecord<>(
                            Topics.ACCOUNT_STATS, null, line));
                  }
                  producer.flush();
                }
              } catch (RuntimeException e) {
                if (!shuttingDown) {
                  err().println("Account readings stopped: " + e.getMessage());
                }
              }
            },
            "pantau-demo-account-readings");
    t.setDaemon(true);
    t.start();
  }

  @Override
  protected int execute() throws Exception {
    long t0 = System.nanoTime();
    PipelineConfig config = pipeline.toConfig();
    JdbcOption.prepare(jdbcUrl);
    printLogLocation();
    err().println("Starting a Kafka broker on 127.0.0.1 ...");
    LocalKafkaBroker broker =
        LocalKafkaBroker.start(workDir.resolve("kafka-" + System.currentTimeMillis()));
    CountDownLatch stopped = new CountDownLatch(1);
    JobClient[] job = new JobClient[1];
    MentionPublisher[] publisher = new MentionPublisher[1];
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  shuttingDown = true;
                  if (publisher[0] != null) {
                    publisher[0].stop();
                  }
                  if (job[0] != null) {
                    try {
                      job[0].cancel().get();
                    } catch (Exception ignored) {
                      // shutting down anyway
                    }
                  }
                  broker.close();
                  stopped.countDown();
                },
                "pantau-demo-shutdown"));

    String bootstrap = broker.bootstrapServers();
    try (TopicProvisioner topics = new TopicProvisioner(bootstrap)) {
      topics.createMissing(
          List.of(
              new TopicProvisioner.Spec(Topics.MENTIONS, TopicProvisioner.Role.INPUT),
              new TopicProvisioner.Spec(Topics.KEYWORD_SETS, TopicProvisioner.Role.CONTROL),
              new TopicProvisioner.Spec(Topics.KPI_SERIES, TopicProvisioner.Role.OUTPUT),
              new TopicProvisioner.Spec(Topics.MENTIONS_ENRICHED, TopicProvisioner.Role.OUTPUT),
              new TopicProvisioner.Spec(Topics.ALERTS, TopicProvisioner.Role.OUTPUT),
              new TopicProvisioner.Spec(Topics.DEAD_LETTER, TopicProvisioner.Role.OUTPUT),
              new TopicProvisioner.Spec(Topics.LEADS, TopicProvisioner.Role.OUTPUT),
              new TopicProvisioner.Spec(Topics.ADVOCACY, TopicProvisioner.Role.OUTPUT),
              new TopicProvisioner.Spec(Topics.ACCOUNT_STATS, TopicProvisioner.Role.INPUT),
              new TopicProvisioner.Spec(Topics.TARGETS, TopicProvisioner.Role.OUTPUT)),
          2,
          Optional.empty());
    }
    try (KeywordSetPublisher keywords = new KeywordSetPublisher(bootstrap, Topics.KEYWORD_SETS)) {
      keywords.publish(config.keywordSet());
    }
    err()
        .printf(
            "Kafka ready at %s; starting the Flink job (%d brands, %d alert rules) ...%n",
            bootstrap, config.keywordSet().brands().size(), config.alerts().rules().size());

    KafkaJobOptions kafka =
        KafkaJobOptions.defaults(bootstrap)
            .withCheckpointInterval(Duration.ofSeconds(1))
            .withTransactionalIdPrefix("pantau-demo-" + System.currentTimeMillis());
    // the same job as run, RocksDB state included; its checkpoints live in a temporary folder, as
    // the
    // demo's broker starts empty every time
    Configuration conf = new Configuration();
    conf.set(
        CheckpointingOptions.CHECKPOINTS_DIRECTORY,
        java.nio.file.Files.createTempDirectory("pantau-demo-state").toUri().toString());
    StreamExecutionEnvironment env = LocalFlink.environment(2, conf);
    dev.pantau.flink.jdbc.JdbcOutputs.attach(
        StreamingJob.build(env, kafka, config, Topics.ACCOUNT_STATS, Topics.TARGETS), jdbcUrl);
    job[0] = env.executeAsync(StreamingJob.JOB_NAME);

    // the spike comes two simulated minutes into the live part
    MentionGenerator generator =
        new MentionGenerator(
            seed,
            MentionGenerator.DEFAULT_START,
            rate,
            GeneratorOptions.defaults().spikeOffset(history.plusMinutes(2)));
    // the readings' history goes out with the mentions' (not after it, when it would be late)
    startReadings(bootstrap, history);
    Thread producerThread =
        new Thread(
            () -> {
              try {
                if (!history.isZero()) {
                  try (MentionPublisher backfill =
                      new MentionPublisher(
                          generator, MentionPublisher.producer(bootstrap), Topics.MENTIONS, 1e7)) {
                    publisher[0] = backfill;
                    long n = backfill.publish(history);
                    err()
                        .printf(
                            "Sent %,d mentions of simulated history (%s); now live.%n", n, history);
                  }
                }
                liveStartNanos = System.nanoTime();
                publisher[0] =
                    new MentionPublisher(
                        generator, MentionPublisher.producer(bootstrap), Topics.MENTIONS, speed);
                publisher[0].publish(duration);
              } catch (RuntimeException e) {
                err().println("Generator stopped: " + e.getMessage());
              }
            },
            "pantau-demo-generator");
    producerThread.setDaemon(true);
    producerThread.start();

    dev.pantau.flink.ui.UiOption.start(
        uiPort, bootstrap, Topics.KPI_SERIES, Topics.ALERTS, java.util.Map.of(), err());
    KpiTable table = KpiTable.forConsole();
    err()
        .printf(
            "Streaming sample mentions at %.0f per simulated minute, %.0fx real time. Ctrl-C stops.%n",
            rate, speed);
    try (LiveView view =
        LiveView.start(bootstrap, Topics.KPI_SERIES, Topics.ALERTS, Topics.TARGETS, table, out())) {
      boolean first = true;
      while (!stopped.await(250, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        if (first && view.records() > 0) {
          first = false;
          log()
              .info(
                  "First KPI records {} s after start",
                  String.format("%.1f", (System.nanoTime() - t0) / 1e9));
        }
        if (!shuttingDown && jobEnded(job[0])) {
          err().println("The job stopped (see the log).");
          return 1;
        }
        if (!producerThread.isAlive() && duration.compareTo(Duration.ofDays(365)) < 0) {
          // a bounded demo (--duration): give the last windows time to close, then stop
          Thread.sleep(5_000);
          return 0;
        }
      }
    }
    return 0;
  }

  private static boolean jobEnded(JobClient job) {
    try {
      return job.getJobStatus().get().isGloballyTerminalState();
    } catch (Exception e) {
      return true; // the mini-cluster is gone: shutting down
    }
  }
}
