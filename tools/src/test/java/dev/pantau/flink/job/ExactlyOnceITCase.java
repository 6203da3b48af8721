package dev.pantau.flink.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pantau.flink.generate.GeneratedMention;
import dev.pantau.flink.generate.GeneratorOptions;
import dev.pantau.flink.generate.MentionGenerator;
import dev.pantau.flink.io.MentionWatermarks;
import dev.pantau.flink.kafka.LocalKafkaBroker;
import dev.pantau.flink.model.Decoded;
import dev.pantau.keywords.KeywordSetLoader;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exactly once through failures: the same generated input runs once cleanly and once with an
 * operator that throws mid-stream (twice), the job restarting from its last checkpoint each time. A
 * read_committed consumer must see exactly the clean run's KPI records (after upsert), enriched
 * mentions and dead letters: nothing lost, nothing twice.
 */
class ExactlyOnceITCase {
  @RegisterExtension static final MiniClusterExtension FLINK = KafkaTestSupport.miniCluster(2);

  private static final int MENTIONS = 3_000;
  private static LocalKafkaBroker kafka;
  private static List<String> input;

  @BeforeAll
  static void setUp() throws Exception {
    kafka = LocalKafkaBroker.start(Paths.get("target", "kafka-exactly-once-itcase"));
    MentionGenerator generator =
        new MentionGenerator(
            11,
            MentionGenerator.DEFAULT_START,
            150,
            GeneratorOptions.defaults().malformedFraction(0.01));
    input =
        generator.stream().limit(MENTIONS).map(GeneratedMention::json).collect(Collectors.toList());
    kafka.createTopics(2, "eo-mentions");
    KafkaTestSupport.produce(kafka, "eo-mentions", input, line -> null);
  }

  @AfterAll
  static void tearDown() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void failuresMidStreamChangeNothingThatReadCommittedConsumersSee() throws Exception {
    run("clean", Integer.MAX_VALUE);
    FailingMap.FAILURES.set(0);
    run("failing", 600);
    // the second failure needs 600 more records after a checkpoint of the restarted attempt, which
    // a
    // loaded machine may not leave: at least one must have happened
    assertThat(FailingMap.FAILURES.get()).as("injected failures").isBetween(1, 2);

    Map<String, String> clean =
        KafkaTestSupport.upserted(KafkaTestSupport.readCommitted(kafka, "clean-kpi"), false, false);
    Map<String, String> failing =
        KafkaTestSupport.upserted(
            KafkaTestSupport.readCommitted(kafka, "failing-kpi"), false, false);
    assertThat(clean).hasSizeGreaterThan(500);
    assertThat(differences(clean, failing))
        .as("KPI records that differ (clean | failing)")
        .isEmpty();
    assertThat(failing).isEqualTo(clean);

    assertThat(ids(KafkaTestSupport.readCommitted(kafka, "failing-enriched")))
        .hasSizeGreaterThan(MENTIONS / 2)
        .containsExactlyInAnyOrderElementsOf(
            ids(KafkaTestSupport.readCommitted(kafka, "clean-enriched")));
    List<String> dead =
        KafkaTestSupport.readCommitted(kafka, "failing-dead").stream()
            .map(JsonNode::toString)
            .toList();
    assertThat(dead)
        .isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(
            KafkaTestSupport.readCommitted(kafka, "clean-dead").stream()
                .map(JsonNode::toString)
                .toList());
  }

  private static List<String> differences(Map<String, String> clean, Map<String, String> failing) {
    java.util.Set<String> keys = new java.util.TreeSet<>(clean.keySet());
    keys.addAll(failing.keySet());
    return keys.stream()
        .filter(k -> !java.util.Objects.equals(clean.get(k), failing.get(k)))
        .map(k -> k + ": " + clean.get(k) + " | " + failing.get(k))
        .toList();
  }

  private static List<String> ids(List<JsonNode> enriched) {
    return enriched.stream()
        .map(n -> n.get("source").asText() + ":" + n.get("id").asText())
        .toList();
  }

  private static void run(String name, int failAfter) throws Exception {
    kafka.createTopics(2, name + "-kpi", name + "-enriched", name + "-dead", name + "-alerts");
    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 5);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.enableCheckpointing(300);
    PipelineConfig config =
        PipelineConfig.defaults(KeywordSetLoader.load(Paths.get("..", "config", "keywords")))
            .withWindows("1m,5m,1h");
    DataStream<Decoded> decoded =
        env.fromSource(
                KafkaTestSupport.boundedSource(kafka, "eo-mentions"),
                MentionWatermarks.replay(config.outOfOrderness(), 50),
                "mentions")
            .map(new FailingMap(failAfter))
            .name("Fail mid-stream");
    KafkaTestSupport.sinkExactlyOnce(PantauPipeline.build(decoded, config), kafka, name);
    env.execute("exactly-once-" + name);
  }

  /**
   * Slows the stream so checkpoints complete in between, and throws after {@code failAfter} records
   * of an attempt, once a checkpoint of that attempt has completed (so the job restarts from a
   * checkpoint of its own, not from scratch), at most twice per run (the count lives in a static:
   * the MiniCluster shares this JVM).
   */
  static final class FailingMap extends RichMapFunction<Decoded, Decoded>
      implements CheckpointListener {
    static final AtomicInteger FAILURES = new AtomicInteger();
    private static final int MAX_FAILURES = 2;
    private final int failAfter;
    private transient int seen;
    private transient volatile int checkpointsCompleted;

    FailingMap(int failAfter) {
      this.failAfter = failAfter;
    }

    @Override
    public void open(OpenContext openContext) {
      seen = 0;
      checkpointsCompleted = 0;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpointsCompleted++;
    }

    @Override
    public Decoded map(Decoded value) throws Exception {
      seen++;
      Thread.sleep(1);
      if (seen >= failAfter
          && checkpointsCompleted > 0
          && getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0
          && FAILURES.get() < MAX_FAILURES) {
        FAILURES.incrementAndGet();
        throw new IllegalStateException("injected failure " + FAILURES.get());
      }
      return value;
    }
  }
}
