package dev.pantau.flink.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A single-node Kafka broker (KRaft, combined broker and controller) running in a child JVM, bound
 * to {@code 127.0.0.1}. See the {@linkplain dev.pantau.flink.kafka package documentation}.
 *
 * <p>Thread-safe. {@link #close()} destroys the child process; it is idempotent and also runs from
 * a shutdown hook.
 */
public final class LocalKafkaBroker implements AutoCloseable {

  /** How long {@link #start(Path)} waits for the broker to answer before giving up. */
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);

  /**
   * The broker's {@code transaction.max.timeout.ms}: one hour, Flink's default transaction timeout
   * for its exactly-once Kafka sink (a stock broker allows 15 minutes and rejects it).
   */
  public static final Duration TRANSACTION_MAX_TIMEOUT = Duration.ofHours(1);

  /**
   * JVM flags of the child: a small heap and the quick JIT tier start the broker in a few seconds.
   */
  public static final List<String> DEFAULT_JVM_OPTIONS =
      List.of(
          "-Xms64m",
          "-Xmx512m",
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "-Xshare:auto",
          "-Djava.awt.headless=true");

  /** How long {@link #close()} lets the broker shut down cleanly before killing it. */
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(15);

  private static final String LOOPBACK = "127.0.0.1";
  private static final int PORT_ATTEMPTS = 3;
  private static final int NODE_ID = 1;

  private final Settings settings;
  private final Process process;
  private final OutputStream childStdin; // held open: the child exits when it closes
  private final String bootstrapServers;
  private final Admin admin;
  private final Thread shutdownHook;
  private final List<Path> throwaway; // folders deleted once the broker is stopped
  private volatile boolean closed;

  private LocalKafkaBroker(
      Settings settings, Process process, String bootstrapServers, List<Path> throwaway) {
    this.settings = settings;
    this.process = process;
    this.childStdin = process.getOutputStream();
    this.bootstrapServers = bootstrapServers;
    this.throwaway = List.copyOf(throwaway);
    this.shutdownHook = new Thread(this::stop, "local-kafka-broker-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    this.admin = Admin.create(adminProperties(bootstrapServers));
  }

  /**
   * Starts a broker whose data directory is a fresh temporary directory under {@code workDir}
   * (deleted on {@link #close()}) and whose log is {@code workDir/kafka-broker.log} (kept); returns
   * once the broker answers.
   *
   * @throws IllegalStateException when the broker does not come up within {@link
   *     #DEFAULT_START_TIMEOUT} or its process exits; the message holds the end of its log
   */
  public static LocalKafkaBroker start(Path workDir) {
    return start(Settings.under(workDir));
  }

  /** Starts a broker as {@code settings} describe; returns once the broker answers. */
  public static LocalKafkaBroker start(Settings settings) {
    Objects.requireNonNull(settings, "settings");
    try {
      Files.createDirectories(settings.workDir);
      Path logFile = settings.logFile();
      if (logFile.getParent() != null) {
        Files.createDirectories(logFile.getParent());
      }
      // a free port found here can be taken by another process before the broker binds it
      for (int attempt = 1; ; attempt++) {
        // a failed attempt deletes its throwaway data directory: each attempt makes its own
        Path dataDir =
            settings.dataDir != null
                ? Files.createDirectories(settings.dataDir)
                : Files.createTempDirectory(settings.workDir, "kafka-data-");
        try {
          return startOnce(settings, dataDir, logFile);
        } catch (PortTakenException e) {
          if (attempt >= PORT_ATTEMPTS || settings.port > 0) {
            throw new IllegalStateException(e.getMessage(), e);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start the local Kafka broker under " + settings.workDir, e);
    }
  }

  private static LocalKafkaBroker startOnce(Settings settings, Path dataDir, Path logFile)
      throws IOException {
    int brokerPort = settings.port > 0 ? settings.port : freePort();
    int controllerPort = freePort();
    Path configDir = Files.createTempDirectory(settings.workDir, "kafka-config-");
    Path serverProperties = configDir.resolve("server.properties");
    writeProperties(
        serverProperties,
        serverProperties(settings, dataDir, brokerPort, controllerPort),
        "Pantau local broker");
    Path log4jConfig = configDir.resolve("log4j2.properties");
    Files.writeString(log4jConfig, CHILD_LOG4J_CONFIG, StandardCharsets.UTF_8);
    long logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;

    Process process =
        childJvm(
            configDir,
            log4jConfig,
            logFile,
            settings,
            LocalKafkaBrokerMain.class.getName(),
            clusterId(dataDir),
            serverProperties.toString());
    List<Path> throwaway =
        settings.dataDir == null ? List.of(configDir, dataDir) : List.of(configDir);
    LocalKafkaBroker broker =
        new LocalKafkaBroker(settings, process, LOOPBACK + ":" + brokerPort, throwaway);
    try {
      broker.awaitReady(settings.startTimeout);
      return broker;
    } catch (RuntimeException e) {
      broker.close();
      if (!process.isAlive() && logSince(logFile, logOffset).contains("Address already in use")) {
        throw new PortTakenException(e.getMessage());
      }
      throw e;
    }
  }

  /** The id the data directory was formatted with (a broker refuses any other), else a new one. */
  private static String clusterId(Path dataDir) throws IOException {
    Path meta = dataDir.resolve("meta.properties");
    if (Files.exists(meta)) {
      Properties props = new Properties();
      try (var in = Files.newInputStream(meta)) {
        props.load(in);
      }
      String id = props.getProperty("cluster.id");
      if (id != null && !id.isBlank()) {
        return id;
      }
    }
    return Uuid.randomUuid().toString();
  }

  /** The broker could not bind a port it was given. */
  private static final class PortTakenException extends RuntimeException {
    PortTakenException(String message) {
      super(message);
    }
  }

  private static String logSince(Path file, long offset) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      int from = (int) Math.min(offset, bytes.length);
      return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The file the broker logs to. */
  public Path logFile() {
    return settings.logFile();
  }

  /** Whether the broker's process is still alive. */
  public boolean isRunning() {
    return process.isAlive();
  }

  /** The broker process's id, for diagnostics. */
  public long pid() {
    return process.pid();
  }

  /**
   * Creates each topic with {@code partitions} partitions (replication factor 1); a topic that
   * already exists is left as it is.
   */
  public void createTopics(int partitions, String... names) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1: " + partitions);
    }
    List<NewTopic> topics =
        Arrays.stream(names)
            .map(name -> new NewTopic(name, partitions, (short) 1))
            .collect(Collectors.toList());
    create(topics);
  }

  /**
   * Creates a compacted topic with one partition (a control topic such as {@code keyword-sets}).
   */
  public void createCompactedTopic(String name) {
    NewTopic topic =
        new NewTopic(name, 1, (short) 1)
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    create(List.of(topic));
  }

  private void create(List<NewTopic> topics) {
    ensureOpen();
    createOnController(topics);
    awaitLeaders(topics.stream().map(NewTopic::name).toList(), Duration.ofSeconds(30));
  }

  /**
   * The controller acknowledges a new topic before the broker has its metadata: wait until every
   * partition has a leader, so the caller can produce, consume and describe it right away.
   */
  private void awaitLeaders(List<String> names, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try {
        boolean ready =
            admin.describeTopics(names).allTopicNames().get(5, TimeUnit.SECONDS).values().stream()
                .allMatch(
                    t ->
                        t.partitions().stream()
                            .allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
        if (ready) {
          return;
        }
      } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
        last = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for topics " + names, e);
      }
      sleep(50);
    }
    throw new IllegalStateException(
        "topics " + names + " have no leader after " + timeout + " (last error: " + last + ")");
  }

  private void createOnController(List<NewTopic> topics) {
    for (var entry : admin.createTopics(topics).values().entrySet()) {
      try {
        entry.getValue().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException(
              "cannot create topic " + entry.getKey() + ": " + e.getCause(), e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while creating topic " + entry.getKey(), e);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException("timed out creating topic " + entry.getKey(), e);
      }
    }
  }

  /**
   * Stops the broker: a clean shutdown for up to {@link #SHUTDOWN_GRACE}, then a kill; then deletes
   * its configuration and its data directory unless that was given ({@link Settings#dataDir}).
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    admin.close(Duration.ofSeconds(2));
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook runs anyway
    }
  }

  @Override
  public String toString() {
    return "LocalKafkaBroker["
        + bootstrapServers
        + ", pid "
        + process.pid()
        + ", log "
        + logFile()
        + "]";
  }

  /**
   * Stops the process, then deletes the configuration and a data directory nobody asked to keep.
   */
  private synchronized void stop() {
    destroyProcess();
    if (!process.isAlive()) {
      for (Path dir : throwaway) {
        deleteRecursively(dir);
      }
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.deleteIfExists(path);
                } catch (IOException e) {
                  // best effort: a leftover folder under the work dir is harmless
                }
              });
    } catch (IOException | UncheckedIOException e) {
      // best effort, as above
    }
  }

  private void destroyProcess() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      childStdin.close();
    } catch (IOException ignored) {
      // the process is gone
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the broker is closed");
    }
  }

  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the Kafka broker exited with status "
                + process.exitValue()
                + " during start-up; end of "
                + logFile()
                + ":\n"
                + tail(logFile()));
      }
      try {
        if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
          return;
        }
      } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
        last = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
      }
      sleep(100);
    }
    throw new IllegalStateException(
        "the Kafka broker did not answer within "
            + timeout
            + " (last error: "
            + last
            + "); end of "
            + logFile()
            + ":\n"
            + tail(logFile()));
  }

  private static Properties adminProperties(String bootstrapServers) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "pantau-local-broker-admin");
    return props;
  }

  static Map<String, String> serverProperties(
      Settings settings, Path dataDir, int brokerPort, int controllerPort) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@" + LOOPBACK + ":" + controllerPort);
    p.put(
        "listeners",
        "PLAINTEXT://"
            + LOOPBACK
            + ":"
            + brokerPort
            + ",CONTROLLER://"
            + LOOPBACK
            + ":"
            + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + LOOPBACK + ":" + brokerPort);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    p.put("log.dirs", dataDir.toAbsolutePath().toString());
    p.put("num.partitions", "1");
    p.put("default.replication.factor", "1");
    // one node: every internal topic at replication factor 1 and min ISR 1, few partitions
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "5");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("transaction.max.timeout.ms", String.valueOf(TRANSACTION_MAX_TIMEOUT.toMillis()));
    p.put("auto.create.topics.enable", "true");
    // one voter: no need to wait a second for an election or two for the first heartbeat (the
    // session timeout stays at its default, so a long pause of a busy machine does not fence it)
    p.put("controller.quorum.election.timeout.ms", "200");
    p.put("broker.heartbeat.interval.ms", "200");
    p.putAll(settings.brokerProperties);
    return p;
  }

  private static Process childJvm(
      Path configDir,
      Path log4jConfig,
      Path logFile,
      Settings settings,
      String mainClass,
      String... args)
      throws IOException {
    // The class path goes through an argument file: it can be longer than one argument may be.
    List<String> jvmArgs = new ArrayList<>(settings.jvmOptions);
    jvmArgs.add("-Dlog4j2.configurationFile=" + log4jConfig.toAbsolutePath());
    jvmArgs.add("-Djava.io.tmpdir=" + configDir.toAbsolutePath());
    jvmArgs.add("-cp");
    jvmArgs.add(quote(System.getProperty("java.class.path")));
    Path argFile = configDir.resolve(mainClass.replaceAll("\\W", "_") + ".args");
    Files.writeString(argFile, String.join("\n", jvmArgs), StandardCharsets.UTF_8);

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("@" + argFile.toAbsolutePath());
    command.add(mainClass);
    command.addAll(Arrays.asList(args));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        .start();
  }

  /** Quotes one argument of a java {@code @argfile}. */
  private static String quote(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static void writeProperties(Path file, Map<String, String> values, String comment)
      throws IOException {
    Properties props = new Properties();
    props.putAll(values);
    try (OutputStream out = Files.newOutputStream(file)) {
      props.store(out, comment);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
    }
  }

  // Everything the child logs goes to its standard output, which the parent appends to the log
  // file.
  private static final String CHILD_LOG4J_CONFIG =
      String.join(
          "\n",
          "status = warn",
          "appender.out.type = Console",
          "appender.out.name = out",
          "appender.out.target = SYSTEM_OUT",
          "appender.out.layout.type = PatternLayout",
          "appender.out.layout.pattern = [%d] %p %m (%c)%n",
          "rootLogger.level = INFO",
          "rootLogger.appenderRef.out.ref = out",
          "logger.kafka.name = kafka",
          "logger.kafka.level = INFO",
          "logger.state.name = state.change.logger",
          "logger.state.level = WARN",
          "logger.request.name = kafka.request.logger",
          "logger.request.level = WARN",
          "");

  /**
   * Where and how to start a {@link LocalKafkaBroker}. Fluent and mutable until passed to {@link
   * LocalKafkaBroker#start(Settings)}.
   */
  public static final class Settings {
    private final Path workDir;
    private Path dataDir;
    private Path logFile;
    private int port;
    private Duration startTimeout = DEFAULT_START_TIMEOUT;
    private List<String> jvmOptions = DEFAULT_JVM_OPTIONS;
    private final Map<String, String> brokerProperties = new LinkedHashMap<>();

    private Settings(Path workDir) {
      this.workDir = Objects.requireNonNull(workDir, "workDir");
    }

    /** Settings whose configuration, data and log files live under {@code workDir}. */
    public static Settings under(Path workDir) {
      return new Settings(workDir);
    }

    /**
     * Keeps the broker's data here, across runs, instead of a fresh directory under the work dir
     * that {@code close()} deletes.
     */
    public Settings dataDir(Path dataDir) {
      this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
      return this;
    }

    /** Appends the broker's log here instead of {@code workDir/kafka-broker.log}. */
    public Settings logFile(Path logFile) {
      this.logFile = Objects.requireNonNull(logFile, "logFile");
      return this;
    }

    /** Listens on this port of 127.0.0.1 instead of a free one. */
    public Settings port(int port) {
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("port must be in 1..65535: " + port);
      }
      this.port = port;
      return this;
    }

    /** How long {@code start} waits for the broker to answer. */
    public Settings startTimeout(Duration startTimeout) {
      if (startTimeout.isNegative() || startTimeout.isZero()) {
        throw new IllegalArgumentException("startTimeout must be positive: " + startTimeout);
      }
      this.startTimeout = startTimeout;
      return this;
    }

    /** Replaces {@link #DEFAULT_JVM_OPTIONS}. */
    public Settings jvmOptions(List<String> jvmOptions) {
      this.jvmOptions = List.copyOf(jvmOptions);
      return this;
    }

    /** Sets or overrides one {@code server.properties} entry. */
    public Settings brokerProperty(String key, String value) {
      brokerProperties.put(
          Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    Path logFile() {
      return logFile != null ? logFile : workDir.resolve("kafka-broker.log");
    }
  }
}
