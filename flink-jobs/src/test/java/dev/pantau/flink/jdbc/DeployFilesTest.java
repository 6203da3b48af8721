package dev.pantau.flink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pantau.flink.cluster.FlinkConfigCheck;
import dev.pantau.flink.io.Topics;
import dev.pantau.flink.job.PantauJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * docker-compose wires PostgreSQL and Grafana to the job with the files of deploy/, at pinned
 * versions.
 */
class DeployFilesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void composeRunsPinnedPostgresAndGrafanaOnTheDeployFilesAndTheJobWritesToPostgres()
      throws Exception {
    JsonNode services =
        YAML.readTree(Paths.get("..", "docker-compose.yml").toFile()).get("services");
    assertThat(services.get("postgres").get("image").asText()).matches("postgres:17\\.[0-9]+");
    assertThat(services.get("grafana").get("image").asText())
        .matches("grafana/grafana:[0-9]+\\.[0-9]+\\.[0-9]+");
    assertThat(services.get("postgres").get("volumes").toString())
        .contains("./deploy/postgres/schema.sql:");
    assertThat(services.get("grafana").get("volumes").toString())
        .contains("./deploy/grafana/provisioning:/etc/grafana/provisioning")
        .contains("./deploy/grafana/dashboards:/var/lib/grafana/dashboards");
    assertThat(services.get("submit").get("command").toString())
        .contains(
            "--jdbc-url 'jdbc:postgresql://postgres:5432/"
                + services.get("postgres").get("environment").get("POSTGRES_DB").asText());
    assertThat(services.get("submit").get("depends_on").toString()).contains("postgres");
    List<String> ports = new ArrayList<>();
    services.forEach(s -> s.path("ports").forEach(p -> ports.add(p.asText())));
    assertThat(ports).isNotEmpty().allMatch(p -> p.startsWith("127.0.0.1:"));
  }

  @Test
  void composeKeepsFlinkStateOnAVolumeAndSubmitsOnceKafkaAndTheJobManagerAnswer() throws Exception {
    JsonNode services =
        YAML.readTree(Paths.get("..", "docker-compose.yml").toFile()).get("services");
    String jm = services.get("jobmanager").get("environment").get("FLINK_PROPERTIES").asText();
    String tm = services.get("taskmanager").get("environment").get("FLINK_PROPERTIES").asText();
    // checkpoints and savepoints on a volume both share: a restarted JobManager or TaskManager
    // resumes
    assertThat(jm)
        .isEqualTo(tm)
        .contains("execution.checkpointing.dir: file:///flink-state/")
        .contains("parallelism.default: 2")
        .contains("taskmanager.load-balance.mode: SLOTS");
    assertThat(services.get("jobmanager").get("volumes").toString())
        .contains("flink-state:/flink-state");
    assertThat(services.get("taskmanager").get("volumes").toString())
        .contains("flink-state:/flink-state");
    assertThat(services.get("taskmanager").get("deploy").get("replicas").asInt()).isEqualTo(2);
    // the notifier runs on the TaskManagers: the channels' secrets must reach them
    assertThat(services.get("taskmanager").get("environment").has("SLACK_WEBHOOK_URL")).isTrue();
    assertThat(services.get("taskmanager").get("environment").has("PANTAU_WEBHOOK_SECRET"))
        .isTrue();
    // health checks instead of a fixed sleep
    assertThat(services.get("submit").get("depends_on").get("kafka").get("condition").asText())
        .isEqualTo("service_healthy");
    assertThat(services.get("submit").get("depends_on").get("jobmanager").get("condition").asText())
        .isEqualTo("service_healthy");
    assertThat(services.get("submit").get("command").toString()).doesNotContain("sleep");
    assertThat(services.get("kafka").has("healthcheck")).isTrue();
    assertThat(services.get("jobmanager").has("healthcheck")).isTrue();
  }

  @Test
  void grafanaProvisionsTheDataSourcesTheDashboardsUseAndLoadsThemFromTheMountedFolder()
      throws Exception {
    JsonNode sources =
        YAML.readTree(
                Paths.get("..", "deploy", "grafana", "provisioning", "datasources", "pantau.yaml")
                    .toFile())
            .get("datasources");
    JsonNode ds = sources.get(0);
    assertThat(ds.get("type").asText()).isEqualTo("grafana-postgresql-datasource");
    JsonNode prometheus = sources.get(1);
    assertThat(prometheus.get("type").asText()).isEqualTo("prometheus");
    JsonNode provider =
        YAML.readTree(
                Paths.get("..", "deploy", "grafana", "provisioning", "dashboards", "pantau.yaml")
                    .toFile())
            .get("providers")
            .get(0);
    assertThat(provider.get("options").get("path").asText())
        .isEqualTo("/var/lib/grafana/dashboards");
    int sql = 0;
    int promql = 0;
    for (JsonNode d : GrafanaDashboards.dashboards()) {
      List<GrafanaDashboards.Query> queries = GrafanaDashboards.queries(d);
      List<GrafanaDashboards.PromQuery> prom = GrafanaDashboards.promQueries(d);
      assertThat(queries.size() + prom.size()).as(d.get("uid").asText()).isPositive();
      assertThat(queries)
          .allSatisfy(
              q -> assertThat(q.datasourceUid()).as(q.title()).isEqualTo(ds.get("uid").asText()));
      assertThat(prom)
          .allSatisfy(
              q ->
                  assertThat(q.datasourceUid())
                      .as(q.title())
                      .isEqualTo(prometheus.get("uid").asText()));
      sql += queries.size();
      promql += prom.size();
    }
    assertThat(sql).isPositive();
    assertThat(promql).isPositive();
  }

  /**
   * Prometheus scrapes the port the compose file's Flink reporter listens on, on the JobManager and
   * on every TaskManager, and Grafana reaches it by the service name. (That the dashboard's metric
   * names are ones Flink and Pantau export is checked against a live cluster by {@code
   * ClusterITCase}.)
   */
  @Test
  void composeRunsAPinnedPrometheusThatScrapesEveryFlinkProcess() throws Exception {
    JsonNode services =
        YAML.readTree(Paths.get("..", "docker-compose.yml").toFile()).get("services");
    JsonNode prometheus = services.get("prometheus");
    assertThat(prometheus.get("image").asText()).matches("prom/prometheus:v\\d+\\.\\d+\\.\\d+");
    assertThat(prometheus.get("ports").toString()).contains("127.0.0.1:9090:9090");
    assertThat(prometheus.get("volumes").toString())
        .contains("./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml");
    assertThat(services.get("grafana").get("environment").get("PANTAU_PROMETHEUS_URL").asText())
        .isEqualTo("http://prometheus:9090");
    JsonNode scrape =
        YAML.readTree(Paths.get("..", "deploy", "prometheus", "prometheus.yml").toFile())
            .get("scrape_configs");
    assertThat(scrape.toString())
        .contains("\"jobmanager:9249\"")
        .contains("\"taskmanager\"")
        .contains("\"port\":9249");
    assertThat(services.get("taskmanager").get("deploy").get("replicas").asInt()).isEqualTo(2);
  }

  @Test
  void
      composesFlinkConfigurationIsAcceptedByFlinksOwnParserWithThePrometheusReporterOnLoopbackPorts()
          throws Exception {
    JsonNode services =
        YAML.readTree(Paths.get("..", "docker-compose.yml").toFile()).get("services");
    for (String service : List.of("jobmanager", "taskmanager")) {
      String conf = services.get(service).get("environment").get("FLINK_PROPERTIES").asText();
      assertThat(
              FlinkConfigCheck.problems(
                  conf, Paths.get("target", "deploy-files-test", service).toAbsolutePath()))
          .as(service)
          .isEmpty();
      assertThat(conf)
          .contains(
              "metrics.reporter.prom.factory.class: org.apache.flink.metrics.prometheus.PrometheusReporterFactory")
          .contains("metrics.reporter.prom.port: 9249");
    }
    assertThat(services.get("jobmanager").get("ports").toString()).contains("127.0.0.1:9249:9249");
    assertThat(services.get("taskmanager").get("ports").toString())
        .contains("127.0.0.1:9250-9251:9249");
  }

  @Test
  void composeSubmitsTheJarTheBuildProducesWithOptionsTheJobHas() throws Exception {
    JsonNode services =
        YAML.readTree(Paths.get("..", "docker-compose.yml").toFile()).get("services");
    List<String> words = shellWords(services.get("submit").get("command").get(0).asText());
    int jar =
        words.indexOf(words.stream().filter(w -> w.endsWith("-job.jar")).findFirst().orElseThrow());
    // the jar the build names (artifactId-version-job.jar), in the folder mounted from
    // flink-jobs/target
    String built = "pantau-flink-jobs-" + projectVersion() + "-job.jar";
    assertThat(words.get(jar)).isEqualTo("/opt/pantau/jobs/" + built);
    assertThat(services.get("submit").get("volumes").toString())
        .contains("./flink-jobs/target:/opt/pantau/jobs");
    // picocli parses them as PantauJob's main does: an unknown option or a bad value throws
    List<String> jobArgs = words.subList(jar + 1, words.size());
    CommandLine.ParseResult parsed =
        new CommandLine(new PantauJob()).parseArgs(jobArgs.toArray(String[]::new));
    assertThat(parsed.matchedOptions())
        .extracting(o -> o.longestName())
        .contains("--bootstrap", "--keywords", "--alerts", "--jdbc-url", "--no-create-topics");
    assertThat(parsed.unmatched()).isEmpty();
  }

  @Test
  void composeCreatesEveryTopicWithTheKafkaImagesToolsBeforeTheJobIsSubmitted() throws Exception {
    JsonNode services =
        YAML.readTree(Paths.get("..", "docker-compose.yml").toFile()).get("services");
    JsonNode init = services.get("kafka-init");
    assertThat(init.get("image").asText()).isEqualTo(services.get("kafka").get("image").asText());
    assertThat(init.get("depends_on").get("kafka").get("condition").asText())
        .isEqualTo("service_healthy");
    assertThat(services.get("submit").get("depends_on").get("kafka-init").get("condition").asText())
        .isEqualTo("service_completed_successfully");
    // compose turns $$ into $ before bash sees it
    String script = init.get("command").get(0).asText().replace("$$", "$");
    assertThat(script)
        .contains(
            "/opt/kafka/bin/kafka-topics.sh --bootstrap-server kafka:9092 --create --if-not-exists");
    Matcher vars = Pattern.compile("topics=\"([^\"]+)\"").matcher(script);
    assertThat(vars.find()).isTrue();
    String expanded = script.replace("$topics", vars.group(1));
    // the job's topics, as run creates them: keyword-sets compacted, outputs stamped when written
    Map<String, String> configOf =
        Map.of(Topics.MENTIONS, "", Topics.KEYWORD_SETS, "--config cleanup.policy=compact");
    for (Map.Entry<String, String> t : configOf.entrySet()) {
      assertThat(expanded)
          .contains("--topic " + t.getKey() + (t.getValue().isEmpty() ? ";" : " " + t.getValue()));
    }
    assertThat(expanded)
        .contains(
            "for t in "
                + String.join(
                    " ",
                    Topics.KPI_SERIES,
                    Topics.MENTIONS_ENRICHED,
                    Topics.ALERTS,
                    Topics.DEAD_LETTER)
                + ";")
        .contains("--topic $t --config message.timestamp.type=LogAppendTime");
    assertThat(expanded).contains("--partitions 3").startsWith("set -e;");
  }

  private static String projectVersion() throws Exception {
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher m =
        Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL).matcher(pom);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  /** Words of a shell command line, with single-quoted parts kept whole. */
  private static List<String> shellWords(String command) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("'([^']*)'|(\\S+)").matcher(command);
    while (m.find()) {
      out.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    return out;
  }
}
