package dev.pantau.flink.kafka;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints how long {@link LocalKafkaBroker#start} takes until the broker answers, and how long
 * {@code close()} takes, over a few rounds. Run after {@code mvn package} from the repository root:
 *
 * <pre>
 * java -cp "tools/target/test-classes:tools/target/classes:flink-jobs/target/classes:$(cat tools/target/classpath.txt)" \
 *   dev.pantau.flink.kafka.BrokerStartupBenchmark [ROUNDS]
 * </pre>
 */
public final class BrokerStartupBenchmark {

  private BrokerStartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Path base = Files.createTempDirectory("broker-benchmark-");
    for (int i = 1; i <= rounds; i++) {
      long t0 = System.nanoTime();
      LocalKafkaBroker broker = LocalKafkaBroker.start(base.resolve("round-" + i));
      long t1 = System.nanoTime();
      broker.createTopics(
          3, "mentions", "kpi-series", "mentions-enriched", "alerts", "mentions-dead-letter");
      broker.createCompactedTopic("keyword-sets");
      long t2 = System.nanoTime();
      broker.close();
      long t3 = System.nanoTime();
      System.out.printf(
          "round %d: ready in %.2f s, 6 topics in %.2f s, closed in %.2f s%n",
          i, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
    }
  }
}
