package dev.pantau.flink.generate;

import java.time.Instant;

/**
 * Prints how many mentions per second {@link MentionGenerator} produces (JSON strings in memory, no
 * I/O). Run after {@code mvn package} from the repository root:
 *
 * <pre>
 * java -cp "tools/target/test-classes:tools/target/classes:flink-jobs/target/classes:$(cat tools/target/classpath.txt)" \
 *   dev.pantau.flink.generate.GeneratorBenchmark [COUNT]
 * </pre>
 */
public final class GeneratorBenchmark {

  private GeneratorBenchmark() {}

  public static void main(String[] args) {
    long count = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    for (int round = 1; round <= 3; round++) {
      MentionGenerator generator = new MentionGenerator(round, MentionGenerator.DEFAULT_START, 100);
      long bytes = 0;
      long t0 = System.nanoTime();
      for (long i = 0; i < count; i++) {
        bytes += generator.nextMention().json().length();
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "round %d: %d mentions in %.2f s = %.0f mentions/s (%.0f chars each)%n",
          round, count, seconds, count / seconds, bytes / (double) count);
    }
    System.out.println("generated until " + Instant.now());
  }
}
