package dev.pantau.flink.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A standalone Flink session cluster on 127.0.0.1, started from the Maven jars the way Flink's own
 * {@code jobmanager.sh} and {@code taskmanager.sh} start it: one JobManager JVM ({@code
 * StandaloneSessionClusterEntrypoint}) and TaskManager JVMs ({@code TaskManagerRunner}), with the
 * memory options {@code BashJavaUtils} works out, a configuration folder written here, and jobs
 * submitted with Flink's own client ({@code CliFrontend run}, i.e. {@code flink run}) in a child
 * process, so a job jar runs exactly as on anyone's cluster.
 *
 * <p>Everything lives in one folder ({@code home}): {@code conf/}, {@code pids/NAME.pid}, {@code
 * cluster.properties} (ports, class path), checkpoints, savepoints and a {@code lib/} jar with the
 * loopback Prometheus reporter. Logs go to {@code logDir}. A cluster started {@code detached}
 * outlives the JVM that started it (its processes run in a session of their own) and is found again
 * with {@link #attach}; otherwise its processes are this JVM's children, as in the tests. Only
 * processes whose pid file this cluster wrote, and whose command line names this cluster's
 * configuration folder, are ever stopped.
 */
public final class LocalFlinkCluster implements AutoCloseable {
  public static final String JOB_MANAGER = "jobmanager";
  public static final String TASK_MANAGER = "taskmanager-";
  public static final String STATE_FILE = "cluster.properties";

  /** The reporter's name in the configuration ({@code metrics.reporter.prom.*}). */
  public static final String REPORTER = "prom";

  /** Written by {@link LoopbackPrometheusReporter} to each process's log once it listens. */
  static final Pattern PROMETHEUS_LOG =
      Pattern.compile("Prometheus metrics at (http://\\S+/metrics)");

  private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";
  private static final List<String> ADD_OPENS =
      Stream.of(
              "java.lang",
              "java.util",
              "java.util.concurrent",
              "java.lang.reflect",
              "java.io",
              "java.nio",
              "sun.nio.ch",
              "java.net",
              "java.time",
              "java.text",
              "java.math")
          .map(p -> "--add-opens=java.base/" + p + "=ALL-UNNAMED")
          .toList();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How to start a cluster: the defaults suit one machine; the tests take free ports. */
  public record Settings(
      Path home,
      Path logDir,
      List<String> classPath,
      int taskManagers,
      int slots,
      int restPort,
      String prometheusPorts,
      String taskManagerMemory,
      String jobManagerMemory,
      boolean detached,
      Map<String, String> extra) {
    public static final int DEFAULT_TASK_MANAGERS = 2;
    public static final int DEFAULT_SLOTS = 2;
    public static final int DEFAULT_REST_PORT = 8081;
    public static final String DEFAULT_PROMETHEUS_PORTS = "9250-9260";
    public static final String DEFAULT_TASK_MANAGER_MEMORY = "1536m";
    public static final String DEFAULT_JOB_MANAGER_MEMORY = "768m";

    public static Settings of(Path home, Path logDir, List<String> classPath) {
      return new Settings(
          home,
          logDir,
          classPath,
          DEFAULT_TASK_MANAGERS,
          DEFAULT_SLOTS,
          DEFAULT_REST_PORT,
          DEFAULT_PROMETHEUS_PORTS,
          DEFAULT_TASK_MANAGER_MEMORY,
          DEFAULT_JOB_MANAGER_MEMORY,
          false,
          Map.of());
    }

    public Settings taskManagers(int n, int slotsEach) {
      return new Settings(
          home,
          logDir,
          classPath,
          n,
          slotsEach,
          restPort,
          prometheusPorts,
          taskManagerMemory,
          jobManagerMemory,
          detached,
          extra);
    }

    /** 0: a free port. */
    public Settings restPort(int port) {
      return new Settings(
          home,
          logDir,
          classPath,
          taskManagers,
          slots,
          port,
          prometheusPorts,
          taskManagerMemory,
          jobManagerMemory,
          detached,
          extra);
    }

    /**
     * A port, a range {@code 9250-9260} (each process takes the first free one) or 0 (any free
     * port).
     */
    public Settings prometheusPorts(String ports) {
      return new Settings(
          home,
          logDir,
          classPath,
          taskManagers,
          slots,
          restPort,
          ports,
          taskManagerMemory,
          jobManagerMemory,
          detached,
          extra);
    }

    public Settings memory(String taskManager, String jobManager) {
      return new Settings(
          home,
          logDir,
          classPath,
          taskManagers,
          slots,
          restPort,
          prometheusPorts,
          taskManager,
          jobManager,
          detached,
          extra);
    }

    public Settings detached(boolean d) {
      return new Settings(
          home,
          logDir,
          classPath,
          taskManagers,
          slots,
          restPort,
          prometheusPorts,
          taskManagerMemory,
          jobManagerMemory,
          d,
          extra);
    }

    /** Flink settings over the defaults of {@link #configuration}. */
    public Settings extra(Map<String, String> more) {
      return new Settings(
          home,
          logDir,
          classPath,
          taskManagers,
          slots,
          restPort,
          prometheusPorts,
          taskManagerMemory,
          jobManagerMemory,
          detached,
          Map.copyOf(more));
    }
  }

  /** One JVM of the cluster, from its pid file. */
  public record Member(String name, long pid, boolean alive) {}

  private final Path home;
  private final Path confDir;
  private final Path logDir;
  private final String classPath;
  private final int restPort;
  private final boolean detached;
  private final Map<String, Process> children = new LinkedHashMap<>();
  private List<String> taskManagerParams;

  private LocalFlinkCluster(
      Path home, Path logDir, String classPath, int restPort, boolean detached) {
    this.home = home.toAbsolutePath().normalize();
    this.confDir = this.home.resolve("conf");
    this.logDir = logDir.toAbsolutePath().normalize();
    this.classPath = classPath;
    this.restPort = restPort;
    this.detached = detached;
  }

  /**
   * Writes the configuration under {@code home} and starts the JobManager and the TaskManagers;
   * returns once all of them are registered. Refuses when a cluster of this folder still runs.
   */
  public static LocalFlinkCluster start(Settings s) throws Exception {
    Path home = s.home().toAbsolutePath().normalize();
    Optional<LocalFlinkCluster> running = attach(home);
    if (running.isPresent() && running.get().members().stream().anyMatch(Member::alive)) {
      throw new IllegalStateException(
          "a cluster of "
              + home
              + " is still running ("
              + running.get().address()
              + "): stop it first");
    }
    if (s.taskManagers() < 1 || s.slots() < 1) {
      throw new IllegalArgumentException("at least one TaskManager with one slot");
    }
    Files.createDirectories(home.resolve("conf"));
    Files.createDirectories(home.resolve("tmp"));
    Files.createDirectories(s.logDir().resolve("rocksdb"));
    deleteTree(home.resolve("pids"));
    Files.createDirectories(home.resolve("pids"));
    int restPort = s.restPort() == 0 ? freePort() : s.restPort();
    if (!portFree(restPort)) {
      throw new IllegalStateException(
          "port " + restPort + " on 127.0.0.1 is taken: choose another REST port");
    }
    Map<String, String> conf = configuration(home, s, freePort(), restPort);
    writeConfiguration(home.resolve("conf"), conf);
    Path reporterJar = LoopbackPrometheusReporterFactory.writeJar(home.resolve("lib"));
    String cp = String.join(File.pathSeparator, s.classPath()) + File.pathSeparator + reporterJar;
    Properties state = new Properties();
    state.setProperty("rest.port", String.valueOf(restPort));
    state.setProperty("log.dir", s.logDir().toAbsolutePath().normalize().toString());
    state.setProperty("class.path", cp);
    state.setProperty("detached", String.valueOf(s.detached()));
    try (OutputStream out = Files.newOutputStream(home.resolve(STATE_FILE))) {
      state.store(out, "the local Flink cluster of ./pantau cluster");
    }
    LocalFlinkCluster cluster = new LocalFlinkCluster(home, s.logDir(), cp, restPort, s.detached());
    try {
      cluster.launch(
          JOB_MANAGER,
          "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
          cluster.resourceParams("GET_JM_RESOURCE_PARAMS"));
      for (int i = 0; i < s.taskManagers(); i++) {
        cluster.startTaskManager();
      }
      cluster.awaitTaskManagers(s.taskManagers(), Duration.ofSeconds(120));
      return cluster;
    } catch (Exception | Error e) {
      cluster.stop();
      throw e;
    }
  }

  /**
   * The Flink configuration of a local cluster: everything on 127.0.0.1, durable state in {@code
   * home}.
   */
  static Map<String, String> configuration(Path home, Settings s, int rpcPort, int restPort) {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("jobmanager.rpc.address", "127.0.0.1");
    conf.put("jobmanager.rpc.port", String.valueOf(rpcPort));
    conf.put("jobmanager.bind-host", "127.0.0.1");
    conf.put("rest.address", "127.0.0.1");
    conf.put("rest.bind-address", "127.0.0.1");
    conf.put("rest.port", String.valueOf(restPort));
    conf.put("taskmanager.bind-host", "127.0.0.1");
    conf.put("taskmanager.host", "127.0.0.1");
    conf.put("taskmanager.numberOfTaskSlots", String.valueOf(s.slots()));
    conf.put("parallelism.default", String.valueOf(s.taskManagers() * s.slots()));
    // without it the scheduler fills one TaskManager's slots first: parallelism 2 would not be
    // spread
    conf.put("taskmanager.load-balance.mode", "SLOTS");
    conf.put("jobmanager.memory.process.size", s.jobManagerMemory());
    conf.put("taskmanager.memory.process.size", s.taskManagerMemory());
    conf.put("state.backend.type", "rocksdb");
    conf.put("execution.checkpointing.dir", home.resolve("checkpoints").toUri().toString());
    conf.put(
        "execution.checkpointing.savepoint-dir", home.resolve("savepoints").toUri().toString());
    conf.put("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
    conf.put("restart-strategy.type", "exponential-delay");
    conf.put("restart-strategy.exponential-delay.initial-backoff", "1 s");
    conf.put("restart-strategy.exponential-delay.max-backoff", "30 s");
    // on a busy machine the RPC system may take longer than the default 10 s to start
    conf.put("pekko.startup-timeout", "60 s");
    // a SIGKILLed TaskManager refuses the heartbeat RPCs: two refused, 2 s apart, and it is gone.
    // The timeout is for one that is alive but slow to answer: on a busy machine 10 s marked live
    // TaskManagers lost and restarted the job over and over (ClusterITCase at load 18)
    conf.put("heartbeat.interval", "2000");
    conf.put("heartbeat.rpc-failure-threshold", "2");
    conf.put("heartbeat.timeout", "60000");
    conf.put("io.tmp.dirs", home.resolve("tmp").toString());
    // RocksDB writes a LOG file per stateful operator and subtask: in a folder of their own, not
    // between the JobManager's and TaskManagers' logs
    conf.put(
        "state.backend.rocksdb.log.dir",
        s.logDir().toAbsolutePath().normalize().resolve("rocksdb").toString());
    // Prometheus: every JVM serves its metrics on 127.0.0.1 (Flink's own reporter binds every
    // interface)
    conf.put(
        "metrics.reporter." + REPORTER + ".factory.class",
        LoopbackPrometheusReporterFactory.class.getName());
    conf.put("metrics.reporter." + REPORTER + ".host", "127.0.0.1");
    conf.put("metrics.reporter." + REPORTER + ".port", s.prometheusPorts());
    conf.putAll(s.extra());
    return conf;
  }

  private static void writeConfiguration(Path confDir, Map<String, String> conf)
      throws IOException {
    StringBuilder yaml =
        new StringBuilder("# written by ./pantau cluster start: rewritten at every start\n");
    conf.forEach(
        (k, v) ->
            yaml.append(k)
                .append(": ")
                .append(v.matches("[A-Za-z0-9_.\\-/ ]*") ? v : "\"" + v + "\"")
                .append('\n'));
    Files.writeString(confDir.resolve("config.yaml"), yaml.toString());
    Files.writeString(
        confDir.resolve("log4j.properties"),
        String.join(
            "\n",
            // log4j's own shutdown hook stopped the logging first, and the RPC system's shutdown
            // messages after it started a new one, which reopened the file without appending: a
            // stopped process's log held only those few lines
            "shutdownHook = disable",
            "rootLogger.level = INFO",
            "rootLogger.appenderRef.file.ref = file",
            "appender.file.type = File",
            "appender.file.name = file",
            "appender.file.append = false",
            "appender.file.fileName = ${sys:log.file}",
            "appender.file.layout.type = PatternLayout",
            "appender.file.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-40c{1.} - %m%n",
            "logger.kafka.name = org.apache.kafka",
            "logger.kafka.level = WARN",
            ""));
  }

  /** The cluster of {@code home} as its last start left it, if it was ever started there. */
  public static Optional<LocalFlinkCluster> attach(Path home) throws IOException {
    Path file = home.resolve(STATE_FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    }
    return Optional.of(
        new LocalFlinkCluster(
            home,
            Paths.get(p.getProperty("log.dir")),
            p.getProperty("class.path"),
            Integer.parseInt(p.getProperty("rest.port")),
            Boolean.parseBoolean(p.getProperty("detached"))));
  }

  /** {@code host:port} of the REST endpoint, for {@code flink run -m} and the web UI. */
  public String address() {
    return "127.0.0.1:" + restPort;
  }

  public Path home() {
    return home;
  }

  public Path logDir() {
    return logDir;
  }

  /**
   * Starts one more TaskManager JVM; it registers with the JobManager by itself. Returns its name.
   */
  public synchronized String startTaskManager() throws Exception {
    if (taskManagerParams == null) {
      taskManagerParams = resourceParams("GET_TM_RESOURCE_PARAMS");
    }
    int n = 0;
    while (Files.exists(pidFile(TASK_MANAGER + n))) {
      n++;
    }
    launch(
        TASK_MANAGER + n,
        "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
        taskManagerParams);
    return TASK_MANAGER + n;
  }

  /** SIGKILLs a TaskManager: no shutdown hook, no goodbye to the JobManager, as a lost machine. */
  public void killTaskManager(int index) throws Exception {
    ProcessHandle h =
        handle(TASK_MANAGER + index)
            .orElseThrow(() -> new IllegalStateException(TASK_MANAGER + index + " is not running"));
    h.destroyForcibly();
    h.onExit().get(30, TimeUnit.SECONDS);
  }

  /** Waits until {@code n} TaskManagers are registered with the JobManager (its REST API tells). */
  public void awaitTaskManagers(int n, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (handle(JOB_MANAGER).isEmpty()) {
        throw new IllegalStateException(
            "the JobManager exited; see " + logDir.resolve(JOB_MANAGER + ".log"));
      }
      Optional<JsonNode> overview = tryRest("/overview");
      if (overview.isPresent() && overview.get().path("taskmanagers").asInt() >= n) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "fewer than " + n + " TaskManagers registered within " + timeout + "; see " + logDir);
  }

  /** The JVMs of this cluster, from their pid files, and whether each still runs. */
  public List<Member> members() throws IOException {
    List<Member> out = new ArrayList<>();
    Path pids = home.resolve("pids");
    if (!Files.isDirectory(pids)) {
      return out;
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(pids)) {
      files = s.filter(f -> f.getFileName().toString().endsWith(".pid")).sorted().toList();
    }
    for (Path f : files) {
      String name = f.getFileName().toString().replaceFirst("\\.pid$", "");
      out.add(
          new Member(name, Long.parseLong(Files.readString(f).trim()), handle(name).isPresent()));
    }
    // the JobManager first, then the TaskManagers in start order
    out.sort(
        (a, b) ->
            a.name().equals(JOB_MANAGER)
                ? -1
                : b.name().equals(JOB_MANAGER)
                    ? 1
                    : Integer.compare(index(a.name()), index(b.name())));
    return out;
  }

  private static int index(String name) {
    return name.startsWith(TASK_MANAGER)
        ? Integer.parseInt(name.substring(TASK_MANAGER.length()))
        : -1;
  }

  /** Where each running JVM serves its Prometheus metrics, as their logs say. */
  public Map<String, String> prometheusEndpoints() throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (Member m : members()) {
      if (m.alive()) {
        Matcher matcher = PROMETHEUS_LOG.matcher(log(m.name()));
        if (matcher.find()) {
          out.put(m.name(), matcher.group(1));
        }
      }
    }
    return out;
  }

  /** The log file of a process started here ({@code jobmanager}, {@code taskmanager-0}, ...). */
  public String log(String name) throws IOException {
    Path f = logDir.resolve(name + ".log");
    return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
  }

  /**
   * {@code flink run -m ADDRESS -d [-p parallelism] [-s savepoint] JAR ARGS} in a child process, in
   * this JVM's working folder (relative paths in {@code args} are the caller's); returns the job id
   * once the client has submitted the job and exited. The client's output goes to {@code
   * client.log}.
   */
  public String submit(
      Path jar, Integer parallelism, String savepoint, List<String> args, Duration timeout)
      throws Exception {
    List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx512m"));
    cmd.addAll(ADD_OPENS);
    cmd.addAll(
        List.of(
            "-Dlog.file=" + logDir.resolve("client.log"),
            "-Dlog4j.configurationFile=" + confDir.resolve("log4j.properties").toUri(),
            "-cp",
            classPath,
            "org.apache.flink.client.cli.CliFrontend",
            "run",
            "-m",
            address(),
            "-d"));
    if (parallelism != null) {
      cmd.addAll(List.of("-p", String.valueOf(parallelism)));
    }
    if (savepoint != null) {
      cmd.addAll(List.of("-s", savepoint));
    }
    cmd.add(jar.toAbsolutePath().toString());
    cmd.addAll(args);
    Path out = logDir.resolve("client.out");
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().put("FLINK_CONF_DIR", confDir.toString());
    Process client = pb.start();
    try {
      if (!client.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            "flink run did not return within " + timeout + "; see " + out);
      }
      String text = Files.readString(out);
      Matcher m = Pattern.compile("JobID ([0-9a-f]{32})").matcher(text);
      if (client.exitValue() != 0 || !m.find()) {
        throw new IllegalStateException(
            "flink run exited with " + client.exitValue() + ":\n" + text);
      }
      return m.group(1);
    } finally {
      client.destroyForcibly();
    }
  }

  /**
   * A call to the REST API ({@code GET /jobs/ID}, {@code PATCH /jobs/ID?mode=cancel}); the body, on
   * 2xx.
   */
  public String rest(String method, String path) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://" + address() + path))
                    .method(method, HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          method + " " + path + ": HTTP " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  /** {@code GET path} as JSON, or empty while the REST endpoint does not answer. */
  public Optional<JsonNode> tryRest(String path) {
    try {
      return Optional.of(JSON.readTree(rest("GET", path)));
    } catch (ConnectException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /**
   * Stops every JVM of this cluster: SIGTERM, so they remove their temporary files, then SIGKILL
   * whatever is left after 15 s. Checkpoints, savepoints and logs stay.
   */
  public synchronized void stop() {
    List<ProcessHandle> all = new ArrayList<>();
    try {
      for (Member m : members()) {
        handle(m.name()).ifPresent(all::add);
      }
    } catch (IOException e) {
      children.values().forEach(p -> all.add(p.toHandle()));
    }
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle p : all) {
      try {
        p.onExit().get(15, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        p.destroyForcibly();
        try {
          p.onExit().get(15, TimeUnit.SECONDS);
        } catch (Exception ignored) {
          // reported by the next status
        }
      }
    }
    deleteTree(home.resolve("pids"));
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * The running process of {@code name}: its pid file's pid, alive, and running with this cluster's
   * configuration folder (a pid reused by another program is never touched).
   */
  private Optional<ProcessHandle> handle(String name) throws IOException {
    Process child = children.get(name);
    if (child != null) {
      return child.isAlive() ? Optional.of(child.toHandle()) : Optional.empty();
    }
    Path f = pidFile(name);
    if (!Files.exists(f)) {
      return Optional.empty();
    }
    long pid = Long.parseLong(Files.readString(f).trim());
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(
            h ->
                h.info().commandLine().map(c -> c.contains(confDir.toString())).orElse(false)
                    || h.info()
                        .arguments()
                        .map(a -> Arrays.asList(a).contains(confDir.toString()))
                        .orElse(false));
  }

  private Path pidFile(String name) {
    return home.resolve("pids").resolve(name + ".pid");
  }

  private void launch(String name, String mainClass, List<String> params) throws IOException {
    List<String> cmd = new ArrayList<>();
    // a detached cluster runs in a session of its own: closing the terminal that started it or
    // Ctrl-C
    // in it later does not reach it
    if (detached && Files.isExecutable(Paths.get("/usr/bin/setsid"))) {
      cmd.add("/usr/bin/setsid");
    }
    cmd.add(java());
    cmd.addAll(params.subList(0, params.indexOf("--")));
    cmd.addAll(ADD_OPENS);
    cmd.addAll(
        List.of(
            "-Dlog.file=" + logDir.resolve(name + ".log"),
            "-Dlog4j.configurationFile=" + confDir.resolve("log4j.properties").toUri(),
            "-cp",
            classPath,
            mainClass,
            "--configDir",
            confDir.toString()));
    cmd.addAll(params.subList(params.indexOf("--") + 1, params.size()));
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(logDir.resolve(name + ".out").toFile())
            .redirectErrorStream(true)
            .start();
    Files.writeString(pidFile(name), p.pid() + "\n");
    children.put(name, p);
  }

  /**
   * The JVM options and dynamic properties Flink's scripts get from {@code BashJavaUtils} for this
   * configuration: the JVM options, a {@code "--"} marker, then the {@code -D key=value} arguments.
   */
  private List<String> resourceParams(String command) throws Exception {
    Process p =
        new ProcessBuilder(
                java(),
                "-Xmx128m",
                "-cp",
                classPath,
                "org.apache.flink.runtime.util.bash.BashJavaUtils",
                command,
                "--configDir",
                confDir.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("BashJavaUtils " + command + " failed:\n" + out);
    }
    List<String> results =
        out.lines()
            .filter(l -> l.startsWith(RESULT_PREFIX))
            .map(l -> l.substring(RESULT_PREFIX.length()).trim())
            .toList();
    if (results.size() < 2) {
      throw new IllegalStateException("BashJavaUtils " + command + " printed no result:\n" + out);
    }
    List<String> params =
        new ArrayList<>(Arrays.asList(results.get(results.size() - 2).split("\\s+")));
    params.add("--");
    params.addAll(Arrays.asList(results.get(results.size() - 1).split("\\s+")));
    params.removeIf(String::isEmpty);
    return params;
  }

  /**
   * Flink's modules and their dependencies from a class path, without Pantau's own modules (class
   * folders and {@code pantau-*} jars) and the Kafka connector: those must come from the job jar,
   * as on anyone's cluster. (Other libraries the job also shades stay, but Flink loads a job's
   * classes child-first, so the jar's copies win.)
   */
  public static List<String> clusterClassPath(String classPath) {
    return Arrays.stream(classPath.split(File.pathSeparator))
        .filter(e -> !e.isBlank() && e.endsWith(".jar"))
        .filter(
            e -> {
              String name = Paths.get(e).getFileName().toString();
              return !name.startsWith("pantau-") && !name.startsWith("flink-connector-kafka-");
            })
        .toList();
  }

  static String java() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static boolean portFree(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Writes a jar of {@code classes} (read from this class loader) and one service file. */
  static void writeJar(Path jar, List<Class<?>> classes, String service, String implementation)
      throws IOException {
    Files.createDirectories(jar.getParent());
    Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(tmp))) {
      for (Class<?> c : classes) {
        String entry = c.getName().replace('.', '/') + ".class";
        try (InputStream in = c.getClassLoader().getResourceAsStream(entry)) {
          if (in == null) {
            throw new IOException("class file of " + c.getName() + " not found");
          }
          out.putNextEntry(new JarEntry(entry));
          in.transferTo(out);
          out.closeEntry();
        }
      }
      out.putNextEntry(new JarEntry("META-INF/services/" + service));
      out.write((implementation + "\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    Files.move(tmp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public String toString() {
    return "Flink cluster at " + address() + " in " + home;
  }
}
