package dev.pantau.flink.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pantau.flink.io.KafkaIo;
import dev.pantau.flink.io.KeywordSetPublisher;
import dev.pantau.flink.io.Topics;
import dev.pantau.flink.job.enrich.EnrichMentionsOperator;
import dev.pantau.flink.kafka.LocalKafkaBroker;
import dev.pantau.keywords.Brand;
import dev.pantau.keywords.KeywordSet;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Keyword sets change in the running job without a restart: the streaming job reads the compacted
 * {@code keyword-sets} topic; a new brand starts matching, an invalid update is rejected while the
 * last good set keeps running.
 */
class LiveKeywordUpdatesITCase {
  private static final InMemoryReporter METRICS = InMemoryReporter.create();

  @RegisterExtension
  static final MiniClusterExtension FLINK = KafkaTestSupport.miniCluster(4, METRICS);

  private static final int PARALLELISM = 2;

  private static final Brand ACME = Brand.of("acme", "acme");
  private static final Brand GLOBEX = Brand.of("globex", "globex");

  @Test
  void newBrandMatchesWithoutRestartAndInvalidUpdateIsRejected() throws Exception {
    try (LocalKafkaBroker kafka =
        LocalKafkaBroker.start(Paths.get("target", "kafka-live-keywords-itcase"))) {
      kafka.createTopics(
          1,
          Topics.MENTIONS,
          Topics.KPI_SERIES,
          Topics.MENTIONS_ENRICHED,
          Topics.ALERTS,
          Topics.DEAD_LETTER,
          Topics.LEADS,
          Topics.ADVOCACY);
      kafka.createCompactedTopic(Topics.KEYWORD_SETS);
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(PARALLELISM);
      KafkaJobOptions options =
          KafkaJobOptions.defaults(kafka.bootstrapServers())
              .withCheckpointInterval(Duration.ofMillis(500))
              .withStartFrom(KafkaIo.StartFrom.EARLIEST)
              .withTransactionalIdPrefix("live-keywords");
      StreamingJob.build(
          env, options, PipelineConfig.defaults(new KeywordSet(List.of(ACME), List.of())));
      JobClient job = env.executeAsync("live-keywords");
      try (KeywordSetPublisher publisher =
          new KeywordSetPublisher(kafka.bootstrapServers(), Topics.KEYWORD_SETS)) {
        send(kafka, "before", "acme and globex");
        assertThat(awaitEnriched(kafka, "before")).isEqualTo("[\"acme\"]");

        publisher.publish(new KeywordSet(List.of(ACME, GLOBEX), List.of()));
        assertThat(sendUntilMatched(kafka, "after", "[\"acme\",\"globex\"]")).isTrue();

        publisher.publish(new KeywordSet(List.of(ACME, Brand.of("globex", "(globex")), List.of()));
        // a mention sent before every subtask has seen the update would pass whether or not it is
        // rejected
        await().atMost(Duration.ofSeconds(60)).until(() -> rejectedUpdates(job) >= PARALLELISM);
        send(kafka, "rejected", "acme and globex");
        assertThat(awaitEnriched(kafka, "rejected"))
            .as("the last good set stays active")
            .isEqualTo("[\"acme\",\"globex\"]");
        assertThat(job.getJobStatus().get().isGloballyTerminalState()).isFalse();
      } finally {
        job.cancel().get();
      }
    }
  }

  /** Keyword updates rejected so far, summed over the enrichment operator's subtasks. */
  private static long rejectedUpdates(JobClient job) {
    return METRICS
        .findMetrics(job.getJobID(), ".*" + EnrichMentionsOperator.REJECTED_METRIC)
        .values()
        .stream()
        .mapToLong(m -> ((Counter) m).getCount())
        .sum();
  }

  /**
   * Sends the mention, and a mention of no brand a minute later in event time: copy detection lets
   * a mention out once the watermark passes it (README, Copies), and on a quiet topic only a later
   * mention moves the watermark.
   */
  private static void send(LocalKafkaBroker kafka, String id, String text) {
    Instant now = Instant.now();
    KafkaTestSupport.produce(
        kafka,
        Topics.MENTIONS,
        List.of(json(id, text, now), json(id + "-tick", "nothing to see", now.plusSeconds(60))),
        line -> null);
  }

  private static String json(String id, String text, Instant createdAt) {
    return "{\"id\":\""
        + id
        + "\",\"source\":\"twitter\",\"lang\":\"en\",\"text\":\""
        + text
        + "\",\"created_at\":\""
        + createdAt
        + "\"}";
  }

  /** Sends mentions until one comes out with {@code brands}: the update is read asynchronously. */
  private static boolean sendUntilMatched(LocalKafkaBroker kafka, String prefix, String brands)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    for (int i = 0; System.nanoTime() < deadline; i++) {
      send(kafka, prefix + i, "acme and globex");
      Optional<String> got = find(kafka, prefix + i, Duration.ofSeconds(5));
      if (got.isPresent() && got.get().equals(brands)) {
        return true;
      }
    }
    return false;
  }

  private static String awaitEnriched(LocalKafkaBroker kafka, String id) throws Exception {
    return find(kafka, id, Duration.ofSeconds(60))
        .orElseThrow(() -> new AssertionError("no enriched mention " + id));
  }

  private static Optional<String> find(LocalKafkaBroker kafka, String id, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (JsonNode n : KafkaTestSupport.readCommitted(kafka, Topics.MENTIONS_ENRICHED)) {
        if (n.get("id").asText().equals(id)) {
          return Optional.of(n.get("brands").toString());
        }
      }
      Thread.sleep(300);
    }
    return Optional.empty();
  }
}
