package dev.pantau.flink.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LocalFlinkClusterTest {
  private static final Path SCRATCH =
      Paths.get("target", "local-flink-cluster-test").toAbsolutePath();

  @Test
  void theLocalClustersConfigurationIsAcceptedByFlinksOwnParserAndBindsTo127001() throws Exception {
    LocalFlinkCluster.Settings s =
        LocalFlinkCluster.Settings.of(SCRATCH, SCRATCH.resolve("log"), List.of())
            .taskManagers(3, 2);
    Map<String, String> conf = LocalFlinkCluster.configuration(SCRATCH, s, 6123, 8081);
    String yaml =
        conf.entrySet().stream()
            .map(e -> e.getKey() + ": \"" + e.getValue() + "\"")
            .collect(Collectors.joining("\n"));
    assertThat(FlinkConfigCheck.problems(yaml, SCRATCH.resolve("conf"))).isEmpty();
    assertThat(conf)
        .containsEntry("parallelism.default", "6")
        .containsEntry("taskmanager.numberOfTaskSlots", "2")
        // a killed TaskManager is found by refused heartbeat RPCs, a starved one has a minute
        .containsEntry("heartbeat.rpc-failure-threshold", "2")
        .containsEntry("heartbeat.timeout", "60000")
        .containsEntry("metrics.reporter.prom.host", "127.0.0.1")
        .containsEntry(
            "metrics.reporter.prom.factory.class",
            LoopbackPrometheusReporterFactory.class.getName());
    Map<String, String> hosts =
        conf.entrySet().stream()
            .filter(
                e ->
                    e.getKey().endsWith("address")
                        || e.getKey().endsWith("bind-host")
                        || e.getKey().endsWith(".host"))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(hosts).hasSize(7).allSatisfy((k, v) -> assertThat(v).as(k).isEqualTo("127.0.0.1"));
  }

  @Test
  void aConfigurationKeyFlinkDoesNotKnowOrAValueItRefusesIsReported() throws Exception {
    assertThat(
            FlinkConfigCheck.problems(
                "parallelism.default: two\ntaskmanager.numberOfSlots: 2\n", SCRATCH.resolve("bad")))
        .hasSize(2)
        .anyMatch(p -> p.startsWith("parallelism.default: two is not accepted"))
        .anyMatch(p -> p.equals("taskmanager.numberOfSlots: not a Flink option"));
  }

  @Test
  void theClusterClassPathLeavesOutPantauAndTheKafkaConnectorWhichTheJobJarBrings() {
    String cp =
        String.join(
            java.io.File.pathSeparator,
            "/x/flink-jobs/target/classes",
            "/m2/pantau-keywords-0.1.0.jar",
            "/m2/flink-connector-kafka-5.0.0-2.2.jar",
            "/m2/flink-runtime-2.2.1.jar",
            "/m2/kafka-clients-4.2.0.jar");
    assertThat(LocalFlinkCluster.clusterClassPath(cp))
        .containsExactly("/m2/flink-runtime-2.2.1.jar", "/m2/kafka-clients-4.2.0.jar");
  }
}
