package dev.pantau.flink.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pantau.flink.generate.GeneratedMention;
import dev.pantau.flink.generate.GeneratorOptions;
import dev.pantau.flink.generate.MentionGenerator;
import dev.pantau.flink.job.KafkaTestSupport;
import dev.pantau.flink.job.PipelineConfig;
import dev.pantau.flink.job.ReplayJob;
import dev.pantau.flink.kafka.LocalKafkaBroker;
import dev.pantau.flink.launch.ConfigPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The shaded job jar on a standalone Flink cluster of separate JVMs, submitted with Flink's own
 * {@code flink run -p 2}, losing a TaskManager to SIGKILL mid-stream and getting a new one, and
 * still counting exactly as a replay of the same mentions.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterITCase {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path WORK = Paths.get("target", "cluster-itcase").toAbsolutePath();
  private static final Path ROOT = Paths.get("").toAbsolutePath().getParent();
  private static LocalKafkaBroker kafka;
  private static LocalFlinkCluster flink;

  @BeforeAll
  static void start() throws Exception {
    deleteRecursively(WORK);
    // retention enforced every second with the stock 7 days: output stamped with these old
    // mentions'
    // event time would vanish within seconds
    kafka =
        LocalKafkaBroker.start(
            LocalKafkaBroker.Settings.under(WORK.resolve("kafka"))
                .brokerProperty("log.retention.check.interval.ms", "1000")
                .brokerProperty("log.retention.hours", "168"));
    // the class path ./pantau cluster start takes from its own JVM; the build writes it for the
    // tests
    List<String> classPath =
        LocalFlinkCluster.clusterClassPath(
            Files.readString(Paths.get("target", "classpath.txt").toAbsolutePath()).trim());
    flink =
        LocalFlinkCluster.start(
            LocalFlinkCluster.Settings.of(
                    WORK.resolve("flink"), WORK.resolve("flink").resolve("log"), classPath)
                .taskManagers(2, 2)
                .restPort(0)
                .prometheusPorts("0")
                // the TaskManager size ./pantau cluster start gives (416 MB of heap): at 1 GB (154
                // MB)
                // a failover's subtasks ran out of heap while the old ones were still held
                .memory(
                    LocalFlinkCluster.Settings.DEFAULT_TASK_MANAGER_MEMORY,
                    LocalFlinkCluster.Settings.DEFAULT_JOB_MANAGER_MEMORY));
  }

  @AfterAll
  static void stop() {
    if (flink != null) {
      flink.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  @Order(1)
  void theJobJarAtParallelism2SurvivesALostTaskManagerAndCountsAsAReplay() throws Exception {
    Path jar = jobJar();
    List<GeneratedMention> generated =
        new MentionGenerator(
                31,
                Instant.parse("2026-11-20T00:00:00Z"),
                1.5,
                GeneratorOptions.defaults().malformedFraction(0.002))
            .stream().limit(4_000).collect(Collectors.toList());
    List<String> lines =
        generated.stream().map(GeneratedMention::json).collect(Collectors.toList());
    Instant last =
        generated.stream().map(GeneratedMention::createdAt).max(Instant::compareTo).orElseThrow();
    List<String> part1 = lines.subList(0, lines.size() / 2);
    List<String> part2 = lines.subList(lines.size() / 2, lines.size());
    // one brand mention per partition a day after the end closes every window of the data on the
    // cluster, and replay zero-fills as far
    Instant end = last.plus(Duration.ofHours(26));
    List<String> sentinels = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sentinels.add(
          JSON.writeValueAsString(
              Map.of(
                  "id",
                  "end-" + i,
                  "source",
                  "web",
                  "text",
                  "telkomsel end of test",
                  "created_at",
                  end.plusSeconds(i).toString())));
    }

    String jobId =
        flink.submit(
            jar,
            2,
            null,
            List.of(
                "--bootstrap",
                kafka.bootstrapServers(),
                "--from",
                "earliest",
                "--partitions",
                "3",
                "--checkpoint-interval",
                "2s",
                "--group-id",
                "cluster-test",
                "--transactional-id-prefix",
                "cluster-test",
                "--keywords",
                ROOT.resolve("config/keywords").toString(),
                "--alerts",
                ROOT.resolve("config/alerts").toString()),
            Duration.ofSeconds(120));
    assertThat(jobId).hasSize(32);
    assertThat(partitions("mentions"))
        .as("mentions partitions, created by the job's main")
        .isEqualTo(3);

    KafkaTestSupport.produceMentions(kafka, "mentions", part1, 0);
    awaitKpiRecords(200, Duration.ofSeconds(90));
    // both TaskManagers run subtasks before one of them is lost, or the kill would prove nothing
    assertThat(deployedTaskManagers())
        .as("TaskManagers the Kafka source's two subtasks went to")
        .hasSize(2);
    assertPantauMetricsOnPrometheus();
    flink.killTaskManager(0);
    flink.startTaskManager();
    KafkaTestSupport.produceMentions(kafka, "mentions", part2, 0);
    KafkaTestSupport.produceMentions(kafka, "mentions", sentinels, 3);

    List<String> sent = new ArrayList<>(part1);
    sent.addAll(part2);
    sent.addAll(sentinels);
    Path replayInput = WORK.resolve("input.jsonl");
    Files.write(replayInput, sent, StandardCharsets.UTF_8);
    Path replayOut = WORK.resolve("replay");
    PipelineConfig config =
        PipelineConfig.defaults(ConfigPaths.keywords(ROOT.resolve("config/keywords")))
            .withAlerts(ConfigPaths.alerts(ROOT.resolve("config/alerts")));
    ReplayJob.run(replayInput, replayOut, config);
    Instant cutoff = end.minus(Duration.ofHours(2));
    Map<String, String> expected =
        KafkaTestSupport.closedBefore(
            KafkaTestSupport.upserted(
                Files.readAllLines(replayOut.resolve(ReplayJob.KPI_FILE)).stream()
                    .map(ClusterITCase::json)
                    .toList(),
                false,
                false),
            cutoff);

    // The cluster catches up after the failover at the pace the shared cores allow: wait while
    // it still writes KPI records, up to a cap, rather than for a fixed time (at load 5-6 two
    // minutes were not enough for the last windows).
    Map<String, String> actual = Map.of();
    long cap = System.nanoTime() + Duration.ofSeconds(600).toNanos();
    long stalled = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    int written = -1;
    while (System.nanoTime() < cap && System.nanoTime() < stalled) {
      List<JsonNode> all = KafkaTestSupport.readCommitted(kafka, "kpi-series");
      actual = KafkaTestSupport.closedBefore(KafkaTestSupport.upserted(all, false, false), cutoff);
      if (actual.keySet().containsAll(expected.keySet())
          && KafkaTestSupport.differences(expected, actual, "cluster").isEmpty()) {
        break;
      }
      if (all.size() > written) {
        written = all.size();
        stalled = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      }
      Thread.sleep(2_000);
    }
    assertThat(flink.log("jobmanager"))
        .as("the job failed over after the kill")
        .contains("switched from state RUNNING to RESTARTING");
    assertThat(expected).hasSizeGreaterThan(1_000);
    assertThat(KafkaTestSupport.differences(expected, actual, "cluster"))
        .as("KPI records of the cluster against the replay; the job then: %s", jobState(jobId))
        .isEmpty();
    Map<String, Long> firing =
        KafkaTestSupport.readCommitted(kafka, "alerts").stream()
            .filter(a -> "firing".equals(a.get("status").asText()))
            .collect(Collectors.groupingBy(a -> a.get("id").asText(), Collectors.counting()));
    assertThat(firing.values()).as("no firing alert id twice").allMatch(n -> n == 1);
  }

  // after the kill test, whose checks read the JobManager's log: this job's deployments would blur
  // them
  @Test
  @Order(2)
  void anExplicitParallelismOptionOverridesFlinkRunP() throws Exception {
    String p = "par-";
    String jobId =
        flink.submit(
            jobJar(),
            1,
            null,
            List.of(
                "--bootstrap",
                kafka.bootstrapServers(),
                "--parallelism",
                "2",
                "--mentions-topic",
                p + "mentions",
                "--kpi-topic",
                p + "kpi",
                "--enriched-topic",
                p + "enriched",
                "--alerts-topic",
                p + "alerts",
                "--dead-letter-topic",
                p + "dead",
                "--keyword-sets-topic",
                p + "keywords",
                "--group-id",
                "par-test",
                "--transactional-id-prefix",
                "par-test",
                "--keywords",
                ROOT.resolve("config/keywords").toString(),
                "--alerts",
                ROOT.resolve("config/alerts").toString()),
            Duration.ofSeconds(120));
    try {
      JsonNode job = JSON.readTree(flink.rest("GET", "/jobs/" + jobId));
      Map<String, Integer> parallelism = new TreeMap<>();
      job.get("vertices")
          .forEach(v -> parallelism.put(v.get("name").asText(), v.get("parallelism").asInt()));
      // every operator at the job's parallelism, or its name says why not
      assertThat(parallelism)
          .allSatisfy(
              (name, n) ->
                  assertThat(n == 2 || name.contains("(parallelism 1:"))
                      .as(name + " at " + n)
                      .isTrue());
      assertThat(parallelism.keySet())
          .anyMatch(n -> n.startsWith("Source: Keyword sets"))
          .anyMatch(n -> n.contains("KPI windows"));
      assertThat(parallelism.entrySet())
          .as("the Kafka source at --parallelism 2 despite -p 1")
          .filteredOn(e -> e.getKey().startsWith("Source: Mentions"))
          .extracting(Map.Entry::getValue)
          .containsExactly(2);
    } finally {
      flink.rest("PATCH", "/jobs/" + jobId + "?mode=cancel");
    }
  }

  @Test
  @Order(3)
  void theClusterCommandSubmitsTellsWhatRunsAndStopsItAll() throws Exception {
    // ./pantau cluster submit finds the cluster by its folder; --parallelism is flink run -p and
    // the job's
    String p = "cli-";
    String submitted =
        cli(
            "submit",
            "--jar",
            jobJar().toString(),
            "--parallelism",
            "1",
            "--bootstrap",
            kafka.bootstrapServers(),
            "--mentions-topic",
            p + "mentions",
            "--kpi-topic",
            p + "kpi",
            "--enriched-topic",
            p + "enriched",
            "--alerts-topic",
            p + "alerts",
            "--dead-letter-topic",
            p + "dead",
            "--keyword-sets-topic",
            p + "keywords",
            "--group-id",
            "cli-test",
            "--transactional-id-prefix",
            "cli-test",
            "--keywords",
            ROOT.resolve("config/keywords").toString(),
            "--alerts",
            ROOT.resolve("config/alerts").toString());
    java.util.regex.Matcher id =
        java.util.regex.Pattern.compile("Submitted job ([0-9a-f]{32})").matcher(submitted);
    assertThat(id.find()).as(submitted).isTrue();
    JsonNode job = JSON.readTree(flink.rest("GET", "/jobs/" + id.group(1)));
    List<Integer> levels = new ArrayList<>();
    job.get("vertices").forEach(v -> levels.add(v.get("parallelism").asInt()));
    assertThat(levels).isNotEmpty().containsOnly(1);

    String status = cli("status");
    assertThat(status)
        .contains("Flink 2.2.1 at http://" + flink.address())
        .contains("2 TaskManagers")
        .containsPattern("taskmanager-0 +pid [0-9]+ +exited")
        .containsPattern("taskmanager-2 +pid [0-9]+ +running http://127.0.0.1:")
        .containsPattern(
            "job " + id.group(1) + " (INITIALIZING|CREATED|RUNNING) +Pantau social listening");
    assertThat(cli("stop")).contains("Stopped 3 Flink processes");
    assertThat(flink.members()).isEmpty();
    assertThat(flink.log("jobmanager"))
        .as(
            "the stopped JobManager's log keeps the whole run, from the first test's failover to its shutdown")
        .contains("switched from state RUNNING to RESTARTING")
        .contains("Shutting down remote daemon");
    assertThat(cliStatus("status")).isEqualTo(1);
  }

  /**
   * {@code ./pantau cluster --cluster-dir DIR ARGS} in this JVM; its standard output, exit status 0
   * required.
   */
  private static String cli(String... args) throws Exception {
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    java.io.PrintStream before = System.out;
    System.setOut(new java.io.PrintStream(buf, true, StandardCharsets.UTF_8));
    int status;
    try {
      status = cliStatus(args);
    } finally {
      System.setOut(before);
    }
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(status).as("pantau cluster " + String.join(" ", args) + ":\n" + out).isZero();
    return out;
  }

  private static int cliStatus(String... args) {
    List<String> all =
        new ArrayList<>(List.of("cluster", "--cluster-dir", WORK.resolve("flink").toString()));
    all.addAll(List.of(args));
    return dev.pantau.flink.cli.PantauCli.execute(all.toArray(String[]::new));
  }

  /**
   * Every JVM serves Prometheus metrics on 127.0.0.1 only, and the TaskManagers' include Pantau's
   * own counters with the records the job has read so far.
   */
  private static void assertPantauMetricsOnPrometheus() throws Exception {
    Map<String, String> endpoints = flink.prometheusEndpoints();
    assertThat(endpoints.keySet()).containsExactly("jobmanager", "taskmanager-0", "taskmanager-1");
    assertThat(endpoints.values()).allMatch(u -> u.startsWith("http://127.0.0.1:"));
    double read = 0;
    String all = "";
    for (String tm : List.of("jobmanager", "taskmanager-0", "taskmanager-1")) {
      String text =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(java.net.URI.create(endpoints.get(tm)))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString())
              .body();
      all += text;
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile(
                  "(?m)^flink_taskmanager_job_task_operator_mentionsRead\\{[^}]*\\} ([0-9.eE+]+)$")
              .matcher(text);
      while (m.find()) {
        read += Double.parseDouble(m.group(1));
      }
    }
    assertThat(read).as("mentionsRead over both TaskManagers").isPositive();
    // the metrics README's table names
    for (String metric :
        List.of(
            "deadLetterRecords",
            "lateMentions",
            "outputDeadLetters",
            "duplicateMentions",
            "matchedMentions",
            "unmatchedMentions",
            "expansionOverflows",
            "keywordSetVersion",
            "keywordUpdatesRejected",
            "keywordQueryErrors",
            "kpiLateContributionsDropped",
            "alertsFired",
            "alertsDelivered",
            "alertDeliveriesFailed")) {
      assertThat(all).as(metric).contains("flink_taskmanager_job_task_operator_" + metric + "{");
    }
    // every metric the provisioned "Pantau job health" dashboard asks Prometheus for is exported
    JsonNode dashboard =
        new ObjectMapper()
            .readTree(Paths.get("..", "deploy", "grafana", "dashboards", "job.json").toFile());
    List<String> asked = new ArrayList<>();
    for (JsonNode panel : dashboard.get("panels")) {
      for (JsonNode target : panel.get("targets")) {
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("flink_\\w+").matcher(target.get("expr").asText());
        while (m.find()) {
          asked.add(m.group());
        }
      }
    }
    assertThat(asked).hasSizeGreaterThan(10);
    for (String metric : asked) {
      assertThat(all).as("dashboard metric " + metric).contains(metric + "{");
    }
    assertThat(all)
        .contains(
            "flink_taskmanager_job_task_busyTimeMsPerSecond{",
            "flink_taskmanager_job_task_backPressuredTimeMsPerSecond{",
            "flink_taskmanager_job_task_operator_numRecordsInPerSecond{");
  }

  /**
   * What the job was doing: its status, each vertex's status and lowest watermark, its checkpoints
   * and the causes of its failovers (read when the output falls short, to tell a stall from
   * slowness).
   */
  private static String jobState(String jobId) {
    StringBuilder b = new StringBuilder();
    flink
        .tryRest("/jobs/" + jobId)
        .ifPresent(
            job -> {
              b.append(job.path("state").asText()).append('\n');
              for (JsonNode v : job.path("vertices")) {
                b.append("  ")
                    .append(v.path("name").asText())
                    .append(": ")
                    .append(v.path("status").asText());
                flink
                    .tryRest(
                        "/jobs/" + jobId + "/vertices/" + v.path("id").asText() + "/watermarks")
                    .ifPresent(w -> b.append(", watermarks ").append(w));
                b.append('\n');
              }
            });
    flink
        .tryRest("/jobs/" + jobId + "/checkpoints")
        .ifPresent(c -> b.append("checkpoints ").append(c.path("counts")).append('\n'));
    flink
        .tryRest("/jobs/" + jobId + "/exceptions?maxExceptions=20")
        .ifPresent(
            e -> {
              // the failovers' causes, newest first, each with the first lines of its stack trace
              for (JsonNode x : e.path("exceptionHistory").path("entries")) {
                String trace = x.path("stacktrace").asText("");
                String[] lines = trace.split("\n");
                b.append("failover: ")
                    .append(x.path("taskName").asText(""))
                    .append(": ")
                    .append(
                        String.join(
                            " | ", java.util.Arrays.copyOf(lines, Math.min(4, lines.length))))
                    .append('\n');
              }
            });
    return b.toString();
  }

  private static Path jobJar() throws IOException {
    // the runtime module builds it, before this module's tests run
    try (Stream<Path> files =
        Files.list(Paths.get("..", "flink-jobs", "target").toAbsolutePath().normalize())) {
      return files
          .filter(f -> f.getFileName().toString().endsWith("-job.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "no shaded job jar in flink-jobs/target/: it is built at the package phase"));
    }
  }

  /**
   * The TaskManagers (by resource id) the JobManager deployed the mentions source's subtasks to.
   */
  private static List<String> deployedTaskManagers() throws IOException {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("Deploying Source: Mentions from Kafka .* to (\\S+) @ ")
            .matcher(flink.log("jobmanager"));
    List<String> out = new ArrayList<>();
    while (m.find()) {
      if (!out.contains(m.group(1))) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  private static int partitions(String topic) throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    try (Admin admin = Admin.create(p)) {
      return admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get()
          .get(topic)
          .partitions()
          .size();
    }
  }

  private static JsonNode json(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitKpiRecords(int n, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (KafkaTestSupport.readCommitted(kafka, "kpi-series").size() >= n) {
        return;
      }
      Thread.sleep(1_000);
    }
    throw new AssertionError(
        "fewer than " + n + " KPI records within " + timeout + "; logs in " + flink.logDir());
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
