package dev.pantau.flink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pantau.flink.generate.GeneratedMention;
import dev.pantau.flink.generate.GeneratorOptions;
import dev.pantau.flink.generate.MentionGenerator;
import dev.pantau.flink.io.TopicProvisioner;
import dev.pantau.flink.job.KafkaTestSupport;
import dev.pantau.flink.job.PipelineConfig;
import dev.pantau.flink.job.ReplayJob;
import dev.pantau.flink.kafka.LocalKafkaBroker;
import dev.pantau.flink.launch.ConfigPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./pantau run} as users run it: a child process against a real broker, fed by a plain Kafka
 * client, killed with SIGKILL and started again, stopped with SIGTERM, and compared with a replay
 * of the same mentions.
 */
class RunCommandITCase {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path WORK = Paths.get("target", "run-command-itcase").toAbsolutePath();
  private static LocalKafkaBroker kafka;

  @BeforeAll
  static void startBroker() throws Exception {
    // each run starts a new broker (a new cluster id): state left by an earlier run would be
    // refused
    PantauProcess.deleteRecursively(WORK);
    // retention enforced every second, with the stock 7 days: an output record stamped with its
    // mentions'
    // event time (these mentions are older than a week) would be deleted within seconds of being
    // written
    kafka =
        LocalKafkaBroker.start(
            LocalKafkaBroker.Settings.under(WORK.resolve("kafka"))
                .brokerProperty("log.retention.check.interval.ms", "1000")
                .brokerProperty("log.retention.hours", "168"));
  }

  /**
   * Sends in order as a plain client does (kcat): keyed by mention id, or one record to each
   * partition.
   */
  private static void send(String topic, List<String> lines, boolean everyPartition)
      throws Exception {
    // the tests' input topic has three partitions, as the users had
    try (TopicProvisioner t = new TopicProvisioner(kafka.bootstrapServers())) {
      t.createMissing(
          List.of(new TopicProvisioner.Spec(topic, TopicProvisioner.Role.INPUT)),
          3,
          java.util.Optional.empty());
    }
    KafkaTestSupport.produceMentions(kafka, topic, lines, everyPartition ? 3 : 0);
  }

  @AfterAll
  static void stopBroker() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void withNoCreateTopicsNamesTheMissingOnesAndExits1() throws Exception {
    try (PantauProcess run =
        PantauProcess.start(
            WORK,
            "no-create",
            "run",
            "--bootstrap",
            kafka.bootstrapServers(),
            "--no-create-topics",
            "--mentions-topic",
            "nc-mentions",
            "--kpi-topic",
            "nc-kpi",
            "--state-dir",
            WORK.resolve("state-nc").toString())) {
      assertThat(run.awaitExit(Duration.ofSeconds(90))).isEqualTo(1);
      assertThat(run.stderr())
          .contains("missing topics")
          .contains("nc-mentions")
          .contains("nc-kpi")
          .contains("mentions-enriched")
          .doesNotContain("Pantau is running");
    }
  }

  @Test
  void createsItsTopicsAndResumesASavepointAfterAKeywordChangeAndANewAlertRule() throws Exception {
    Path config = WORK.resolve("evo-config");
    Files.createDirectories(config);
    Path keywords = config.resolve("keywords.yaml");
    Path alerts = config.resolve("alerts.yaml");
    Files.writeString(keywords, "brands:\n  - id: acme\n    query: acme\n");
    Files.writeString(
        alerts,
        "rules:\n  - id: acme-spike\n    metric: mentions\n    window: 5m\n    detector: spike\n");
    String[] args = {
      "run",
      "--bootstrap",
      kafka.bootstrapServers(),
      "--mentions-topic",
      "evo-mentions",
      "--kpi-topic",
      "evo-kpi",
      "--enriched-topic",
      "evo-enriched",
      "--alerts-topic",
      "evo-alerts",
      "--account-stats-topic",
      "evo-stats",
      "--targets-topic",
      "evo-targets",
      "--dead-letter-topic",
      "evo-dead",
      "--keyword-sets-topic",
      "evo-keywords",
      "--group-id",
      "evo",
      "--transactional-id-prefix",
      "evo",
      "--state-dir",
      WORK.resolve("state-evo").toString(),
      "--checkpoint-interval",
      "1s",
      "--keywords",
      keywords.toString(),
      "--alerts",
      alerts.toString()
    };
    Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
    try (PantauProcess first = PantauProcess.start(WORK, "evo-1", args)) {
      first.awaitLine(
          "^Created topics: evo-mentions, evo-keywords, evo-kpi, evo-enriched, evo-alerts, evo-dead, evo-stats, evo-targets$",
          Duration.ofSeconds(60));
      first.awaitLine("^Pantau is running", Duration.ofSeconds(120));
      send("evo-mentions", mentions("a", "acme is great", t0, 120), false);
      awaitKpiRecords("evo-kpi", 10, Duration.ofSeconds(120));
      first.term();
      assertThat(first.awaitExit(Duration.ofSeconds(60))).isZero();
      first.awaitLine("^Savepoint: .*savepoint-", Duration.ofSeconds(1));
    }
    // a brand added, a rule added: the savepoint still restores
    Files.writeString(
        keywords, "brands:\n  - id: acme\n    query: acme\n  - id: globex\n    query: globex\n");
    Files.writeString(
        alerts,
        "rules:\n  - id: acme-spike\n    metric: mentions\n    window: 5m\n    detector: spike\n"
            + "  - id: acme-drop\n    metric: mentions\n    window: 1h\n    detector: drop\n");
    try (PantauProcess second = PantauProcess.start(WORK, "evo-2", args)) {
      second.awaitLine("^Resuming from .*savepoint-", Duration.ofSeconds(60));
      second.awaitLine("^Pantau is running", Duration.ofSeconds(120));
      send(
          "evo-mentions",
          mentions("g", "globex and acme", t0.plus(Duration.ofMinutes(150)), 120),
          false);
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      boolean globex = false;
      while (!globex && System.nanoTime() < deadline) {
        globex =
            KafkaTestSupport.readCommitted(kafka, "evo-kpi").stream()
                .anyMatch(r -> "globex".equals(r.get("brand").asText()));
        Thread.sleep(1_000);
      }
      assertThat(globex).as("KPIs of the brand added after the savepoint").isTrue();
      // the first run's windows were not emitted again from scratch: acme's 1m windows of the first
      // batch appear once per revision, never twice at revision 1
      Map<String, Long> firstRevisions =
          KafkaTestSupport.readCommitted(kafka, "evo-kpi").stream()
              .filter(r -> r.get("revision").asInt() == 1)
              .collect(
                  Collectors.groupingBy(
                      r ->
                          r.get("brand").asText()
                              + r.get("window").asText()
                              + r.get("start").asText()
                              + r.get("source").asText(),
                      Collectors.counting()));
      assertThat(firstRevisions.values()).allMatch(n -> n == 1);
      second.term();
      assertThat(second.awaitExit(Duration.ofSeconds(60))).isZero();
    }
  }

  /** {@code n} mentions a minute apart from {@code start}, ids {@code prefix-i}. */
  private static List<String> mentions(String prefix, String text, Instant start, int n)
      throws Exception {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          JSON.writeValueAsString(
              Map.of(
                  "id",
                  prefix + "-" + i,
                  "source",
                  "twitter",
                  "text",
                  text,
                  "created_at",
                  start.plus(Duration.ofMinutes(i)).toString(),
                  "author",
                  Map.of("handle", "@u" + (i % 7)))));
    }
    return out;
  }

  @Test
  void survivesTwoKillsAndStopsWithASavepointCountingExactlyAsAReplay() throws Exception {
    String p = "kill-";
    List<String> topics =
        List.of(
            p + "mentions", p + "kpi", p + "enriched", p + "alerts", p + "dead", p + "keywords");
    // five days of mentions, older than a week by the wall clock: a stock 7-day retention would
    // delete
    // their KPIs at once if outputs carried the event time
    List<GeneratedMention> generated =
        new MentionGenerator(
                23,
                Instant.parse("2026-11-20T00:00:00Z"),
                1.5,
                GeneratorOptions.defaults().malformedFraction(0.002))
            .stream().limit(10_800).collect(Collectors.toList());
    List<String> lines =
        generated.stream().map(GeneratedMention::json).collect(Collectors.toList());
    Instant last =
        generated.stream().map(GeneratedMention::createdAt).max(Instant::compareTo).orElseThrow();
    int third = lines.size() / 3;
    List<String> part1 = lines.subList(0, third);
    List<String> part2 = new ArrayList<>(lines.subList(third, 2 * third));
    List<String> part3 = new ArrayList<>(lines.subList(2 * third, lines.size()));
    // redeliveries: the last 200 of each part sent again after the kill (what a producer retrying
    // does)
    part2.addAll(0, part1.subList(part1.size() - 200, part1.size()));
    part3.addAll(0, part2.subList(part2.size() - 200, part2.size()));
    // one brand mention per partition a day after the end, so every window of the data closes in
    // run
    // too, and replay zero-fills as far (it does so up to the newest mention a brand matched)
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
    List<String> sent = new ArrayList<>();
    String[] args = {
      "run",
      "--bootstrap",
      kafka.bootstrapServers(),
      "--mentions-topic",
      topics.get(0),
      "--kpi-topic",
      topics.get(1),
      "--enriched-topic",
      topics.get(2),
      "--alerts-topic",
      topics.get(3),
      "--dead-letter-topic",
      topics.get(4),
      "--keyword-sets-topic",
      topics.get(5),
      "--group-id",
      "kill-test",
      "--transactional-id-prefix",
      "kill-test",
      "--state-dir",
      WORK.resolve("state-kill").toString(),
      "--checkpoint-interval",
      "2s",
      "--status-interval",
      "5s",
      "--parallelism",
      "2"
    };

    send(topics.get(0), part1, false);
    sent.addAll(part1);
    try (PantauProcess first = PantauProcess.start(WORK, "kill-1", args)) {
      first.awaitLine("^Created topics: .*kill-kpi", Duration.ofSeconds(60));
      first.awaitLine("^Pantau is running", Duration.ofSeconds(120));
      awaitKpiRecords(topics.get(1), 200, Duration.ofSeconds(120));
      first.kill9();
    }
    send(topics.get(0), part2, false);
    sent.addAll(part2);
    try (PantauProcess second = PantauProcess.start(WORK, "kill-2", args)) {
      second.awaitLine("^Resuming from .*chk-", Duration.ofSeconds(60));
      second.awaitLine("^Pantau is running", Duration.ofSeconds(120));
      Thread.sleep(4_000);
      second.kill9();
    }
    send(topics.get(0), part3, false);
    sent.addAll(part3);
    send(topics.get(0), sentinels, true);
    sent.addAll(sentinels);

    Path replayInput = WORK.resolve("kill-input.jsonl");
    Files.write(replayInput, sent, StandardCharsets.UTF_8);
    Path replayOut = WORK.resolve("kill-replay");
    PipelineConfig config =
        PipelineConfig.defaults(ConfigPaths.keywords(PantauProcess.ROOT.resolve("config/keywords")))
            .withAlerts(ConfigPaths.alerts(PantauProcess.ROOT.resolve("config/alerts")));
    ReplayJob.run(replayInput, replayOut, config);
    Instant cutoff = end.minus(Duration.ofHours(2));
    Map<String, String> expected =
        KafkaTestSupport.closedBefore(
            KafkaTestSupport.upserted(
                Files.readAllLines(replayOut.resolve(ReplayJob.KPI_FILE)).stream()
                    .map(RunCommandITCase::json)
                    .toList(),
                false,
                false),
            cutoff);

    try (PantauProcess last3 = PantauProcess.start(WORK, "kill-3", args)) {
      last3.awaitLine("^Resuming from ", Duration.ofSeconds(60));
      Map<String, String> actual = Map.of();
      long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
      while (System.nanoTime() < deadline) {
        actual =
            KafkaTestSupport.closedBefore(
                KafkaTestSupport.upserted(
                    KafkaTestSupport.readCommitted(kafka, topics.get(1)), false, false),
                cutoff);
        if (actual.keySet().containsAll(expected.keySet())) {
          break;
        }
        Thread.sleep(3_000);
      }
      last3.term();
      assertThat(last3.awaitExit(Duration.ofSeconds(60))).isZero();
      assertThat(last3.stderr()).containsPattern("(?m)^Savepoint: ");
      actual =
          KafkaTestSupport.closedBefore(
              KafkaTestSupport.upserted(
                  KafkaTestSupport.readCommitted(kafka, topics.get(1)), false, false),
              cutoff);
      assertThat(expected).hasSizeGreaterThan(3_000);
      assertThat(KafkaTestSupport.differences(expected, actual, "run")).isEmpty();
    }

    List<JsonNode> enriched = KafkaTestSupport.readCommitted(kafka, topics.get(2));
    // once, or once more with copy_of when copy detection found it a copy after it went out
    // (README)
    Map<String, List<JsonNode>> perMention =
        enriched.stream()
            .collect(
                Collectors.groupingBy(
                    e -> e.get("source").asText() + ":" + e.get("id").asText(),
                    TreeMap::new,
                    Collectors.toList()));
    assertThat(perMention.values())
        .as("every enriched mention once, or again with copy_of")
        .allMatch(
            records ->
                records.size() == 1
                    || (records.size() == 2
                        && !records.get(0).has("copy_of")
                        && records.get(1).has("copy_of")));
    // the same mentions as the replay, up to the cutoff: a mention goes out once the watermark
    // passes
    // it (copy detection), so the newest ones may wait in the savepoint for the next run
    java.util.Set<String> replayed = new java.util.TreeSet<>();
    for (String line : Files.readAllLines(replayOut.resolve(ReplayJob.ENRICHED_FILE))) {
      JsonNode e = JSON.readTree(line);
      if (Instant.parse(e.get("created_at").asText()).isBefore(cutoff)) {
        replayed.add(e.get("source").asText() + ":" + e.get("id").asText());
      }
    }
    assertThat(replayed).hasSizeGreaterThan(3_000);
    assertThat(perMention.keySet()).containsAll(replayed);
    Map<String, Long> firing =
        KafkaTestSupport.readCommitted(kafka, topics.get(3)).stream()
            .filter(a -> "firing".equals(a.get("status").asText()))
            .collect(Collectors.groupingBy(a -> a.get("id").asText(), Collectors.counting()));
    assertThat(firing.values()).as("no firing alert id twice").allMatch(n -> n == 1);
    assertThat(outputTimestampType(topics.get(1))).isEqualTo("LogAppendTime");
  }

  private static JsonNode json(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitKpiRecords(String topic, int n, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (KafkaTestSupport.readCommitted(kafka, topic).size() >= n) {
        return;
      }
      Thread.sleep(1_000);
    }
    throw new AssertionError("fewer than " + n + " KPI records within " + timeout);
  }

  private static String outputTimestampType(String topic) throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    try (Admin admin = Admin.create(p)) {
      ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      ConfigEntry e =
          admin.describeConfigs(List.of(r)).all().get().get(r).get("message.timestamp.type");
      return e.value();
    }
  }
}
