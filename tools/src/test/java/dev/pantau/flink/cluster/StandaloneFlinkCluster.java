package dev.pantau.flink.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A standalone Flink session cluster on 127.0.0.1, started from the Maven jars the way Flink's own
 * {@code jobmanager.sh} and {@code taskmanager.sh} start it: one JobManager JVM and TaskManager JVMs,
 * each a child process of this one, with a configuration folder written here. Jobs are submitted with
 * Flink's own client ({@code flink run}) in a child process too, so the job jar is tested exactly as
 * someone else's cluster would run it.
 *
 * <p>Only processes started here are ever stopped, by their own handles.
 */
public final class StandaloneFlinkCluster implements AutoCloseable {
  private static final String FLINK_ADD_OPENS = String.join(" ",
      "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
      "--add-opens=java.base/java.time=ALL-UNNAMED", "--add-opens=java.base/java.text=ALL-UNNAMED",
      "--add-opens=java.base/java.math=ALL-UNNAMED");
  private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";

  private final Path home;
  private final Path confDir;
  private final Path logDir;
  private final String classPath;
  private final int restPort;
  private Process jobManager;
  private final List<Process> taskManagers = new ArrayList<>();
  private final List<String> taskManagerParams;
  private int started;

  private StandaloneFlinkCluster(Path home, String classPath, int restPort, List<String> taskManagerParams) {
    this.home = home;
    this.confDir = home.resolve("conf");
    this.logDir = home.resolve("log");
    this.classPath = classPath;
    this.restPort = restPort;
    this.taskManagerParams = taskManagerParams;
  }

  /**
   * Writes the configuration under {@code home} and starts the JobManager and {@code taskManagers}
   * TaskManagers of {@code slots} slots each; returns once all of them are registered.
   */
  public static StandaloneFlinkCluster start(Path home, int taskManagers, int slots, Map<String, String> extra)
      throws Exception {
    Files.createDirectories(home.resolve("conf"));
    Files.createDirectories(home.resolve("log"));
    int rpcPort = freePort();
    int restPort = freePort();
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("jobmanager.rpc.address", "127.0.0.1");
    conf.put("jobmanager.rpc.port", String.valueOf(rpcPort));
    conf.put("jobmanager.bind-host", "127.0.0.1");
    conf.put("rest.address", "127.0.0.1");
    conf.put("rest.bind-address", "127.0.0.1");
    conf.put("rest.port", String.valueOf(restPort));
    conf.put("taskmanager.bind-host", "127.0.0.1");
    conf.put("taskmanager.host", "127.0.0.1");
    conf.put("taskmanager.numberOfTaskSlots", String.valueOf(slots));
    // without it the scheduler fills one TaskManager's slots first: parallelism 2 would not be spread
    conf.put("taskmanager.load-balance.mode", "SLOTS");
    conf.put("jobmanager.memory.process.size", "768m");
    conf.put("taskmanager.memory.process.size", "1024m");
    conf.put("state.backend.type", "rocksdb");
    conf.put("execution.checkpointing.dir", home.resolve("checkpoints").toUri().toString());
    conf.put("execution.checkpointing.savepoint-dir", home.resolve("savepoints").toUri().toString());
    conf.put("restart-strategy.type", "fixed-delay");
    conf.put("restart-strategy.fixed-delay.attempts", "1000");
    conf.put("restart-strategy.fixed-delay.delay", "1 s");
    // a SIGKILLed TaskManager answers no heartbeat: notice it in seconds, not the default 50 s
    conf.put("heartbeat.interval", "2000");
    conf.put("heartbeat.timeout", "10000");
    conf.put("io.tmp.dirs", home.resolve("tmp").toString());
    conf.putAll(extra);
    StringBuilder yaml = new StringBuilder();
    conf.forEach((k, v) -> yaml.append(k).append(": ").append(v.contains(":") ? "\"" + v + "\"" : v).append('\n'));
    Files.writeString(home.resolve("conf/config.yaml"), yaml.toString());
    Files.createDirectories(home.resolve("tmp"));
    Files.writeString(home.resolve("conf/log4j.properties"), String.join("\n",
        "rootLogger.level = INFO",
        "rootLogger.appenderRef.file.ref = file",
        "appender.file.type = File",
        "appender.file.name = file",
        "appender.file.fileName = ${sys:log.file}",
        "appender.file.layout.type = PatternLayout",
        "appender.file.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-40c{1.} - %m%n",
        "logger.kafka.name = org.apache.kafka",
        "logger.kafka.level = WARN",
        ""));

    String cp = clusterClassPath();
    List<String> tmParams = resourceParams(home.resolve("conf"), cp, "GET_TM_RESOURCE_PARAMS");
    StandaloneFlinkCluster cluster = new StandaloneFlinkCluster(home, cp, restPort, tmParams);
    try {
      List<String> jmParams = resourceParams(home.resolve("conf"), cp, "GET_JM_RESOURCE_PARAMS");
      cluster.jobManager = cluster.launch("jobmanager",
          "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", jmParams);
      for (int i = 0; i < taskManagers; i++) {
        cluster.startTaskManager();
      }
      cluster.awaitTaskManagers(taskManagers, Duration.ofSeconds(90));
      return cluster;
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  /** {@code host:port} of the REST endpoint, for {@code flink run -m}. */
  public String address() {
    return "127.0.0.1:" + restPort;
  }

  public Path logDir() {
    return logDir;
  }

  /** Starts one more TaskManager JVM; it registers with the JobManager by itself. */
  public synchronized Process startTaskManager() throws IOException {
    Process p = launch("taskmanager-" + started++, "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
        taskManagerParams);
    taskManagers.add(p);
    return p;
  }

  /** SIGKILLs a running TaskManager: no shutdown hook, no goodbye to the JobManager, as a lost machine. */
  public synchronized void killTaskManager(int index) throws InterruptedException {
    Process p = taskManagers.get(index);
    p.destroyForcibly();
    p.waitFor(30, TimeUnit.SECONDS);
  }

  /** Waits until {@code n} TaskManagers are registered, as the JobManager's log tells. */
  public void awaitTaskManagers(int n, Duration timeout) throws Exception {
    Pattern registered = Pattern.compile("Registering TaskManager with ResourceID (\\S+)");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!jobManager.isAlive()) {
        throw new IllegalStateException("the JobManager exited with " + jobManager.exitValue() + "; see " + logDir);
      }
      // a TaskManager may register twice (a retry after a slow first answer): count resource ids
      Matcher m = registered.matcher(log("jobmanager"));
      java.util.Set<String> ids = new java.util.HashSet<>();
      while (m.find()) {
        ids.add(m.group(1));
      }
      if (ids.size() >= n) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("fewer than " + n + " TaskManagers registered within " + timeout + "; see " + logDir);
  }

  /** The log file of a process started here ({@code jobmanager}, {@code taskmanager-0}, ...). */
  public String log(String name) throws IOException {
    Path f = logDir.resolve(name + ".log");
    return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
  }

  /**
   * {@code flink run -m ADDRESS -d -p parallelism JAR ARGS} in a child process; returns the job id once
   * the client has submitted the job and exited.
   */
  public String submit(Path jar, int parallelism, List<String> args, Duration timeout) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx512m"));
    cmd.addAll(Arrays.asList(FLINK_ADD_OPENS.split(" ")));
    cmd.addAll(List.of("-Dlog.file=" + logDir.resolve("client.log"),
        "-Dlog4j.configurationFile=" + confDir.resolve("log4j.properties").toUri(),
        "-cp", classPath, "org.apache.flink.client.cli.CliFrontend",
        "run", "-m", address(), "-d", "-p", String.valueOf(parallelism), jar.toString()));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd)
        .redirectOutput(logDir.resolve("client.out").toFile())
        .redirectError(logDir.resolve("client.err").toFile());
    pb.environment().put("FLINK_CONF_DIR", confDir.toString());
    Process client = pb.start();
    try {
      if (!client.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("flink run did not return within " + timeout);
      }
      String out = Files.readString(logDir.resolve("client.out")) + Files.readString(logDir.resolve("client.err"));
      Matcher m = Pattern.compile("JobID ([0-9a-f]{32})").matcher(out);
      if (client.exitValue() != 0 || !m.find()) {
        throw new IllegalStateException("flink run exited with " + client.exitValue() + ":\n" + out);
      }
      return m.group(1);
    } finally {
      client.destroyForcibly();
    }
  }

  /** A call to the REST API ({@code GET /jobs/ID}, {@code PATCH /jobs/ID?mode=cancel}); the body, on 2xx. */
  public String rest(String method, String path) throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpResponse<String> r = http.send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://" + address() + path))
            .method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(30)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(method + " " + path + ": HTTP " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  @Override
  public synchronized void close() {
    List<Process> all = new ArrayList<>(taskManagers);
    if (jobManager != null) {
      all.add(jobManager);
    }
    // SIGTERM first, so the JVMs remove their temporary files; then SIGKILL whatever is left
    all.forEach(Process::destroy);
    for (Process p : all) {
      try {
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          p.waitFor(15, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private Process launch(String name, String mainClass, List<String> params) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(java()));
    cmd.addAll(params.subList(0, params.indexOf("--")));
    cmd.addAll(Arrays.asList(FLINK_ADD_OPENS.split(" ")));
    cmd.addAll(List.of("-Dlog.file=" + logDir.resolve(name + ".log"),
        "-Dlog4j.configurationFile=" + confDir.resolve("log4j.properties").toUri(),
        "-cp", classPath, mainClass, "--configDir", confDir.toString()));
    cmd.addAll(params.subList(params.indexOf("--") + 1, params.size()));
    return new ProcessBuilder(cmd)
        .redirectOutput(logDir.resolve(name + ".out").toFile())
        .redirectError(logDir.resolve(name + ".err").toFile())
        .start();
  }

  /**
   * The JVM options and dynamic properties Flink's scripts get from {@code BashJavaUtils} for this
   * configuration: the JVM options, a {@code "--"} marker, then the {@code -D key=value} arguments.
   */
  private static List<String> resourceParams(Path confDir, String cp, String command) throws Exception {
    Process p = new ProcessBuilder(java(), "-Xmx128m", "-cp", cp, "org.apache.flink.runtime.util.bash.BashJavaUtils",
        command, "--configDir", confDir.toString())
        .redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("BashJavaUtils " + command + " failed:\n" + out);
    }
    List<String> results = out.lines().filter(l -> l.startsWith(RESULT_PREFIX))
        .map(l -> l.substring(RESULT_PREFIX.length()).trim()).toList();
    if (results.size() < 2) {
      throw new IllegalStateException("BashJavaUtils " + command + " printed no result:\n" + out);
    }
    List<String> params = new ArrayList<>(Arrays.asList(results.get(results.size() - 2).split("\\s+")));
    params.add("--");
    params.addAll(Arrays.asList(results.get(results.size() - 1).split("\\s+")));
    params.removeIf(String::isEmpty);
    return params;
  }

  /**
   * Flink's modules and their dependencies from the build's class path, without the job's own modules
   * and its Kafka connector: those must come from the job jar, as on anyone's cluster. (Other libraries
   * the job also shades stay, but Flink loads a job's classes child-first, so the jar's copies win.)
   */
  private static String clusterClassPath() throws IOException {
    Path file = Paths.get("target", "classpath.txt").toAbsolutePath();
    if (!Files.exists(file)) {
      throw new IllegalStateException(file + " is missing: it is written at the package phase");
    }
    return Arrays.stream(Files.readString(file).trim().split(java.io.File.pathSeparator))
        .filter(e -> {
          String name = Paths.get(e).getFileName().toString();
          // Pantau's modules are jars or class folders of this build (target/...), depending on the phase
          return !name.startsWith("pantau-") && !name.startsWith("flink-connector-kafka-") && !e.contains("/target/");
        })
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  private static String java() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public String toString() {
    return "Flink cluster at " + address() + " in " + home;
  }
}
