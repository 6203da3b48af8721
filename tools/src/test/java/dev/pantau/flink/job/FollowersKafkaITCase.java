package dev.pantau.flink.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pantau.alerts.AlertConfig;
import dev.pantau.alerts.Target;
import dev.pantau.flink.io.KafkaIo;
import dev.pantau.flink.io.Topics;
import dev.pantau.flink.kafka.LocalKafkaBroker;
import dev.pantau.keywords.Brand;
import dev.pantau.keywords.KeywordSet;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The streaming job reads owned-account readings from the {@code account-stats} topic (SPEC §1b):
 * they reach the KPI records' {@code followers} and the {@code targets} topic, exactly once, and a
 * reading for an unknown brand reaches the dead-letter topic.
 */
class FollowersKafkaITCase {
  @RegisterExtension static final MiniClusterExtension FLINK = KafkaTestSupport.miniCluster(4);

  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void readingsFromTheTopicReachFollowersAndTargets() throws Exception {
    try (LocalKafkaBroker kafka =
        LocalKafkaBroker.start(Paths.get("target", "kafka-followers-itcase"))) {
      kafka.createTopics(
          1,
          Topics.MENTIONS,
          Topics.ACCOUNT_STATS,
          Topics.KPI_SERIES,
          Topics.MENTIONS_ENRICHED,
          Topics.ALERTS,
          Topics.DEAD_LETTER,
          Topics.TARGETS,
          Topics.LEADS,
          Topics.ADVOCACY);
      kafka.createCompactedTopic(Topics.KEYWORD_SETS);
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      KafkaJobOptions options =
          KafkaJobOptions.defaults(kafka.bootstrapServers())
              .withCheckpointInterval(Duration.ofMillis(500))
              .withStartFrom(KafkaIo.StartFrom.EARLIEST)
              .withTransactionalIdPrefix("followers-itcase");
      AlertConfig targets =
          new AlertConfig(
              List.of(),
              Map.of(),
              List.of(new Target("acme", "followers.growth", Target.Period.MONTH, 600)));
      PipelineConfig config =
          PipelineConfig.defaults(new KeywordSet(List.of(Brand.of("acme", "acme")), List.of()))
              .withAlerts(targets)
              .withWindows("1m");
      StreamingJob.build(env, options, config, Topics.ACCOUNT_STATS, Topics.TARGETS);
      JobClient job = env.executeAsync("followers-itcase");
      try {
        KafkaTestSupport.produce(
            kafka,
            Topics.ACCOUNT_STATS,
            List.of(
                reading("acme", 1_000, T0.plusSeconds(10)),
                reading("acme", 1_025, T0.plusSeconds(70)),
                reading("nobody", 5, T0.plusSeconds(20))),
            line -> null);
        List<String> mentions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          mentions.add(
              "{\"id\":\"m"
                  + i
                  + "\",\"text\":\"acme\",\"source\":\"x\",\"created_at\":\""
                  + T0.plusSeconds(60L * i + 5)
                  + "\"}");
        }
        KafkaTestSupport.produce(kafka, Topics.MENTIONS, mentions, line -> null);

        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(500))
            .untilAsserted(
                () -> {
                  List<String> followers = new ArrayList<>();
                  for (JsonNode r : KafkaTestSupport.readCommitted(kafka, Topics.KPI_SERIES)) {
                    if (r.get("source").asText().equals("*") && r.has("followers")) {
                      followers.add(
                          r.get("start").asText()
                              + " "
                              + r.get("followers").get("end")
                              + " "
                              + r.get("followers").get("growth"));
                    }
                  }
                  assertThat(followers)
                      .as(
                          "KPI records: %s; dead letters: %s",
                          KafkaTestSupport.readCommitted(kafka, Topics.KPI_SERIES).stream()
                              .map(
                                  r ->
                                      r.get("window").asText()
                                          + " "
                                          + r.get("start").asText()
                                          + " "
                                          + r.get("source").asText()
                                          + " "
                                          + r.get("mentions"))
                              .toList(),
                          KafkaTestSupport.readCommitted(kafka, Topics.DEAD_LETTER))
                      .contains(
                          "2026-11-22T10:00:00Z 1000 0",
                          "2026-11-22T10:01:00Z 1025 25",
                          "2026-11-22T10:02:00Z 1025 0");
                });
        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(
                () -> {
                  assertThat(KafkaTestSupport.readCommitted(kafka, Topics.TARGETS))
                      .anySatisfy(
                          t -> {
                            assertThat(t.get("metric").asText()).isEqualTo("followers.growth");
                            assertThat(t.get("actual").asLong()).isEqualTo(25);
                          });
                  assertThat(KafkaTestSupport.readCommitted(kafka, Topics.DEAD_LETTER))
                      .anySatisfy(
                          d -> assertThat(d.get("error").asText()).isEqualTo("unknown_brand"));
                });
      } finally {
        job.cancel().get();
      }
    }
  }

  private static String reading(String brand, long followers, Instant at) {
    return "{\"brand\":\""
        + brand
        + "\",\"source\":\"instagram\",\"account\":\"@"
        + brand
        + "\",\"followers\":"
        + followers
        + ",\"at\":\""
        + at
        + "\"}";
  }
}
