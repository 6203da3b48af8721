package dev.pantau.flink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docker-compose wires PostgreSQL and Grafana to the job with the files of deploy/, at pinned versions. */
class DeployFilesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void composeRunsPinnedPostgresAndGrafanaOnTheDeployFilesAndTheJobWritesToPostgres() throws Exception {
    JsonNode services = YAML.readTree(Paths.get("..", "docker-compose.yml").toFile()).get("services");
    assertThat(services.get("postgres").get("image").asText()).matches("postgres:17\\.[0-9]+");
    assertThat(services.get("grafana").get("image").asText()).matches("grafana/grafana:[0-9]+\\.[0-9]+\\.[0-9]+");
    assertThat(services.get("postgres").get("volumes").toString()).contains("./deploy/postgres/schema.sql:");
    assertThat(services.get("grafana").get("volumes").toString())
        .contains("./deploy/grafana/provisioning:/etc/grafana/provisioning")
        .contains("./deploy/grafana/dashboards:/var/lib/grafana/dashboards");
    assertThat(services.get("submit").get("command").toString())
        .contains("--jdbc-url 'jdbc:postgresql://postgres:5432/" + services.get("postgres").get("environment").get("POSTGRES_DB").asText());
    assertThat(services.get("submit").get("depends_on").toString()).contains("postgres");
    List<String> ports = new ArrayList<>();
    services.forEach(s -> s.path("ports").forEach(p -> ports.add(p.asText())));
    assertThat(ports).isNotEmpty().allMatch(p -> p.startsWith("127.0.0.1:"));
  }

  @Test
  void composeKeepsFlinkStateOnAVolumeAndSubmitsOnceKafkaAndTheJobManagerAnswer() throws Exception {
    JsonNode services = YAML.readTree(Paths.get("..", "docker-compose.yml").toFile()).get("services");
    String jm = services.get("jobmanager").get("environment").get("FLINK_PROPERTIES").asText();
    String tm = services.get("taskmanager").get("environment").get("FLINK_PROPERTIES").asText();
    // checkpoints and savepoints on a volume both share: a restarted JobManager or TaskManager resumes
    assertThat(jm).isEqualTo(tm).contains("execution.checkpointing.dir: file:///flink-state/")
        .contains("parallelism.default: 2").contains("taskmanager.load-balance.mode: SLOTS");
    assertThat(services.get("jobmanager").get("volumes").toString()).contains("flink-state:/flink-state");
    assertThat(services.get("taskmanager").get("volumes").toString()).contains("flink-state:/flink-state");
    assertThat(services.get("taskmanager").get("deploy").get("replicas").asInt()).isEqualTo(2);
    // the notifier runs on the TaskManagers: the channels' secrets must reach them
    assertThat(services.get("taskmanager").get("environment").has("SLACK_WEBHOOK_URL")).isTrue();
    assertThat(services.get("taskmanager").get("environment").has("PANTAU_WEBHOOK_SECRET")).isTrue();
    // health checks instead of a fixed sleep
    assertThat(services.get("submit").get("depends_on").get("kafka").get("condition").asText()).isEqualTo("service_healthy");
    assertThat(services.get("submit").get("depends_on").get("jobmanager").get("condition").asText()).isEqualTo("service_healthy");
    assertThat(services.get("submit").get("command").toString()).doesNotContain("sleep");
    assertThat(services.get("kafka").has("healthcheck")).isTrue();
    assertThat(services.get("jobmanager").has("healthcheck")).isTrue();
  }

  @Test
  void grafanaProvisionsTheDataSourceTheDashboardsUseAndLoadsThemFromTheMountedFolder() throws Exception {
    JsonNode ds = YAML.readTree(Paths.get("..", "deploy", "grafana", "provisioning", "datasources", "pantau.yaml").toFile())
        .get("datasources").get(0);
    assertThat(ds.get("type").asText()).isEqualTo("grafana-postgresql-datasource");
    JsonNode provider = YAML.readTree(Paths.get("..", "deploy", "grafana", "provisioning", "dashboards", "pantau.yaml").toFile())
        .get("providers").get(0);
    assertThat(provider.get("options").get("path").asText()).isEqualTo("/var/lib/grafana/dashboards");
    for (JsonNode d : GrafanaDashboards.dashboards()) {
      assertThat(GrafanaDashboards.queries(d)).isNotEmpty()
          .allSatisfy(q -> assertThat(q.datasourceUid()).as(q.title()).isEqualTo(ds.get("uid").asText()));
    }
  }
}
